"""The front-matter splitter and the record contract, as tables of edge cases."""

import datetime as dt

import pytest

from minutes.records import frontmatter
from minutes.records.record import DocumentRecord, RecordError

SPLIT_OK = [
    # (text, data, body, body_line)
    ("---\nkind: agenda\n---\nBody\n", {"kind": "agenda"}, "Body\n", 4),
    ("---\n---\n", {}, "", 3),
    ("\ufeff---\na: 1\n---\n\ntext", {"a": 1}, "\ntext", 4),
    ("---\r\na: 1\r\n---\r\nx", {"a": 1}, "x", 4),
    ("---\na: '---'\n---\n--- not a fence ---\n", {"a": "---"}, "--- not a fence ---\n", 4),
    ("---\na: 1\n--- \t\nx", {"a": 1}, "x", 4),  # whitespace after the closing fence
    ("---\na: 1\nb: ----\n---", {"a": 1, "b": "----"}, "", 5),  # no newline after the closing fence
    ("---\na: |\n  ---\n---\nb", {"a": "---"}, "b", 5),  # an indented fence is the value's text
    ("---\n\n---\n---\n", {}, "---\n", 4),  # the first fence closes; the second is the body's
]


@pytest.mark.parametrize(("text", "data", "body", "body_line"), SPLIT_OK)
def test_split_accepts(text, data, body, body_line):
    parts = frontmatter.split(text)
    assert parts.data == data
    assert parts.body.replace("\r", "") == body
    assert parts.body_line == body_line


SPLIT_BAD = [
    # (text, line, words in the message)
    ("no front matter\n", 1, "must start with a line '---'"),
    ("---\nkind: agenda\n", 1, "not closed"),
    ("---\nkind: agenda\ntitle: [unclosed\n---\n", 3, "malformed YAML"),
    ("---\nkind: agenda\n  bad: indent\n---\n", 3, "malformed YAML"),
    ("---\n- a list\n---\n", 2, "mapping"),
]


@pytest.mark.parametrize(("text", "data", "body", "body_line"), SPLIT_OK)
def test_the_body_alone_is_the_split_body(text, data, body, body_line):
    assert frontmatter.body_of(text) == frontmatter.split(text).body
    assert frontmatter.body_of(text).replace("\r", "") == body


@pytest.mark.parametrize("text", ["no front matter\n", "---\nkind: agenda\n", "---", ""])
def test_the_body_alone_needs_both_fences(text):
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.body_of(text)


@pytest.mark.parametrize(("text", "line", "words"), SPLIT_BAD)
def test_split_rejects_with_line(text, line, words):
    with pytest.raises(frontmatter.FrontMatterError) as caught:
        frontmatter.split(text)
    assert caught.value.line == line
    assert words in caught.value.message


# Texts libyaml and PyYAML's emitter write differently: `join` gives these to PyYAML's.
_EMITTED_OTHERWISE = ["\U0001f600", "a\x85b", "\ufeffx", "tab\there", "x\u2029y", "ends\n", "\x07", "\ud800"]
_TEXTS = [
    "",
    " ",
    "yes",
    "null",
    "1.5",
    "2024-01-02",
    ": x",
    "a #b",
    "'q'",
    '"q"',
    "- a",
    "[x]",
    "{y}",
    "Cllr A. Smith",
    "10.00am",
    "£5 €6 ½",
    "ſ",
    "é\u0301",
    "\xa0x",
    "two\nlines",
    " lead\nx",
    "trail \nx",
    "|",
    ">",
    "&a",
    "*b",
    "!c",
    "%d",
    "@e",
    "`f",
    "?",
    "...",
    "---",
    "<<",
    "a: b",
    "x" * 200,
]


def test_libyaml_writes_what_pyyaml_writes():
    """The front-matter's bytes do not depend on which emitter wrote it (libyaml where it may)."""
    if frontmatter._CDumper is None:
        pytest.skip("PyYAML without libyaml")
    import random

    import yaml

    rng = random.Random(7)

    def text() -> str:
        return "".join(rng.choice(_TEXTS + _EMITTED_OTHERWISE) for _ in range(rng.randint(1, 3)))

    def value(depth: int = 0) -> object:
        pick = rng.random()
        if depth < 2 and pick < 0.2:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        if depth < 2 and pick < 0.3:
            return {rng.choice(["a", "name", text()]): value(depth + 1) for _ in range(rng.randint(0, 3))}
        if pick < 0.4:
            return rng.choice([None, True, 0, -3, 0.45, 1e20, float("nan"), rng.random(), dt.date(2024, 1, 2)])
        return text()

    alike = 0
    for _ in range(3000):
        data = {rng.choice(["kind", "title", text()]): value() for _ in range(rng.randint(1, 4))}
        pyyaml = yaml.dump(data, Dumper=frontmatter._Dumper, sort_keys=False, allow_unicode=True, width=100_000)
        if frontmatter._emits_alike(data):
            alike += 1
            libyaml = yaml.dump(data, Dumper=frontmatter._CDumper, sort_keys=False, allow_unicode=True, width=100_000)
            assert libyaml == pyyaml, data
        assert frontmatter.join(data, "") == f"---\n{pyyaml}---\n"
    assert alike > 500
    assert not any(frontmatter._emits_alike({"a": t}) for t in _EMITTED_OTHERWISE)


