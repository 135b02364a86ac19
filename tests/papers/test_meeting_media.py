"""Table-driven tests of what a paper says about a meeting beyond its start: when it ended, where it was
webcast or recorded, and where in a PDF pack each document and agenda item begins."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.papers import convert_paper
from minutes.papers.broadcasts import find_broadcasts, web_address
from minutes.papers.dates import time_range
from minutes.papers.meeting_end import closing_time, end_time, planned_end
from minutes.papers.readers import read_paper

PDFS = Path(__file__).resolve().parent.parent / "pdfs"


@pytest.mark.parametrize(
    ("lines", "webcast", "recording"),
    [
        pytest.param(
            [
                "The webcast of the Council Meeting can be viewed at: -",
                "",
                "<https://rotherham.public-i.tv/core/portal/home>",
            ],
            "https://rotherham.public-i.tv/core/portal/home",
            "",
            id="address-two-lines-below",
        ),
        pytest.param(
            ["This meeting will be webcast live at https://council.example.gov.uk/webcasts."],
            "https://council.example.gov.uk/webcasts",
            "",
            id="same-line-full-stop-left-out",
        ),
        pytest.param(
            ["This meeting will be webcast live and will be available to view [via the Council's website](#)."],
            "",
            "",
            id="a-link-to-nowhere-is-no-address",
        ),
        pytest.param(
            ["A recording of the meeting is available on YouTube: www.youtube.com/watch?v=abc123"],
            "",
            "https://www.youtube.com/watch?v=abc123",
            id="recording-on-youtube-www",
        ),
        pytest.param(
            ["The meeting will be live streamed on [YouTube](https://www.youtube.com/@council/live)."],
            "https://www.youtube.com/@council/live",
            "",
            id="live-stream-markdown-link",
        ),
        pytest.param(
            ["Watch the webcast: https://a.example/live", "Watch again on demand: https://a.example/archive/12"],
            "https://a.example/live",
            "https://a.example/archive/12",
            id="both",
        ),
        pytest.param(
            ["Case recording will move to Liquid Logic.", "Further reading", "Para 1", "Para 2", "https://gov.uk/x"],
            "",
            "",
            id="an-address-far-below-the-words-is-not-theirs",
        ),
        pytest.param(["See https://www.gov.uk/guidance for the guidance."], "", "", id="no-words-no-webcast"),
        pytest.param(["Webcast: javascript:alert(1)"], "", "", id="script-is-no-address"),
    ],
)
def test_broadcasts(lines, webcast, recording):
    found = find_broadcasts(lines)
    assert (found.webcast, found.recording) == (webcast, recording)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("(https://x.example/a_b).", "https://x.example/a_b"),
        ("<https://x.example/?a=1&b=2>", "https://x.example/?a=1&b=2"),
        ("www.example.org/path,", "https://www.example.org/path"),
        ("http://", ""),
        ("mailto:clerk@example.org", ""),
    ],
)
def test_web_address(text, address):
    assert web_address(text) == address


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There being no further business, the meeting closed at 9.30pm.", "21:30"),
        ("The meeting closed at 9.30pm.\nThe meeting adjourned at 1:07 pm and reconvened at 1:09 pm.", "21:30"),
        ("Meeting Closed 21:00pm", "21:00"),
        ("Meeting Commenced:  2.30pm      Meeting Concluded: 4.38pm", "16:38"),
        ("As there was no further business Cllr Hotchkin closed the meeting at 7.20pm. It was proposed", "19:20"),
        ("the meeting was declared closed at 7.50pm.", "19:50"),
        ("The meeting adjourned at 6:25 PM.", "18:25"),
        ("The meeting closed at nine.", ""),
        ("The meeting closed. The next meeting is at 7pm", ""),
        ("The meeting adjourned at 1:07 pm and reconvened at 1:09 pm.", ""),
    ],
)
def test_closing_time(text, expected):
    assert closing_time(text.split("\n")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.30 - 7.30 p.m.", ("17:30", "19:30")),
        ("11.30 - 1.00 pm", ("11:30", "13:00")),
        ("10.00 am – 12.30 pm", ("10:00", "12:30")),
        ("10 am to 12 noon", ("10:00", "12:00")),
        ("2 hours to 3 hours", None),
        ("at 5.30 p.m.", None),
    ],
)
def test_time_range(text, expected):
    assert time_range(text) == expected


@pytest.mark.parametrize(
    ("kind", "lines", "start", "expected"),
    [
        ("agenda", ["Time: 5.30 - 7.30 p.m."], "17:30", "19:30"),
        ("agenda", ["Time: 5.30 - 7.30 p.m."], "18:00", ""),  # a span that is not the meeting's
        ("minutes", ["The meeting closed at 7.15 p.m."], "17:30", "19:15"),
        ("minutes", ["The meeting closed at 5.15 p.m."], "17:30", ""),  # before it began: a slip
        ("minutes", ["The meeting closed at 12.30 a.m."], "18:00", "00:30"),  # past midnight
        ("minutes", ["The meeting closed at 9.30pm."], "", "21:30"),
        ("report", ["The meeting closed at 9.30pm."], "19:00", ""),
    ],
)
def test_end_time(kind, lines, start, expected):
    assert end_time(kind, lines, start) == expected
    if kind == "agenda":
        assert planned_end(lines, start) == expected


def test_a_pack_links_each_item_to_the_page_of_the_paper_where_its_pack_pages_begin():
    """Kent's supplementary pack: a two-page letter without page numbers, then "Page 1" to "Page 20"."""
    path = PDFS / "kent-cc_2025-01-30_cabinet_item7-supplementary-pack.pdf"
    documents = convert_paper(read_paper(path.read_bytes(), path.name), f"content/papers/{path.name}")
    agenda = next(d.record for d in documents if d.record.kind == "agenda")
    item = next(i for i in agenda.items if i.number == "7")
    assert (item.pages, item.paper_page) == ("1-20", 3)
    assert agenda.source.pages[0] == 1
    report = next(d.record for d in documents if d.record.agenda_item == "7")
    assert report.source.pages[0] == 3 and report.source.pages[1] >= 20


def test_a_text_paper_has_no_pages():
    text = "CABINET\nMonday, 16th December, 2013\n\n1. Minutes (Pages 1 - 4)\n"
    documents = convert_paper(read_paper(text.encode(), "pack.txt"), "content/papers/pack.txt")
    assert all(d.record.source.pages == (0, 0) for d in documents)
    assert all(i.paper_page == 0 for d in documents for i in d.record.items)
