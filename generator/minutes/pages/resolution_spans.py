"""Where a minute's resolutions sit in its text, so a page shows each of them once, set apart.

The converter lists an item's resolutions in the front-matter and leaves them
in the body too, under a "Resolved: -" label. A page shows the minute's text
up to that label, then the resolutions in a box of their own. Each resolution
keeps what the minutes print after it up to the next one (the names of the
people appointed after "be appointed to the panels below: -"), so nothing the
text says is lost and nothing is printed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes.core.i18n import N_

_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|\(\w{1,4}\)|[-*+])\s+")
_MARKDOWN_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
"""A Markdown list marker, the box's own list replaces it; a printed "(1)" is kept as printed."""
_PRINTED_NUMBER = re.compile(r"^\(\w{1,4}\)\s")
_EMPHASIS = re.compile(r"[*_`]")
_LABEL = re.compile(
    r"^(?:it\s+was\s+)?(?:resolved|agreed|recommended|decided|decision|penderfynwyd)"
    r"(?:\s+(?:unanimously|accordingly))?\s*(?:[:\-–—]\s*)*",
    re.I,
)
LABELS = (N_("Resolved"), N_("Agreed"), N_("Recommended"), N_("Decided"), N_("Decision"))
"""The label words a page shows in the reader's language (the box's label is the interface's);
another word the minutes use ("Resolved unanimously") is shown as printed."""


@dataclass(frozen=True, slots=True)
class SetApart:
    """A minute's text cut around its resolutions."""

    text: str
    """The minute's text before its resolutions (all of it when none is found in the text)."""
    passages: tuple[str, ...]
    """One Markdown passage per resolution, in the record's order: the resolution and what follows it."""
    after: str = ""
    """Text after the last resolution's passage that is not part of it (a later heading and on)."""
    label: str = "Resolved"
    """The word the minutes announce them with ("Resolved", "Agreed"), for the box's label."""

    @property
    def numbered(self) -> bool:
        """Whether a page should number the passages; not when they carry printed numbers ("(1) That …")."""
        return len(self.passages) > 1 and not all(_PRINTED_NUMBER.match(p) for p in self.passages)


def _plain(line: str) -> str:
    """A line as words only: no list marker, emphasis, label or spacing differences."""
    while _LIST_MARKER.match(line):
        line = _LIST_MARKER.sub("", line, count=1)
    text = _EMPHASIS.sub("", line).strip()
    return " ".join(text.split())


def _without_label(text: str) -> str:
    return _LABEL.sub("", text, count=1).strip()


def is_label(line: str) -> bool:
    """A line that only announces resolutions: "Resolved: -", "**RESOLVED:**", "Agreed –"."""
    plain = _plain(line)
    return bool(plain) and _LABEL.match(plain) is not None and not _without_label(plain)


def _label_word(line: str) -> str:
    return _LABEL.match(_plain(line)).group(0).strip(" :-–—").capitalize()  # type: ignore[union-attr]


def _line_of(resolution: str, lines: list[str], plains: list[str | None], start: int) -> int | None:
    """The first line from `start` that is the resolution, in words only (`_plain`), with or without its
    label ("Resolved: that …"); `plains` keeps each line's words for the next resolution."""
    wanted = " ".join(resolution.split())
    if not wanted:
        return None
    for i in range(start, len(lines)):
        plain = plains[i]
        if plain is None:
            plain = plains[i] = _plain(lines[i])
        # Either way the wanted words end the line's: a label is taken off the front only.
        if plain.endswith(wanted) and (plain == wanted or _without_label(plain) == wanted):
            return i
    return None


def _first_line(passage: list[str]) -> list[str]:
    """A passage's resolution line without its list number or label: the box numbers them itself."""
    head = passage[0]
    while _MARKDOWN_MARKER.match(head):
        head = _MARKDOWN_MARKER.sub("", head, count=1)
    plain = _EMPHASIS.sub("", head).strip()
    if _LABEL.match(plain) and _without_label(plain):
        head = _without_label(plain)
    return [head, *passage[1:]]


_ANNOUNCES = re.compile(r"(?::|:?\s*[-–—])\s*$")
_LIST_LINE = re.compile(r"^(?:\s{2,}\S|\s*(?:\d+[.)]|\(\w{1,4}\)|[-*+])\s)")


def _last_passage_end(lines: list[str], at: int, end: int) -> int:
    """Where the last resolution's passage ends: what it announces ("below: -") is part of it, and so is a
    list under it; a plain paragraph after it ("The Chair left the meeting.") is not."""
    if _ANNOUNCES.search(_EMPHASIS.sub("", lines[at])):
        return end
    stop = at + 1
    for i in range(at + 1, end):
        if not lines[i].strip():
            continue
        if not _LIST_LINE.match(lines[i]):
            return stop
        stop = i + 1
    return end


def set_apart(text: str, resolutions: tuple[str, ...]) -> SetApart:
    """Cut `text` at its resolutions; a resolution not found in the text gets a passage of its own words."""
    if not resolutions:
        return SetApart(text, ())
    lines = text.split("\n")
    found: dict[int, int] = {}  # resolution index -> line index
    start = 0
    plains: list[str | None] = [None] * len(lines)  # each line's words, worked out once for all resolutions
    for n, resolution in enumerate(resolutions):
        at = _line_of(resolution, lines, plains, start)
        if at is not None:
            found[n] = at
            start = at + 1
    if not found:
        return SetApart(text, tuple(" ".join(r.split()) for r in resolutions))
    first = min(found.values())
    begin, label = first, "Resolved"
    i = first - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    if i >= 0 and is_label(lines[i]):
        begin = i
        label = _label_word(lines[i])
    elif _LABEL.match(_plain(lines[first])):
        label = _label_word(lines[first])  # "Agreed – that the date be fixed."
    starts = sorted(found.values())
    # A heading after the resolutions starts text of its own, not part of the last one (a resolution's own line
    # may be a heading: "# That the report be noted").
    end = next((i for i in range(starts[-1] + 1, len(lines)) if lines[i].lstrip().startswith("#")), len(lines))
    end = _last_passage_end(lines, starts[-1], end)
    passages = []
    for n, resolution in enumerate(resolutions):
        if n not in found:
            passages.append(" ".join(resolution.split()))
            continue
        at = found[n]
        stop = next((s for s in starts if s > at), end)
        passages.append("\n".join(_first_line(lines[at:stop])).strip("\n"))
    return SetApart(
        text="\n".join(lines[:begin]).strip("\n"),
        passages=tuple(passages),
        after="\n".join(lines[end:]).strip("\n"),
        label=label,
    )