def test_join_then_split_round_trips():
    data = {"kind": "minutes", "title": "A: colon", "items": [{"number": "E31", "title": "Multi\nline"}]}
    parts = frontmatter.split(frontmatter.join(data, "## Body\n"))
    assert parts.data == data
    assert parts.body.strip() == "## Body"


MINUTES = {"kind": "minutes", "committee": "C", "items": [{"number": "7", "title": "Budget"}]}
RECORD_BAD = [
    ({"committee": "Cabinet"}, "kind"),
    ({"kind": "memo", "committee": "Cabinet"}, "kind"),
    ({"kind": "agenda"}, "committee"),
    ({"kind": "agenda", "committee": "C", "date": "18/11/2013"}, "date"),
    ({"kind": "agenda", "committee": "C", "time": "1pm"}, "time"),
    ({"kind": "agenda", "committee": "C", "colour": "red"}, "colour"),
    ({"kind": "agenda", "committee": "C", "items": {"a": 1}}, "items"),
    ({"kind": "agenda", "committee": "C", "items": [{"exempt": True}]}, "items[0].number"),
    ({"kind": "agenda", "committee": "C", "attendance": {"present": "A, B"}}, "attendance.present"),
    ({"kind": "agenda", "committee": "C", "citations": [{"text": "x", "relation": "likes"}]}, "citations[0].relation"),
    ({**MINUTES, "chair_changes": [{"from_item": "7"}]}, "chair_changes[0].name"),
    ({**MINUTES, "chair_changes": [{"name": "Cllr A", "from_item": "9"}]}, "chair_changes[0].from_item"),
    ({**MINUTES, "chair_changes": [{"name": "Cllr A", "to_item": "9"}]}, "chair_changes[0].to_item"),
    ({**MINUTES, "chair_changes": [{"name": "Cllr A", "minute": "7"}]}, "chair_changes[0].minute"),
    ({**MINUTES, "chair_changes": "Cllr A from 7"}, "chair_changes"),
    ({**MINUTES, "movements": [{"name": "Cllr A", "change": "wandered"}]}, "movements[0].change"),
    ({**MINUTES, "movements": [{"name": "Cllr A", "change": "left", "item": "E7"}]}, "movements[0].item"),
    ({**MINUTES, "movements": [{"name": "Cllr A", "change": "left", "time": "8.40pm"}]}, "movements[0].time"),
    ({**MINUTES, "movements": [{"change": "left"}]}, "movements[0].name"),
    ({**MINUTES, "mentions": "Cllr A"}, "mentions"),
    ({**MINUTES, "items": [{"number": "7", "title": "Budget", "mentions": [{"name": "Cllr A"}]}]}, "items[0].mentions"),
    ({**MINUTES, "end_time": "7.15pm"}, "end_time"),
    ({**MINUTES, "webcast": "javascript:alert(document.cookie)"}, "webcast"),
    ({**MINUTES, "webcast": "/webcasts/12"}, "webcast"),
    ({**MINUTES, "webcast": "https://example.org/a b"}, "webcast"),
    ({**MINUTES, "recording": "data:text/html,<script>alert(1)</script>"}, "recording"),
    ({**MINUTES, "recording": ["https://example.org/"]}, "recording"),
    ({**MINUTES, "items": [{"number": "7", "title": "B", "paper_page": "7"}]}, "items[0].paper_page"),
    ({**MINUTES, "items": [{"number": "7", "title": "B", "paper_page": -2}]}, "items[0].paper_page"),
    ({**MINUTES, "source": {"paper": "x.pdf", "pages": [5, 3]}}, "source.pages"),
    ({**MINUTES, "source": {"paper": "x.pdf", "pages": [0, 3]}}, "source.pages"),
]


