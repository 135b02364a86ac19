"""The facts of a converted paper in the form the golden files keep them."""

from __future__ import annotations

from pathlib import Path

from minutes.papers import convert_paper
from minutes.papers.readers import read_paper
from minutes.records.fields import optional_keys
from minutes.records.record import DocumentRecord


def facts(paper: Path, shown_as: str, council: str = "") -> list[dict]:
    """Every document of the paper: kind, meeting, attendance, changes of chair, comings and goings,
    items (with the councillors each names), citations, warnings, and the facts listed for review."""
    out = []
    for document in convert_paper(read_paper(paper.read_bytes(), shown_as), shown_as, council=council):
        r = document.record
        fact = {
            "file": document.relpath.as_posix(),
            "kind": r.kind,
            "committee": r.committee,
            "date": r.date.isoformat() if r.date else "",
            "time": r.time,
            "venue": r.venue,
            "title": r.title,
            "lines": list(r.source.lines),
        }
        if r.source.pages != (0, 0):
            fact["pages"] = list(r.source.pages)
        # Every optional text key the record declares (end_time, webcast, … agenda_item, body_of), when set.
        written = r.to_mapping()
        for key in optional_keys(DocumentRecord):
            if isinstance(written.get(key), str):
                fact[key] = written[key]
        if not r.attendance.is_empty():
            fact["attendance"] = {
                "chair": r.attendance.chair,
                "present": list(r.attendance.present),
                "apologies": list(r.attendance.apologies),
                "in_attendance": list(r.attendance.in_attendance),
            }
            if r.attendance.membership:
                fact["attendance"]["membership"] = [
                    f"{m.name} ({m.role})" if m.role else m.name for m in r.attendance.membership
                ]
        if r.items:
            fact["items"] = [
                {
                    k: v
                    for k, v in {
                        "number": i.number,
                        "title": i.title,
                        "pages": i.pages,
                        "paper_page": i.paper_page,
                        "resolutions": list(i.resolutions),
                        "declarations": len(i.declarations),
                        "truncated": i.truncated,
                        "mentions": list(i.mentions),
                    }.items()
                    if v not in ("", [], 0, False)
                }
                for i in r.items
            ]
        if r.chair_changes:
            fact["chair_changes"] = [
                f"{c.name} from {c.from_item or '?'}" + (f" to {c.to_item}" if c.to_item else "")
                for c in r.chair_changes
            ]
        if r.movements:
            fact["movements"] = [
                f"{m.name} {m.change} at {m.item or '?'}" + (f" ({m.time})" if m.time else "") for m in r.movements
            ]
        if r.mentions:
            fact["mentions"] = list(r.mentions)
        if r.citations:
            fact["citations"] = [
                {
                    k: v
                    for k, v in (
                        ("text", c.text),
                        ("committee", c.committee),
                        ("date", c.date.isoformat() if c.date else ""),
                        ("minute", c.minute),
                        ("relation", c.relation),
                    )
                    if v
                }
                for c in r.citations
            ]
        if r.next_meeting:
            fact["next_meeting"] = {
                "date": r.next_meeting.date.isoformat() if r.next_meeting.date else "",
                "time": r.next_meeting.time,
            }
        if r.warnings:
            fact["warnings"] = list(r.warnings)
        if r.review:
            fact["review"] = [
                f"{d.fact}"
                + (f" {d.item}" if d.item else "")
                + (f" {d.value!r}" if d.value else "")
                + f" ({d.confidence:.2f}"
                + (f", lines {d.lines[0]}-{d.lines[1]}" if d.lines != (0, 0) else "")
                + f"): {d.why}"
                for d in r.review
            ]
        out.append(fact)
    return out
