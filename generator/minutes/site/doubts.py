"""What is still in doubt: the facts the converter was unsure of that no person has checked yet.

A record's open doubts are its `review` entries and its warnings (the converter's
notes), until a person deletes them or marks the record `reviewed: true`. They
are listed by `minutes check --reviewed`, shown beside the paper by `minutes
serve` (`/_review/`), and on published pages marked "unconfirmed", left out, or
refused, as the `unreviewed` setting says (see `Unconfirmed`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem
from minutes.core.i18n import N_, Interface, interface
from minutes.core.yamlfile import entry_lines
from minutes.records.frontmatter import FrontMatterError, locate
from minutes.records.record import ITEM_FACTS, DocumentRecord, Item
from minutes.site.load import relative
from minutes.site.model import Document, Site

NOTE = "note"
"""The fact of a doubt that is one of the record's warnings: a note about the record, not one fact."""
NOTE_CONFIDENCE = 0.5
"""A warning carries no confidence of its own; it weighs as an even doubt."""

WEIGHTS = {"date": 3.0, "committee": 3.0, "kind": 3.0, "item": 2.0, "decision": 2.0, "citation": 2.0}
"""How much a wrong value of each fact misleads readers, for putting records in order (others weigh 1):
a meeting filed under the wrong date or body, or a wrong item, is found and cited wrongly."""

ATTENDANCE = ("chair", "present", "apologies", "in_attendance")


@dataclass(frozen=True, slots=True)
class Doubt:
    """One open doubt of a record: a `review` entry, or a warning (`fact` "note")."""

    fact: str
    value: str = ""
    why: str = ""
    lines: tuple[int, int] = (0, 0)
    """The paper's lines the fact was read from; (0, 0) when not known."""
    item: str = ""
    confidence: float = 0.0
    key: str = "review"
    """The record's list holding it: `review` or `warnings`."""
    index: int = 0
    """Its position in that list."""

    @property
    def label(self) -> str:
        """The fact in words: "date", "decision of item 7", "note"."""
        return fact_label(self.fact, self.item, self.value, article=False)

    @property
    def weight(self) -> float:
        return WEIGHTS.get(self.fact, 1.0) * (1.0 - self.confidence)


def fact_label(fact: str, item: str = "", value: str = "", *, article: bool = True) -> str:
    """A fact named for people: "the date", "the decision of item 7", "the reference ‘…’"."""
    the = "the " if article else ""
    if fact == "item":
        return f"{the}item {item}" if item else f"{the}items"
    if fact == "decision":
        return f"{the}decision of item {item}" if item else f"{the}decisions"
    if fact == "citation":
        if item:
            return f"{the}meeting named in item {item}"
        return f"{the}reference “{value}”" if value else f"{the}references to other meetings"
    if fact == NOTE:
        return "note"
    phrases = {"present": "who was present", "in_attendance": "who was in attendance"}
    if fact in phrases:
        return phrases[fact]
    return the + ("kind of paper" if fact == "kind" else fact)


_PHRASES = {
    "kind": N_("The kind of paper"),
    "committee": N_("The committee"),
    "date": N_("The date"),
    "time": N_("The time"),
    "venue": N_("The venue"),
    "chair": N_("The chair"),
    "present": N_("Who was present"),
    "apologies": N_("The apologies"),
    "in_attendance": N_("Who was in attendance"),
}
"""A fact of the record as a published page names it, starting a sentence (`fact_phrase`)."""


def fact_phrase(ui: Interface, fact: str, item: str = "", value: str = "") -> str:
    """A fact named for readers of a published page, in its language: "The date", "The decision of item 7"
    ("Y dyddiad", "Penderfyniad eitem 7"). `fact_label` names it for the command line and the review view."""
    if fact == "item":
        return ui.gettext("The item %(item)s") % {"item": item} if item else ui.gettext("The items")
    if fact == "decision":
        return ui.gettext("The decision of item %(item)s") % {"item": item} if item else ui.gettext("The decisions")
    if fact == "citation":
        if item:
            return ui.gettext("The meeting named in item %(item)s") % {"item": item}
        if value:
            return ui.gettext("The reference “%(reference)s”") % {"reference": value}
        return ui.gettext("The references to other meetings")
    if fact in _PHRASES:
        return ui.gettext(_PHRASES[fact])
    label = fact_label(fact, item, value)
    return label[:1].upper() + label[1:]


