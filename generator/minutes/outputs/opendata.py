"""Open data: the meetings as JSON, for people who want the records, not the pages.

`FILES` is the shape of every file written here, as data: the test checks
each written file against it and checks that `docs/open-data.md` documents
exactly these fields, so the output and its documentation cannot drift.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from minutes.outputs.addresses import Addresses
from minutes.outputs.feeds import feed_path
from minutes.outputs.ics import calendar_path
from minutes.records.fields import open_data, open_data_schema
from minutes.records.record import Attendance, Citation, DocumentRecord, Item
from minutes.site.links import Links, Resolved
from minutes.site.model import Committee, Document, Meeting, Site
from minutes.site.originals import Original, published_papers
from minutes.site.titles import meeting_title

# --- the schema -----------------------------------------------------------------
# A dict is an object with exactly these keys; [x] a list of x; a tuple any of
# its members; a type that JSON type; None null. The keys a record publishes
# come from its declaration (`open_data=True`, in records/record.py).

Schema = Any

MEETING_SUMMARY: dict[str, Schema] = {
    "committee": str,
    "committee_name": str,
    "key": str,
    "title": str,
    "date": (str, None),
    "time": str,
    "end_time": str,
    "venue": str,
    "webcast": str,
    "recording": str,
    "status": str,
    "url": str,
    "json_url": str,
}
ATTENDANCE: dict[str, Schema] = open_data_schema(Attendance)
DOCUMENT: dict[str, Schema] = {
    "name": str,
    **open_data_schema(DocumentRecord),
    "url": str,
    "paper": str,
    "original_url": str,
    "original_pages": [int],
}
ITEM: dict[str, Schema] = {"document": str, **open_data_schema(Item), "url": str, "original_url": str}
TARGET: dict[str, Schema] = {"committee": str, "key": str, "anchor": str, "url": str}
CITATION: dict[str, Schema] = {
    "document": str,
    **open_data_schema(Citation),
    "target": (TARGET, None),
    "note": str,
}
MEETING: dict[str, Schema] = {
    **MEETING_SUMMARY,
    "documents": [DOCUMENT],
    "attendance": ATTENDANCE,
    "items": [ITEM],
    "citations": [CITATION],
    "warnings": [str],
}
COMMITTEE: dict[str, Schema] = {
    "slug": str,
    "name": str,
    "description": str,
    "url": str,
    "feed_url": str,
    "calendar_url": str,
    "meeting_count": int,
}
MEETING_FILE = "data/meetings/<committee>/<key>.json"
FILES: dict[str, dict[str, Schema]] = {
    "data/meetings.json": {"meetings": [MEETING_SUMMARY]},
    "data/committees.json": {"committees": [COMMITTEE]},
    MEETING_FILE: MEETING,
}


def meeting_path(meeting: Meeting) -> str:
    return f"data/meetings/{meeting.committee}/{meeting.key}.json"


def validate(value: Any, schema: Schema, where: str = "$") -> list[str]:
    """Every way `value` departs from `schema`, as "path: problem" lines."""
    if isinstance(schema, tuple):
        attempts = [validate(value, option, where) for option in schema]
        return [] if any(not a for a in attempts) else [f"{where}: expected {type_name(schema)}"]
    if schema is None:
        return [] if value is None else [f"{where}: expected null"]
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        errors = [f"{where}: missing {k!r}" for k in schema if k not in value]
        errors += [f"{where}: unexpected {k!r}" for k in value if k not in schema]
        for key in schema.keys() & value.keys():
            errors += validate(value[key], schema[key], f"{where}.{key}")
        return errors
    if isinstance(schema, list):
        if not isinstance(value, list):
            return [f"{where}: expected a list"]
        return [e for n, v in enumerate(value) for e in validate(v, schema[0], f"{where}[{n}]")]
    # Exact types: JSON true is a Python bool, which is also an int.
    return [] if type(value) is schema else [f"{where}: expected {type_name(schema)}, got {value!r}"]


def type_name(schema: Schema) -> str:
    """How docs/open-data.md names a schema's type."""
    if isinstance(schema, tuple):
        return " or ".join(type_name(s) for s in schema)
    if isinstance(schema, list):
        inner = type_name(schema[0])
        return "list of objects" if inner == "object" else f"list of {inner}"
    if isinstance(schema, dict):
        return "object"
    return {None: "null", str: "text", int: "integer", bool: "true/false"}[schema]


def documented_fields(schema: Schema, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted field path, type name) of every field, containers included: the rows of the docs' tables."""
    rows = []
    for key, value in schema.items():
        path = f"{prefix}{key}"
        rows.append((path, type_name(value)))
        options = value if isinstance(value, tuple) else (value,)
        for option in options:
            if isinstance(option, dict):
                rows += documented_fields(option, path + ".")
            elif isinstance(option, list) and isinstance(option[0], dict):
                rows += documented_fields(option[0], path + "[].")
    return rows


# --- writing --------------------------------------------------------------------


def render(site: Site, links: Links, a: Addresses) -> dict[str, str]:
    meetings = _ordered(site)
    named = {d.record.source.paper for d in site.all_documents() if d.record.source}
    originals = published_papers(site.config.root, PurePosixPath(site.config.papers_dir.as_posix()), named)[0]
    files = {
        "data/meetings.json": _dump({"meetings": [_summary(site, a, m) for m in meetings]}),
        "data/committees.json": _dump(
            {"committees": [_committee(site, a, site.committees[s]) for s in sorted(site.committees)]}
        ),
    }
    for m in meetings:
        files[meeting_path(m)] = _dump(_meeting(site, links, a, m, originals))
    return files


