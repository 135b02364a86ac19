"""Each front-matter key is declared once: the written mapping, the validation, the open data's schema
and the docs' table of keys all come from the declaration, and the docs' table is current."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from minutes.outputs.opendata import DOCUMENT, ITEM, validate
from minutes.records.fields import (
    TABLE_END,
    TABLE_START,
    Text,
    declare,
    key_rows,
    key_table,
    open_data,
    open_data_schema,
    optional_keys,
    with_key_table,
)
from minutes.records.record import DocumentRecord, Item, RecordError

REPO = Path(__file__).resolve().parents[1]
FRONT_MATTER = REPO / "docs" / "front-matter.md"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class WithClerk(DocumentRecord):
    """A record with one key more, declared in one place only."""

    clerk: str = declare(Text(), "", open_data=True, doc="Who took the minutes, as printed.")


BARE = {"kind": "minutes", "committee": "Cabinet"}


def test_a_key_declared_once_is_written_read_published_and_documented():
    record = WithClerk.from_mapping({**BARE, "clerk": " Ms Lee "})
    assert record.clerk == "Ms Lee"
    assert record.to_mapping()["clerk"] == "Ms Lee"
    assert "clerk" not in WithClerk.from_mapping(BARE).to_mapping()  # left out when empty, as declared
    with pytest.raises(RecordError) as refused:
        WithClerk.from_mapping({**BARE, "clerk": ["Ms Lee"]})
    assert str(refused.value) == "clerk: must be text, not a list or mapping"
    assert open_data_schema(WithClerk)["clerk"] is str
    assert open_data(record)["clerk"] == "Ms Lee"
    assert ("clerk", "Who took the minutes, as printed.") in list(key_rows(WithClerk))
    assert "| `clerk` | Who took the minutes, as printed. |" in key_table(WithClerk)


def test_the_undeclared_key_is_unknown_to_the_record_without_it():
    with pytest.raises(RecordError) as refused:
        DocumentRecord.from_mapping({**BARE, "clerk": "Ms Lee"})
    assert refused.value.key == "clerk" and "unknown key" in refused.value.message


def test_the_open_data_schema_holds_the_keys_declared_for_it():
    # Written out by hand: what a document and an item publish of their records.
    assert [k for k in DOCUMENT if k in {f.name for f in dataclasses.fields(DocumentRecord)}] == [
        "kind",
        "title",
        "agenda_item",
        "body_of",
    ]
    assert list(open_data_schema(Item)) == [
        "number",
        "title",
        "anchor",
        "pages",
        "paper_page",
        "resolutions",
        "declarations",
        "exempt",
        "truncated",
    ]
    assert "url" in ITEM and "mentions" not in ITEM


@pytest.mark.parametrize(
    ("item", "published"),
    [
        (
            Item("E31", "Budget", "item-e31", resolutions=("Agreed.",), exempt=True),
            {
                "number": "E31",
                "title": "Budget",
                "anchor": "item-e31",
                "pages": "",
                "paper_page": 0,
                "resolutions": ["Agreed."],
                "declarations": [],
                "exempt": True,
                "truncated": False,
            },
        ),
    ],
)
def test_open_data_values_fit_their_schema(item, published):
    assert open_data(item) == published
    assert validate(open_data(item), open_data_schema(Item)) == []


def test_a_date_is_published_as_iso_text_or_null():
    record = DocumentRecord.from_mapping(
        {**BARE, "citations": [{"text": "x", "date": dt.date(2012, 6, 20)}, {"text": "y"}]}
    )
    assert [open_data(c)["date"] for c in record.citations] == ["2012-06-20", None]


@pytest.mark.parametrize(
    ("key", "left_out"),
    [
        ("end_time", True),
        ("webcast", True),
        ("agenda_item", True),
        ("kind", False),
        ("warnings", False),
        ("review", False),
    ],
)
def test_which_keys_are_left_out_when_empty(key, left_out):
    assert (key in optional_keys(DocumentRecord)) is left_out


def test_the_docs_table_of_keys_is_current():
    doc = FRONT_MATTER.read_text(encoding="utf-8")
    assert with_key_table(doc, DocumentRecord) == doc, "docs/front-matter.md's table of keys is stale; run `make docs`"


def test_a_stale_table_is_found_and_rewritten(tmp_path):
    doc = tmp_path / "front-matter.md"
    doc.write_text(
        f"# Keys\n\n{TABLE_START}\n| Key | Meaning |\n|---|---|\n| `colour` | gone |\n{TABLE_END}\n\nAfter.\n"
    )
    check = [sys.executable, "-m", "minutes.records.keys_doc", "--check", str(doc)]
    stale = subprocess.run(check, capture_output=True, text=True)
    assert stale.returncode == 1 and "table of keys is stale" in stale.stderr
    subprocess.run([sys.executable, "-m", "minutes.records.keys_doc", str(doc)], check=True, capture_output=True)
    written = doc.read_text()
    assert (
        "`colour`" not in written and "| `items[].anchor` |" in written and written.endswith(f"{TABLE_END}\n\nAfter.\n")
    )
    assert subprocess.run(check, capture_output=True).returncode == 0


def test_a_doc_without_markers_is_an_error(tmp_path):
    doc = tmp_path / "front-matter.md"
    doc.write_text("# Keys\n")
    run = subprocess.run([sys.executable, "-m", "minutes.records.keys_doc", str(doc)], capture_output=True, text=True)
    assert run.returncode == 1 and f"{doc}: error: no table of keys" in run.stderr