def open_doubts(record: DocumentRecord) -> tuple[Doubt, ...]:
    """The record's doubts no person has cleared: none once it is marked reviewed."""
    if record.reviewed:
        return ()
    entries = [
        Doubt(e.fact, e.value, e.why, e.lines, e.item, e.confidence, "review", n) for n, e in enumerate(record.review)
    ]
    notes = [
        Doubt(NOTE, "", w, confidence=NOTE_CONFIDENCE, key="warnings", index=n) for n, w in enumerate(record.warnings)
    ]
    return tuple(entries + notes)


def importance(doubts: Iterable[Doubt]) -> float:
    """How much a record's doubts are worth a person's look: each weighed by its fact and how unsure it is."""
    return round(sum(d.weight for d in doubts), 6)


@dataclass(frozen=True, slots=True)
class DoubtfulRecord:
    """A record with open doubts, and where each one is written in its file."""

    document: Document
    path: str
    """The record's file, relative to the site root."""
    doubts: tuple[Doubt, ...]
    lines: tuple[int, ...]
    """The line of the record file where each doubt is written (0 when it cannot be found)."""

    @property
    def importance(self) -> float:
        return importance(self.doubts)

    @property
    def facts(self) -> tuple[str, ...]:
        """The facts in doubt, once each, in the record's order."""
        return tuple(dict.fromkeys(d.label for d in self.doubts))


def doubtful_records(site: Site) -> list[DoubtfulRecord]:
    """Every record with open doubts, most worth checking first: the weightiest doubts, then the most."""
    found = []
    for doc in site.all_documents():
        doubts = open_doubts(doc.record)
        if doubts:
            found.append(
                DoubtfulRecord(doc, relative(site.config, doc.source), doubts, written_lines(doc.source, doubts))
            )
    return sorted(found, key=lambda r: (-r.importance, -len(r.doubts), r.path))


def written_lines(path: Path, doubts: tuple[Doubt, ...]) -> tuple[int, ...]:
    """The line of the record file where each doubt is written: its `- fact:` or its warning."""
    try:
        located = locate(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return tuple(0 for _ in doubts)
    # The front-matter's first line is the file's second (after the opening `---`).
    lists = {key: entry_lines(located.yaml_text, key) for key in ("review", "warnings")}
    return tuple(
        lists[d.key][d.index] + 1 if d.index < len(lists[d.key]) else located.key_lines.get(d.key, 0) for d in doubts
    )


def doubt_problems(site: Site) -> list[Problem]:
    """One line per open doubt, for `minutes check --reviewed`: `path:line: doubt: fact …`."""
    problems = []
    for found in sorted(doubtful_records(site), key=lambda r: r.path):
        for doubt, line in zip(found.doubts, found.lines, strict=True):
            problems.append(Problem(found.path, line, describe(doubt), "doubt"))
    return problems


def describe(doubt: Doubt) -> str:
    """A doubt on one line: "date '2014-11-26' — why (confidence 35 %)"."""
    if doubt.fact == NOTE:
        return f"note — {doubt.why}"
    text = doubt.label + (f" {doubt.value!r}" if doubt.value else "")
    if doubt.why:
        text += f" — {doubt.why}"
    if doubt.lines != (0, 0):
        first, last = doubt.lines
        text += f" (paper line {first})" if first == last else f" (paper lines {first}-{last})"
    return text + f" (confidence {round(doubt.confidence * 100)} %)"


def refusals(site: Site) -> list[Problem]:
    """Under `unreviewed: refuse`: one error per record with open doubts, naming them."""
    problems = []
    for found in sorted(doubtful_records(site), key=lambda r: r.path):
        facts = ", ".join(found.facts)
        count = len(found.doubts)
        problems.append(
            Problem(
                found.path,
                found.lines[0] if found.lines else 0,
                f"{count} unreviewed doubt{'s' if count != 1 else ''} ({facts}); the site is set to refuse them "
                "(unreviewed: refuse) — check them against the paper (`minutes serve`, then /_review/), then delete "
                "each entry or set `reviewed: true`",
                skipped="its doubtful facts",
            )
        )
    return problems


# --- what a published page shows -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unconfirmed:
    """The doubts one published page shows marked "unconfirmed" (`mode` mark) or leaves out (omit).

    Facts of the meeting (`date`, `venue`, `chair` …) are in `facts`; facts of
    one item (its heading, decision, the meeting it names) in `rows`, by the
    kind of document and the item's anchor; a reference doubted by its words
    or date in `citations`. `reasons` says, one line each, what is in doubt and
    why (under omit: only what was left out); `notes` are the converter's notes.
    """

    mode: str = ""
    """mark | omit; "" when the page has nothing in doubt."""
    facts: frozenset[str] = frozenset()
    rows: frozenset[tuple[str, str, str]] = frozenset()
    """(document kind, fact, item anchor)."""
    citations: frozenset[str] = frozenset()
    """References in doubt, by their text or their date (YYYY-MM-DD)."""
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.facts or self.rows or self.citations or self.reasons or self.notes)

    def marks(self, fact: str) -> bool:
        return self.mode == "mark" and fact in self.facts

    def omits(self, fact: str) -> bool:
        return self.mode == "omit" and fact in self.facts

    def of_item(self, kind: str, anchor: str) -> frozenset[str]:
        """The facts of one item in doubt: item, decision, citation."""
        return frozenset(fact for k, fact, a in self.rows if k == kind and a == anchor)


