"""Front-matter in the plain shapes is read without PyYAML, as PyYAML reads it; anything else is left to it.

`read_plain` may only ever answer for a text the safe loader reads without
complaint, and must answer what it reads; for anything else it answers
NOT_PLAIN, and the loader reads (or refuses) it as before.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from helpers import REPO
from minutes.core.yamlfile import load_yaml
from minutes.records import frontmatter
from minutes.records.plain_yaml import MAX_DEPTH, NOT_PLAIN, read_plain

PLAIN = [
    # (front-matter text, what it holds)
    ("kind: minutes", {"kind": "minutes"}),
    ("a: x\nb: y", {"a": "x", "b": "y"}),
    ("date: '2024-01-05'", {"date": "2024-01-05"}),
    ("title: 'It''s ''quoted'''", {"title": "It's 'quoted'"}),
    ("title: ''", {"title": ""}),
    ('title: "double, no escapes"', {"title": "double, no escapes"}),
    ("title: O'Brien's 50% [draft] {x} a:b#1 1e3", {"title": "O'Brien's 50% [draft] {x} a:b#1 1e3"}),
    ("title: Ünïcode – ≥ 😀", {"title": "Ünïcode – ≥ 😀"}),
    ("next:", {"next": None}),
    ("next: null\nalso: ~", {"next": None, "also": None}),
    ("draft: true\nold: no\nnew: Yes", {"draft": True, "old": False, "new": True}),
    ("count: 12\nnone: 0", {"count": 12, "none": 0}),
    ("confidence: 0.45", {"confidence": 0.45}),
    ("in_attendance: []\nextra: {}", {"in_attendance": [], "extra": {}}),
    ("present:\n- A\n- B", {"present": ["A", "B"]}),
    ("present:\n  - A\n  - B\nnext: x", {"present": ["A", "B"], "next": "x"}),
    (
        "attendance:\n  chair: C\n  present:\n  - C\n  - D\n  apologies: []\nvenue: Hall",
        {"attendance": {"chair": "C", "present": ["C", "D"], "apologies": []}, "venue": "Hall"},
    ),
    (
        "items:\n- number: E29\n  title: T\n  resolutions:\n  - R1\n  - R2\n- number: E30\n  title: U\nnext: x",
        {
            "items": [{"number": "E29", "title": "T", "resolutions": ["R1", "R2"]}, {"number": "E30", "title": "U"}],
            "next": "x",
        },
    ),
    ("list:\n- a\n- k: v\n- []", {"list": ["a", {"k": "v"}, []]}),
    ("a:\nb: 1", {"a": None, "b": 1}),
    ("a:\n  b:\n    c: deep", {"a": {"b": {"c": "deep"}}}),
    ("in-dash_key: v", {"in-dash_key": "v"}),
]


@pytest.mark.parametrize(("text", "data"), PLAIN)
def test_plain_shapes_are_read_as_the_safe_loader_reads_them(text, data):
    read = read_plain(text)
    assert read == data
    assert repr(read) == repr(load_yaml(text))  # the same types too: 1 is not True, 0.45 not '0.45'


NOT_PLAIN_TEXTS = [
    # (front-matter text, why the loader reads it instead)
    ("a: &x v\nb: *x", "an anchor and an alias"),
    ("a: *x", "an alias"),
    ("a: !!python/name:os.system v", "a tag"),
    ("a: !custom v", "a local tag"),
    ("a: [x, y]", "a flow list"),
    ("a: {k: v}", "a flow mapping"),
    ("a: |\n  text", "a block scalar"),
    ("a: >-\n  text", "a folded scalar"),
    ("a: one\n  two", "a value over two lines"),
    ("a: 'one\n  two'", "a quoted value over two lines"),
    ('a: "tab\\there"', "an escape"),
    ("a: b # note", "a comment after a value"),
    ("# note\na: b", "a comment line"),
    ("a: b\n\nc: d", "a blank line"),
    ("a: b ", "a trailing space"),
    ("a:\tb", "a tab"),
    ("a: b\r\nc: d", "a carriage return"),
    ("a: b\x85c", "a next-line character, a line break to YAML"),
    ("a: b\u2028c", "a line separator, a line break to YAML"),
    ("a: \ufeffb", "a byte-order mark"),
    ("a: b\x07", "a control character the loader refuses"),
    ("a: b\x7f", "a delete character the loader refuses"),
    ("a: 1\na: 2", "a repeated key the strict loader refuses"),
    ("a:\n- k: 1\n  k: 2", "a repeated key in a list's mapping"),
    ("a: 2024-01-05", "a date"),
    ("a: 2024-02-31", "an impossible date the strict loader refuses"),
    ("a: 012", "an octal number"),
    ("a: 0x1f", "a hexadecimal number"),
    ("a: 1_000", "a number with underscores"),
    ("a: 1:30", "a sexagesimal number"),
    ("a: 1.0e+3", "an exponent"),
    ("a: .5", "a fraction without its leading digit"),
    ("a: .inf", "infinity"),
    ("a: 123456789012345678901234567890", "a number too long to be sure of"),
    ("a: -1", "a leading dash"),
    ("yes: x", "a key YAML reads as true"),
    ("null: x", "a key YAML reads as null"),
    ("12: x", "a key YAML reads as a number"),
    ("'a': x", "a quoted key"),
    ("a b: x", "a key with a space"),
    ("<<: x", "a merge key"),
    ("a: =", "the value key"),
    ("? a\n: b", "an explicit key"),
    ("a: b: c", "a mapping where a value must be"),
    ("a: b:", "a value ending in a colon"),
    ("a: 'b' c", "text after a quoted value"),
    ("a: 'b", "an unclosed quote"),
    ("a: 'b'c'", "a lone quote inside single quotes"),
    ("a: %x", "a directive's sign"),
    ("a: @x", "a reserved indicator"),
    ("a: `x", "a reserved indicator"),
    ("a:  b", "two spaces before a value"),
    ("- a\n- b", "a list, not a mapping"),
    ("a: b\n  c: d", "a key indented past its mapping"),
    ("a:\n    b: 1\n  c: 2", "a key between two indentations"),
    ("a:\n  -\n  - b", "an empty list entry"),
    ("a:\n  value", "a value on the next line"),
    ("  a: b", "an indented top-level mapping"),
    ("---\na: b", "a document marker"),
    ("a: b\n...", "a document end marker"),
    ("%YAML 1.1\n---\na: b", "a directive"),
    ("k" * 101 + ": v", "a key too long to be sure of"),
    ("".join(f"{' ' * n}k:\n" for n in range(MAX_DEPTH + 2)) + " " * (MAX_DEPTH + 2) + "k: v", "deep nesting"),
    ("", "nothing"),
]


@pytest.mark.parametrize(("text", "why"), NOT_PLAIN_TEXTS)
def test_anything_else_is_left_to_the_safe_loader(text, why):
    assert read_plain(text) is NOT_PLAIN, why


# Words that the dumper writes plain, quoted or otherwise: a value, a key, a list entry.
TRICKY_WORDS = [
    "yes", "No", "on", "OFF", "true", "null", "~", "", " ", "1", "012", "0.5", "1.0e3", "1:30", "0x1f", "1_000",
    "2024-01-05", "2024-01-05 10:00", "O'Brien", 'say "hi"', "a: b", "a #b", "#x", "-x", "- x", "?x", ":x", "x:",
    " lead", "trail ", "%x", "@x", "`x", "[x", "{x", "!x", "&x", "*x", "|x", ">x", "'q'", "<<", "=", "a\\b", "tab\tx",
    "two\nlines", "line\u2028sep", "nel\x85x", "bell\x07", "Ünïcode", "😀", "x" * 200, "-", "--- x", "...",
]  # fmt: skip


@pytest.mark.parametrize("word", TRICKY_WORDS)
def test_what_records_are_written_as_is_read_back_alike(word):
    """Whatever the record writer makes of a word, read_plain reads it as the loader does, or leaves it."""
    shapes = [
        {"value": word},
        {"list": [word, word + "!"]},
        {"items": [{"title": word, "number": "1"}], "after": 1},
        {"nested": {"deeper": {"word": word}}},
    ]
    if word.isidentifier():
        shapes.append({word: "as a key"})
    for data in shapes:
        text = frontmatter.locate(frontmatter.join(data, "")).yaml_text
        read = read_plain(text)
        if read is not NOT_PLAIN:
            assert repr(read) == repr(load_yaml(text)) == repr(data), text


def test_the_demos_records_are_all_plain_and_read_alike():
    """The fast path is the one records take: every record of the demo is plain, read as the loader reads it."""
    records = sorted((REPO / "content" / "meetings").rglob("*.md"))
    assert len(records) >= 20
    for path in records:
        text = frontmatter.locate(Path(path).read_text(encoding="utf-8")).yaml_text
        read = read_plain(text)
        assert read is not NOT_PLAIN, path
        assert repr(read) == repr(load_yaml(text)), path


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\nkind: minutes\nkind: agenda\n---\n", 3, "the key 'kind' is given twice"),
        ("---\nkind: minutes\nitems:\n- number: 1\n  number: 2\n---\n", 5, "is given twice"),
        ("---\nkind: minutes\ndate: 2024-02-31\n---\n", 3, "is not a real date"),
        ("---\na: &x [*x]\n---\n", 2, "stands for a value that holds the alias itself"),
        ("---\nkind: minutes\ntitle: a: b\n---\n", 3, "malformed YAML"),
    ],
)
def test_errors_are_the_safe_loaders_with_their_line(text, line, words):
    with pytest.raises(frontmatter.FrontMatterError) as caught:
        frontmatter.split(text)
    assert caught.value.line == line
    assert words in caught.value.message


# Pieces of front-matter lines, valid and not, put together at random (a fixed seed: the same texts each run).
PIECES = ["", "v", "w", "yes", "null", "~", "1", "0.5", "012", "'q'", "''", "'it''s'", '"d"', "[]", "{}", "x y",
          "-x", "a:b", "a #b", "#c", "&x", "*x", "!t", "|", ">", "2024-01-05", "'", "O'B", "- ", "-", ":", "? ", "é"]  # fmt: skip
KEYS = ["a", "b", "c", "d", "e", "yes", "x y", "a-b", "12"]


def _random_line(rng) -> str:
    indent = " " * rng.choice([0, 0, 0, 2, 2, 4, 4, 6, 1, 3])
    dash = rng.choice(["", "", "", "- ", "- ", "- - "])
    if rng.random() < 0.3:
        return indent + dash + rng.choice(PIECES)
    key, value = rng.choice(KEYS[: rng.choice([5, len(KEYS)])]), rng.choice(PIECES)
    colon = ": " if rng.random() < 0.95 else rng.choice([":", ":  "])
    return indent + dash + key + (colon + value if value else ":")


def test_random_texts_are_read_as_the_safe_loader_reads_them_or_left_to_it():
    rng, read_here = random.Random(7), 0
    for _ in range(30_000):
        text = "\n".join(_random_line(rng) for _ in range(rng.randint(1, 6)))
        read = read_plain(text)
        if read is NOT_PLAIN:
            continue
        read_here += 1
        try:
            loaded = load_yaml(text)
        except yaml.YAMLError as exc:
            pytest.fail(f"read here, refused by the loader ({exc}): {text!r}")
        assert repr(read) == repr(loaded), text
    assert read_here > 200  # the texts reach the plain shapes, not only their refusals