@pytest.mark.parametrize(("data", "key"), RECORD_BAD)
def test_record_rejects_naming_the_key(data, key):
    with pytest.raises(RecordError) as caught:
        DocumentRecord.from_mapping(data)
    assert caught.value.key == key


def test_record_round_trips_through_mapping():
    record = DocumentRecord.from_mapping(
        {
            "kind": "minutes",
            "committee": "Cabinet",
            "date": dt.date(2013, 11, 18),
            "time": "13:00",
            "title": "Minutes",
            "attendance": {"chair": "Councillor Hussain", "present": ["Councillor Hussain"], "apologies": []},
            "items": [{"number": "E29", "title": "Declarations", "resolutions": ["That it be noted."]}],
            "citations": [{"text": "Minute No. C25", "minute": "C25", "committee": "Cabinet", "date": "2012-06-20"}],
            "source": {"paper": "content/papers/x.txt", "sha256": "ab", "lines": [3, 40]},
        }
    )
    assert record.items[0].anchor == "item-e29"
    assert DocumentRecord.from_mapping(record.to_mapping()) == record


def test_record_round_trips_its_end_webcast_recording_and_pages():
    data = {
        "kind": "agenda",
        "committee": "Cabinet",
        "date": "2025-01-30",
        "time": "10:00",
        "venue": "Council Chamber",
        "title": "Agenda",
        "end_time": "12:30",
        "webcast": "https://kent.public-i.tv/core/portal/webcast_interactive/9",
        "recording": "https://www.youtube.com/watch?v=abc",
        "items": [{"number": "7", "title": "Transfer", "anchor": "item-7", "pages": "1-20", "paper_page": 3}],
        "source": {"paper": "content/papers/pack.pdf", "sha256": "ab", "lines": [1, 23], "pages": [1, 22]},
        "warnings": [],
    }
    record = DocumentRecord.from_mapping(data)
    assert (record.end_time, record.items[0].paper_page, record.source.pages) == ("12:30", 3, (1, 22))
    assert record.to_mapping() == data
    assert DocumentRecord.from_mapping(record.to_mapping()) == record


def test_record_round_trips_what_happened_during_the_meeting():
    data = {
        "kind": "minutes",
        "committee": "Cabinet",
        "date": "2020-03-03",
        "time": "",
        "venue": "",
        "title": "Minutes",
        "attendance": {
            "chair": "Councillor Cusworth",
            "present": ["Councillor Cusworth"],
            "apologies": [],
            "in_attendance": [],
        },
        "chair_changes": [
            {"name": "Councillor Jarvis", "from_item": "61", "text": "Councillor Jarvis took the Chair."},
            {
                "name": "Cr Jones",
                "from_item": "item-any-other-business",
                "to_item": "item-any-other-business",
                "text": "…",
            },
        ],
        "movements": [
            {"name": "Councillor Senior", "change": "left", "item": "60", "text": "Councillor Senior left."},
            {
                "name": "Cllr Hollick",
                "change": "arrived",
                "item": "",
                "time": "19:01",
                "text": "Cllr Hollick (arrived at 7.01pm)",
            },
        ],
        "items": [
            {"number": "60", "title": "SEND", "anchor": "item-60", "mentions": ["Councillor Senior"]},
            {"number": "61", "title": "Early Help", "anchor": "item-61"},
            {"number": "", "title": "Any Other Business", "anchor": "item-any-other-business"},
        ],
        "mentions": ["Cllr Allen"],
        "warnings": [],
    }
    record = DocumentRecord.from_mapping(data)
    assert [c.from_item for c in record.chair_changes] == ["61", "item-any-other-business"]
    assert record.movements[1].time == "19:01" and record.items[0].mentions == ("Councillor Senior",)
    assert record.to_mapping() == data
    assert DocumentRecord.from_mapping(record.to_mapping()) == record


def test_a_record_written_before_changes_of_chair_were_kept_still_loads():
    """A converted file of an older version: no chair_changes, movements or mentions keys."""
    text = (
        "---\nkind: minutes\ncommittee: Improving Lives Select Commission\ndate: '2020-03-03'\ntitle: Minutes\n"
        "attendance:\n  chair: Councillor Cusworth\n  present:\n  - Councillor Cusworth\n"
        "items:\n- number: '60'\n  title: SEND\n  anchor: item-60\nwarnings: []\n---\n\n## 60. SEND {#item-60}\n"
    )
    record = DocumentRecord.from_mapping(frontmatter.split(text).data)
    assert (record.chair_changes, record.movements, record.mentions, record.items[0].mentions) == ((), (), (), ())
    assert "chair_changes" not in record.to_mapping() and "mentions" not in record.to_mapping()["items"][0]