@dataclass(slots=True)
class _Collect:
    facts: set[str] = field(default_factory=set)
    rows: set[tuple[str, str, str]] = field(default_factory=set)
    citations: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def page_mode(config: SiteConfig) -> str:
    """How a page built with these settings treats open doubts: mark or omit (refuse, when published anyway)."""
    return "mark" if config.unreviewed == "mark" else "omit"


def unconfirmed(
    config: SiteConfig, documents: Iterable[Document | None], *, attendance_of: tuple[str, ...] = ("minutes",)
) -> Unconfirmed:
    """What the page showing these documents must not state as fact.

    `attendance_of`: the kinds of document whose attendance the page shows (a
    meeting page shows the minutes'), so an agenda's doubtful chair does not
    mark the minutes' one.
    """
    mode = page_mode(config)
    ui = interface(config.language)
    got = _Collect()
    for doc in documents:
        if doc is None:
            continue
        record = doc.record
        if config.review_notes:
            got.notes.extend(record.warnings)
        for doubt in open_doubts(record):
            if doubt.fact == NOTE:
                if mode == "mark" and not config.review_notes:
                    got.notes.append(doubt.why)
                continue
            if doubt.fact in ATTENDANCE and record.kind not in attendance_of:
                continue
            _place(got, record, doubt)
            label = fact_phrase(ui, doubt.fact, doubt.item, doubt.value)
            if mode == "mark":
                shown = f" ({doubt.value})" if doubt.value and doubt.fact != "citation" else ""
                got.reasons.append(f"{label}{shown}: {doubt.why}" if doubt.why else f"{label}{shown}")
            else:
                got.reasons.append(label)
    if not (got.facts or got.rows or got.citations or got.reasons or got.notes):
        return Unconfirmed()
    return Unconfirmed(
        mode,
        frozenset(got.facts),
        frozenset(got.rows),
        frozenset(got.citations),
        tuple(dict.fromkeys(got.reasons)),
        tuple(dict.fromkeys(got.notes)),
    )


def _place(got: _Collect, record: DocumentRecord, doubt: Doubt) -> None:
    if doubt.fact not in ITEM_FACTS:
        got.facts.add(doubt.fact)
        return
    if doubt.fact == "citation" and doubt.value:
        got.citations.add(doubt.value)
    item = _item(record.items, doubt.item) if doubt.item else None
    if item is not None:
        got.rows.add((record.kind, doubt.fact, item.anchor))
    elif not (doubt.fact == "citation" and doubt.value):
        # A doubt on an item the record does not hold (or on every item): each item is in doubt.
        got.rows.update((record.kind, doubt.fact, i.anchor) for i in record.items)


def _item(items: tuple[Item, ...], key: str) -> Item | None:
    wanted = key.strip()
    return next((i for i in items if wanted in (i.number, i.anchor)), None) or next(
        (i for i in items if i.number.rstrip(".").lower() == wanted.rstrip(".").lower()), None
    )


def date_in_doubt(config: SiteConfig, documents: Iterable[Document | None]) -> str:
    """The mode ("mark" or "omit") in which lists show a meeting whose date is in doubt; "" when it is not."""
    for doc in documents:
        if doc is not None and doc.kind in ("agenda", "minutes"):
            if any(d.fact == "date" for d in open_doubts(doc.record)):
                return page_mode(config)
    return ""
