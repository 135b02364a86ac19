"""`minutes convert` reads a site's papers as a set: it learns their house style, and a person's correction of
one record teaches it how to read the others. Papers are invented, in one township's house style."""

from __future__ import annotations

import datetime
import textwrap

import yaml

from helpers import run_minutes
from minutes.records import frontmatter


def _minutes(day: str, month: str, motions: list[str]) -> str:
    return (
        textwrap.dedent(
            f"""\
        State of Ohio
        County of Lake
        Town of Perry
        BOARD OF TRUSTEES MEETING
        {month} {day}, 2023

        The meeting was called to order by Supervisor Vane at 7:00 PM.

        Board Members Present: Ann Orr, Ben Pike, Cy Lund

        """
        )
        + "\n\n".join(motions)
        + "\n\nMeeting adjourned at 8:10 pm.\n"
    )


PAPERS = {
    "2023-01-11.txt": _minutes(
        "11",
        "January",
        [
            "Public comment was heard and the agenda was approved after motion by Orr and second by Pike.",
            "The treasurer's report was given and the bills were paid after motion by Lund and second by Orr.",
        ],
    ),
    "2023-02-08.txt": _minutes(
        "8",
        "February",
        [
            "The minutes of the January meeting were approved after motion by Pike and second by Lund.",
            "The road grader was sold to the county after motion by Orr and second by Lund.",
        ],
    ),
    "2023-03-08.txt": _minutes(
        "8",
        "March",
        [
            "Correspondence was read from the county treasurer regarding the audit.",
            "The cemetery mowing contract was renewed after motion by Lund and second by Pike.",
        ],
    ),
}


def _site(tmp_path, *, other_council: bool = False):
    root = tmp_path / "site"
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    (root / "site.yaml").write_text("title: Perry\ncouncil: Perry Township\n", encoding="utf-8")
    for name, text in PAPERS.items():
        (papers / name).write_text(text, encoding="utf-8")
    if other_council:
        (papers / "elsewhere.txt").write_text(
            "ASHBY PARISH COUNCIL\nMinutes of the meeting held on Tuesday 4 April 2023\n\n"
            "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Planning\nNo applications.\n",
            encoding="utf-8",
        )
    return root


def _records(root):
    out = {}
    for path in sorted((root / "content" / "meetings").rglob("*.md")):
        data = frontmatter.split(path.read_text(encoding="utf-8")).data
        out[path.relative_to(root / "content" / "meetings").as_posix()] = data
    return out


def test_a_correction_of_one_record_teaches_the_reading_of_the_others(tmp_path):
    root = _site(tmp_path)
    first = run_minutes("convert", "--site", str(root))
    assert first.returncode == 0, first.stderr
    before = _records(root)
    assert len(before) == 3
    # Read without help: filed under the council, and no items (the paragraphs have no headings).
    assert {r["committee"] for r in before.values()} == {"Perry Township"}
    assert not any(r.get("items") for r in before.values())

    # A person corrects the first record: the board that met, and each paragraph of business as an item.
    path, record = next((root / "content" / "meetings" / p, r) for p, r in before.items() if "2023-01-11" in p)
    text = path.read_text(encoding="utf-8")
    record = frontmatter.split(text).data
    record["committee"] = "Board of Trustees"
    record["items"] = [
        {"number": "", "title": line, "anchor": f"item-{n}"}
        for n, line in enumerate(PAPERS["2023-01-11.txt"].split("\n\n")[3:5], 1)
    ]
    path.write_text(frontmatter.join(record, frontmatter.split(text).body), encoding="utf-8")

    second = run_minutes("convert", "--site", str(root))
    assert second.returncode == 0, second.stderr
    said = second.stderr
    assert "learned from a corrected record: the body 'Board of Trustees' is printed" in said
    assert "learned from a corrected record: each paragraph of business in minutes is an item" in said
    assert "the house style changed" in said

    after = _records(root)
    corrected = [r for p, r in after.items() if "2023-01-11" in p]
    assert len(corrected) == 1 and corrected[0]["items"] == record["items"], "the person's record is kept as edited"
    assert any(p.startswith("board-of-trustees/2023-01-11/") for p in after), "moved to the meeting its facts name"
    others = {p: r for p, r in after.items() if "2023-01-11" not in p}
    assert len(others) == 2
    for path_name, other in others.items():
        assert path_name.startswith("board-of-trustees/")
        assert other["committee"] == "Board of Trustees"
        titles = [i["title"] for i in other["items"]]
        assert len(titles) == 2 and all("motion" in t or "Correspondence" in t for t in titles), titles

    style = yaml.safe_load((root / "content" / "house-style.yaml").read_text(encoding="utf-8"))
    body = next(b for b in style["bodies"] if b["name"] == "Board of Trustees")
    assert body["source"] == "corrected" and body["taught_by"]
    assert any(shape.get("paragraphs") and shape.get("source") == "corrected" for shape in style["items"])

    third = run_minutes("convert", "--site", str(root))
    assert "learned from a corrected record" not in third.stderr, "a correction teaches once"
    assert "0 records written" in third.stderr