def _dump(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)` and a newline, byte for byte.

    The standard library writes indented JSON with its Python encoder, a generator a value: a third of
    the feeds', calendars' and data files' time. Plain data (dicts with text keys, lists, tuples, text,
    whole numbers, floats, booleans, None) is written here by one recursion, its text by the library's
    C escaper; anything else is left to `json.dumps`."""
    parts: list[str] = []
    try:
        _write(data, parts, "\n")
    except _NotPlainJson:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    parts.append("\n")
    return "".join(parts)


class _NotPlainJson(Exception):
    """A value `_write` leaves to `json.dumps`."""


_QUOTED = json.encoder.encode_basestring  # the C escaper when there is one, as json.dumps uses with ensure_ascii=False
_WORDS = {True: "true", False: "false", None: "null"}


def _write(value: Any, parts: list[str], newline: str) -> None:
    """`value` as indented JSON onto `parts`; `newline` is a line break and the indent of `value`'s line."""
    kind = type(value)
    if kind is str:
        parts.append(_QUOTED(value))
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner, glue = newline + "  ", "{"
        for key in sorted(value):  # json.dumps sorts the items, whose keys differ: by the keys
            if type(key) is not str:
                raise _NotPlainJson
            parts += (glue, inner, _QUOTED(key), ": ")
            _write(value[key], parts, inner)
            glue = ","
        parts += (newline, "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner, glue = newline + "  ", "["
        for item in value:
            parts += (glue, inner)
            _write(item, parts, inner)
            glue = ","
        parts += (newline, "]")
    elif value is None or kind is bool:
        parts.append(_WORDS[value])
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float and value == value and value not in (float("inf"), float("-inf")):
        parts.append(float.__repr__(value))
    else:
        raise _NotPlainJson


def _ordered(site: Site) -> list[Meeting]:
    """Newest first; undated meetings last, by committee."""
    dated = sorted((m for m in site.meetings.values() if m.date), key=lambda m: (m.date, m.committee), reverse=True)
    undated = [site.meetings[k] for k in sorted(site.meetings) if site.meetings[k].date is None]
    return dated + undated


def _summary(site: Site, a: Addresses, m: Meeting) -> dict[str, Any]:
    return {
        "committee": m.committee,
        "committee_name": site.committees[m.committee].name,
        "key": m.key,
        "title": meeting_title(site, m),
        "date": m.date.isoformat() if m.date else None,
        "time": m.time,
        "end_time": m.end_time,
        "venue": m.venue,
        "webcast": m.webcast,
        "recording": m.recording,
        "status": m.status,
        "url": a.link(m.url),
        "json_url": a.link(meeting_path(m)),
    }


def _committee(site: Site, a: Addresses, c: Committee) -> dict[str, Any]:
    return {
        "slug": c.slug,
        "name": c.name,
        "description": c.description,
        "url": a.link(c.url),
        "feed_url": a.link(feed_path(c.slug)),
        "calendar_url": a.link(calendar_path(c.slug)),
        "meeting_count": len(c.meeting_keys),
    }


def _meeting(site: Site, links: Links, a: Addresses, m: Meeting, originals: dict[str, Original]) -> dict[str, Any]:
    def original(d: Document) -> Original | None:
        return originals.get(d.record.source.paper) if d.record.source else None

    def pages(d: Document) -> tuple[int, int]:
        found = original(d)
        return d.record.source.pages if found and found.paged and d.record.source else (0, 0)

    def at(d: Document, page: int) -> str:
        found = original(d)
        return a.link(found.at_page(page)) if found else ""

    return {
        **_summary(site, a, m),
        "documents": [
            {
                "name": d.name,
                **open_data(d.record),
                "url": a.link(d.url),
                "paper": d.record.source.paper if d.record.source else "",
                "original_url": at(d, pages(d)[0]),
                "original_pages": list(pages(d)) if pages(d)[0] else [],
            }
            for d in m.documents
        ],
        "attendance": _attendance(m),
        "items": [
            {
                "document": d.name,
                **open_data(i),
                "url": a.link(d.url) + f"#{i.anchor}",
                "original_url": at(d, i.paper_page) if i.pages else "",
            }
            for d in m.documents
            for i in d.record.items
        ],
        "citations": [_citation(a, d.name, r) for d in m.documents for r in links.of(d)],
        "warnings": list(m.warnings),
    }


def _attendance(m: Meeting) -> dict[str, Any]:
    # The minutes record who came; an agenda at most lists the membership.
    docs = [d for d in (m.minutes, m.agenda, *m.reports) if d is not None]
    found = next((d.record.attendance for d in docs if not d.record.attendance.is_empty()), Attendance())
    return open_data(found)


def _citation(a: Addresses, document: str, r: Resolved) -> dict[str, Any]:
    c = r.citation
    target = None
    if r.target_meeting:
        target = {
            "committee": r.target_meeting.committee,
            "key": r.target_meeting.key,
            "anchor": r.anchor,
            "url": a.link(r.target_url),
        }
    return {"document": document, **open_data(c), "target": target, "note": r.note}