def test_an_edited_style_file_is_read(tmp_path):
    root = _site(tmp_path)
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "house-style.yaml").write_text(
        "bodies:\n- name: Perry Township\n  forms: [BOARD OF TRUSTEES]\n  pinned: true\n", encoding="utf-8"
    )
    result = run_minutes("convert", "--site", str(root))
    assert result.returncode == 0, result.stderr
    assert {r["committee"] for r in _records(root).values()} == {"Perry Township"}
    style = yaml.safe_load((root / "content" / "house-style.yaml").read_text(encoding="utf-8"))
    assert style["bodies"][0] == {"name": "Perry Township", "forms": ["BOARD OF TRUSTEES"], "pinned": True}


def test_another_councils_paper_in_the_folder_is_read_as_before(tmp_path):
    alone = tmp_path / "alone"
    (alone / "content" / "papers").mkdir(parents=True)
    (alone / "site.yaml").write_text("title: T\ncouncil: Perry Township\n", encoding="utf-8")
    root = _site(tmp_path, other_council=True)
    (alone / "content" / "papers" / "elsewhere.txt").write_text(
        (root / "content" / "papers" / "elsewhere.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "house-style.yaml").write_text(
        "bodies:\n- name: Perry Township\n  forms: [BOARD OF TRUSTEES]\n"
        "items:\n- kind: minutes\n  unnumbered: true\n  paragraphs: true\n",
        encoding="utf-8",
    )
    assert run_minutes("convert", "--site", str(root)).returncode == 0
    assert run_minutes("convert", "--site", str(alone)).returncode == 0
    mixed = {p: r for p, r in _records(root).items() if "elsewhere" in str(r.get("source", {}).get("paper"))}
    single = next(iter(_records(alone).values()))
    assert len(mixed) == 1
    mixed_record = next(iter(mixed.values()))
    assert mixed_record["items"] == single["items"]
    assert mixed_record["committee"] == single["committee"] == "Ashby Parish Council"


def _headed(day: int, items: list[str]) -> str:
    """Minutes of Elm Township's house: the header's lines in bold above the roll call, one name a line (a title
    that says the minutes were approved, which is not read as the paper's title block without the lesson)."""
    body = "\n\n".join(f"**{title} Report**\n{title} was discussed and the motion carried." for title in items)
    return (
        f"**Elm Township**\n\n**Mill Road Hall**\n\n**June {day}, 2022 Minutes (Approved)**\n\n"
        "The meeting was called to order at 7:00 pm.\n\n"
        "Roll Call: Board Members\n"
        "Ann Bell, Clerk\n"
        "Tom Reed, Trustee\n"
        "Joe Dunn, Trustee\n\n"
        f"{body}\n"
    )


def _roll_call_first(day: int) -> str:
    """Minutes of another of Elm Township's templates: the roll call first, the date in the opening sentence."""
    return (
        "Roll Call: Board Members\nAnn Bell, Clerk\nTom Reed, Trustee\n\n"
        f"The meeting of July {day}, 2022 was called to order at 7:00 pm.\n\n"
        "**Drainage Report**\nThe drain was cleared and the motion carried.\n"
    )


def test_a_corrected_header_and_roll_call_teach_the_reading_of_the_next_papers(tmp_path):
    root = tmp_path / "site"
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    (root / "site.yaml").write_text("title: Elm\ncouncil: Elm Township\n", encoding="utf-8")
    (papers / "a.md").write_text(_headed(7, ["Road Salt", "Park Benches"]), encoding="utf-8")
    (papers / "b.md").write_text(_headed(14, ["Snow Plowing", "Cemetery Mowing"]), encoding="utf-8")
    # Half the minutes print no header above the roll call: too few for the set to learn the header itself.
    (papers / "c.md").write_text(_roll_call_first(5), encoding="utf-8")
    (papers / "d.md").write_text(_roll_call_first(19), encoding="utf-8")
    assert run_minutes("convert", "--site", str(root)).returncode == 0
    before = _records(root)
    second_before = next(r for r in before.values() if r["source"]["paper"].endswith("b.md"))
    assert not second_before.get("date"), "read alone, the header's lines are taken for items"

    # A person corrects the first record: its date, the board members present, and its two items (named
    # shorter than their headings).
    path = next(root / "content" / "meetings" / p for p, r in before.items() if r["source"]["paper"].endswith("a.md"))
    text = path.read_text(encoding="utf-8")
    record = frontmatter.split(text).data
    record["date"] = datetime.date(2022, 6, 7)
    record["attendance"] = {"present": ["Ann Bell", "Tom Reed", "Joe Dunn"]}
    record["items"] = [
        {"number": "", "title": "Road Salt", "anchor": "item-road-salt"},
        {"number": "", "title": "Park Benches", "anchor": "item-park-benches"},
    ]
    path.write_text(frontmatter.join(record, frontmatter.split(text).body), encoding="utf-8")

    again = run_minutes("convert", "--site", str(root))
    assert again.returncode == 0, again.stderr
    assert "stands above 'Roll Call': no item starts before the attendance" in again.stderr
    style = yaml.safe_load((root / "content" / "house-style.yaml").read_text(encoding="utf-8"))
    assert style["header"]["above"] == "Roll Call" and style["header"]["taught_by"]

    second = next(r for r in _records(root).values() if r["source"]["paper"].endswith("b.md"))
    assert str(second["date"]) == "2022-06-14"
    titles = [i["title"] for i in second["items"]]
    assert titles == ["Snow Plowing Report", "Cemetery Mowing Report"], "the header's lines are no items"
    assert {"Elm Township", "Mill Road Hall"} <= {i["title"] for i in second_before.get("items") or []}


def _oak(day: int, *, roll_call_heading: bool = False) -> str:
    """Minutes of Oak Township's template: its name, address and date in bold above the roll call (or, on one
    paper, the date read from the opening because the roll call is a heading of its own); the title says the
    minutes were approved, which items.title-block does not take for the paper's title, so the set has a header
    to learn."""
    if roll_call_heading:
        return (
            "**Oak Township**\n\n**Minutes of the meeting held on 3 May 2022**\n\n**Roll Call**\n\n"
            "Present: Ann Bell, Tom Reed\n\n**Drainage Report**\nThe drain was cleared after a motion by Reed.\n\n"
            "**Cemetery Report**\nThe cemetery was mowed after a motion by Bell.\n"
        )
    return (
        f"**Oak Township**\n\n**Mill Road Hall**\n\n**June {day}, 2022 Minutes (Approved)**\n\n"
        "The meeting was called to order by Ann Bell at 7:00 pm.\n\n"
        "Roll Call: Board Members\nAnn Bell, Clerk\nTom Reed, Trustee\n\n"
        "**Road Report**\nThe salt was bought.\n\n**Park Report**\nThe benches were painted.\n"
    )


def test_the_set_learns_the_header_most_minutes_print_above_the_roll_call(tmp_path):
    """Read alone, each paper takes its header's lines for items and prints no date the converter finds; read
    as a set, most minutes print a dated header above the roll call, so the header is learned and the date read.
    A paper whose opening is read as before (the roll call a heading of its own) keeps its own reading."""
    root = tmp_path / "site"
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    (root / "site.yaml").write_text("title: Oak\ncouncil: Oak Township\n", encoding="utf-8")
    (papers / "other.md").write_text(_oak(0, roll_call_heading=True), encoding="utf-8")
    alone = run_minutes("convert", "--site", str(root))
    assert alone.returncode == 0, alone.stderr
    (other_alone,) = _records(root).values()
    for day in (7, 14, 21):
        (papers / f"june-{day}.md").write_text(_oak(day), encoding="utf-8")

    result = run_minutes("convert", "--site", str(root))
    assert result.returncode == 0, result.stderr
    style = yaml.safe_load((root / "content" / "house-style.yaml").read_text(encoding="utf-8"))
    assert style["header"] == {"above": "Roll Call", "papers": 4}, style
    records = {r["source"]["paper"].rsplit("/", 1)[-1]: r for r in _records(root).values()}
    for day in (7, 14, 21):
        record = records[f"june-{day}.md"]
        assert str(record["date"]) == f"2022-06-{day:02d}"
        assert [i["title"] for i in record["items"]] == ["Road Report", "Park Report"], "the header is no item"
    other = records["other.md"]
    # (its "Roll Call" heading is an item of business, as calling the roll is; the list under it is attendance)
    assert [i["title"] for i in other_alone["items"]] == ["Roll Call", "Drainage Report", "Cemetery Report"]
    assert {k: other.get(k) for k in ("date", "items", "attendance")} == {
        k: other_alone.get(k) for k in ("date", "items", "attendance")
    }


LABELLED = """\
**Commission on Aging**
**Minutes Nov. 6, {year}**
**Elm Senior Center**

Present: Alex Brown, Cindy Swann, Lillian Morris

Minutes: Reviewed minutes. Motion approved and seconded. Minutes approved.

Financials: Previous Balance $1319.51. Motion approved and seconded.

**General:**

- Alex passed out the newsletter.
- The raffle was drawn.

**Fall Festival:**

- Morning was busier than afternoon.

**Christmas Party:**

- Dates were discussed.

Next Mtg: Dec 4th
"""


def test_a_correction_whose_shape_misreads_its_own_paper_teaches_only_its_titles(tmp_path):
    root = tmp_path / "site"
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    (root / "site.yaml").write_text("title: Elm\ncouncil: Elm County\n", encoding="utf-8")
    for year in ("2019", "2020"):
        (papers / f"{year}-11-06.txt").write_text(LABELLED.format(year=year), encoding="utf-8")
    assert run_minutes("convert", "--site", str(root)).returncode == 0
    path = next(p for p in (root / "content" / "meetings").rglob("*.md") if "2019-11-06" in p.as_posix())
    text = path.read_text(encoding="utf-8")
    record = frontmatter.split(text).data
    titles = [i["title"] for i in record["items"]]
    assert titles == ["Minutes", "Financials", "General", "Fall Festival", "Christmas Party"], titles
    # The person adds the one item the converter missed: its headings were right, its paragraphs are no items.
    record["items"] = [*record["items"], {"number": "", "title": "Next Mtg", "anchor": "item-next-mtg"}]
    path.write_text(frontmatter.join(record, frontmatter.split(text).body), encoding="utf-8")

    second = run_minutes("convert", "--site", str(root))
    assert second.returncode == 0, second.stderr
    assert "each paragraph of business" not in second.stderr
    style = yaml.safe_load((root / "content" / "house-style.yaml").read_text(encoding="utf-8"))
    taught = [shape for shape in style["items"] if shape.get("source") == "corrected"]
    assert taught and not any(shape.get("paragraphs") or shape.get("run_in") for shape in taught)
    assert "Next Mtg" in taught[0]["titles"]
    other = next(r for p, r in _records(root).items() if "2020-11-06" in p)
    assert [i["title"] for i in other["items"]] == [
        "Minutes",
        "Financials",
        "General",
        "Fall Festival",
        "Christmas Party",
        "Next Mtg",
    ]
