"""A house style's lessons tried on each paper before they are kept for it.

What the house style holds was learned from a few papers, or taught by one record a person corrected: a
guess about the rest of the archive, and a lesson that fits one paper may not fit the next (a body's form
that is only the council's own name; minutes read a paragraph to an item where a paper numbers its own
items). So a paper is read twice, without the lessons (what a person pinned still holds) and with them, and
the reading with them is kept, fact by fact, only where the paper agrees with it:

- the committee a lesson chose stands where the paper prints that body's name, or a form of it that names
  no other body (the council's own name, or another body's, says nothing about which of its bodies met);
- items read to the style's shape stand, unless the paper numbers its own items and that shape does not;
- the chair a learned cue names stands, unless the paper names another chair itself;
- a date, time or venue the paper's own reading found is neither lost nor changed (a venue the style
  knows, printed in the paper, may replace it);
- lists of names the paper's own reading found are not emptied.

Where a lesson would change a fact and the paper does not bear it out, the paper's own reading stands and
the record gets a review entry saying what the lesson would have written: the person is asked instead.
The reading with the lessons keeps everything else (a lesson may also let the paper's opening be read, as
items that no longer swallow it do).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from minutes.papers import confidence, fact_cues, known_titles
from minutes.papers.header import BODY_WORD
from minutes.papers.housestyle import LEARNED, PINNED, Body, HouseStyle, ItemShape, folded
from minutes.papers.learn import grouping_label, headed_items, own_items
from minutes.records.record import REVIEW_FACTS, Attendance, DocumentRecord, Item, ReviewEntry

if TYPE_CHECKING:
    from minutes.papers.clean import Line
    from minutes.papers.convert import Conversion, ConvertedDocument

OPENING_LINES = 40
"""How many of a document's lines a body's name is looked for in: its opening, where the header is read."""
HEADING_EXTRA_WORDS = 6
"""A line names a body as a heading does when it holds at most this many words beside the name ("Minutes of
the regular meeting of the …"); a longer line is a sentence that mentions it."""
NUMBERED_ITEMS = 2
"""A paper numbers its own items when its own reading numbers at least this many."""


def untaught(style: HouseStyle) -> HouseStyle:
    """The style without its lessons: only what a person pinned, which holds whatever the papers say."""
    attendance = style.attendance if style.attendance and style.attendance.source == PINNED else None
    header = style.header if style.header and style.header.source == PINNED else None
    return HouseStyle(
        tuple(b for b in style.bodies if b.source == PINNED),
        tuple(v for v in style.venues if v.source == PINNED),
        tuple(i for i in style.items if i.source == PINNED),
        attendance,
        header,
        tuple(c for c in style.cues if c.source == PINNED),
    )


def read_trying(read: Callable[[HouseStyle], Conversion], style: HouseStyle, council: str = "") -> Conversion:
    """`read(style)`, with each lesson of the style kept only where the paper bears it out (see the module)."""
    plain_style = untaught(style)
    if plain_style == style:
        return read(style)
    plain = read(plain_style)
    fitted = fitted_items(style, plain)
    return replace(settle(plain, read(fitted), fitted, council), untaught=plain.documents)


# --- the shape of items a paper shows ------------------------------------------------------------------

FITS, SILENT, CONTRADICTS = 0, 1, 2


def fitted_items(style: HouseStyle, plain: Conversion) -> HouseStyle:
    """The style with, for each kind of paper, the item shapes this paper shows first: a numbering its lines
    open with, an unnumbered shape only where its own reading numbers no items (a learned one, only where it
    sets out no items at all), titles it prints. A shape the paper contradicts is left out."""
    lines = [line.text.strip() for line in plain.lines if line.is_content and not line.artefact]
    numbered = {
        kind: sum(1 for d in plain.documents if d.record.kind == kind for i in d.record.items if i.number)
        for kind in ("agenda", "minutes", "")
    }
    numbered[""] = numbered["agenda"] + numbered["minutes"]
    headed = {
        kind: max((own_items(d.record) for d in plain.documents if kind in ("", d.record.kind)), default=0)
        for kind in ("agenda", "minutes", "")
    }
    out: list[ItemShape] = []
    for kind in dict.fromkeys(shape.kind for shape in style.items):
        shapes = [shape for shape in style.items if shape.kind == kind]
        fit = {id(shape): _fit(shape, lines, numbered.get(kind, 0)) for shape in shapes}
        if headed.get(kind, 0) >= NUMBERED_ITEMS:
            # What the papers share of paragraphs was learned from papers that set out no items of their own.
            fit.update({id(s): CONTRADICTS for s in shapes if _unheaded(s) and s.source == LEARNED})
        if any(shape.number and not _unheaded(shape) and fit[id(shape)] == FITS for shape in shapes):
            # The paper's lines open with a numbering the style knows: items without headings do not fit it.
            fit.update({id(shape): CONTRADICTS for shape in shapes if _unheaded(shape)})
        # Of the shapes that fit, a layout (numbering, paragraphs, lines) before a list of titles it reuses.
        ranked = sorted(
            shapes,
            key=lambda shape: (shape.source != PINNED, fit[id(shape)], not (shape.number or _unheaded(shape))),
        )
        kept = [shape for shape in ranked if fit[id(shape)] != CONTRADICTS or shape.source == PINNED]
        # With no other shape to read it, a correction's shape is still tried (and the record asks a person
        # where it is withheld); a learned one the paper contradicts is simply not read into it.
        out += kept or [shape for shape in ranked if shape.source != LEARNED]
    return replace(style, items=tuple(out))


def _unheaded(shape: ItemShape) -> bool:
    """Items without headings of their own: a paragraph or a line to an item."""
    return shape.paragraphs or shape.lines


def _fit(shape: ItemShape, lines: Sequence[str], numbered: int) -> int:
    if _unheaded(shape):
        # Items without headings of their own: a paper that numbers its items sets them out otherwise.
        return CONTRADICTS if numbered >= NUMBERED_ITEMS else FITS
    if shape.number:
        try:
            opens = re.compile(rf"\(?(?:{shape.number})\)?(?:[.):]|\s|$)")
        except re.error:
            return CONTRADICTS
        return FITS if sum(1 for line in lines if opens.match(line)) >= NUMBERED_ITEMS else CONTRADICTS
    shown = sum(1 for line in lines if known_titles.is_known(line.rstrip(":"), shape.titles))
    return FITS if shown >= NUMBERED_ITEMS else SILENT


def settle(plain: Conversion, styled: Conversion, style: HouseStyle, council: str = "") -> Conversion:
    """The reading with the lessons, with each fact the paper does not bear out taken from its own reading."""
    if plain.documents == styled.documents:
        return styled
    if not _same_documents(plain.documents, styled.documents):
        # The lessons read the paper as other documents: kept unless they lose a meeting the paper's own
        # reading found (a meeting's record lost is worse than items read less well).
        return plain if _meetings(plain.documents) > _meetings(styled.documents) else styled
    settled = []
    openings = []
    readings = []
    for n, (p, s) in enumerate(zip(plain.documents, styled.documents, strict=True)):
        choice = _settle_document(p, s, style, council, plain.lines)
        settled.append(choice.document)
        source = plain if choice.plain_filing else styled
        if n < len(source.openings):
            openings.append(source.openings[n])
        if n < len(source.readings):
            readings.append(source.readings[n])
    if len({d.relpath for d in settled}) < len(settled):
        return plain  # two documents of the paper would share a file: its own reading is consistent
    return replace(
        styled,
        documents=tuple(settled),
        openings=tuple(openings) or styled.openings,
        readings=tuple(readings) or styled.readings,
    )


# --- one document ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Choice:
    document: ConvertedDocument
    plain_filing: bool
    """Filed (committee and date) as the paper's own reading files it."""


def _settle_document(
    p: ConvertedDocument, s: ConvertedDocument, style: HouseStyle, council: str, lines: Sequence[Line]
) -> _Choice:
    """One document read plainly (`p`) and with the lessons (`s`): each fact from the reading the paper bears out."""
    pr, sr = p.record, s.record
    if pr == sr and p.body == s.body:
        return _Choice(s, False)
    settling = _Settling()
    base = _settle_items(p, s, style, settling)
    committee = _settle_committee(pr, sr, style, council, lines, settling)
    date, time, venue = _settle_when(pr, sr, style, settling, _opening(sr, lines))
    attendance = _settle_attendance(pr, sr, base, style, settling)

    # Filed where its committee and date say, each from the reading that gave it; named by its kind.
    committee_from = s if committee == sr.committee else p
    date_from = s if date == sr.date else p
    settling.from_plain |= {"committee"} if committee_from is p else set()
    settling.from_plain |= {"date"} if date_from is p else set()
    relpath = PurePosixPath(committee_from.relpath.parts[0], date_from.relpath.parts[1], base.relpath.parts[-1])
    record = replace(
        base.record,
        committee=committee,
        date=date,
        time=time,
        venue=venue,
        attendance=attendance,
        review=_review(pr.review, sr.review, settling.from_plain),
    )
    document = replace(base, record=record, relpath=relpath)
    plain_filing = committee_from is p and date_from is p
    return _Choice(_with_review(document, settling.doubts, document.record.review), plain_filing)


@dataclass
class _Settling:
    """What settling one document has found so far: the doubts to ask, and the facts (as review entries name
    them) taken from the paper's own reading."""

    doubts: list[confidence.Judged] = field(default_factory=list)
    from_plain: set[str] = field(default_factory=set)


def _settle_items(
    p: ConvertedDocument, s: ConvertedDocument, style: HouseStyle, settling: _Settling
) -> ConvertedDocument:
    """The reading whose items stand (the body, whose headings carry their anchors, comes with them)."""
    pr, sr = p.record, s.record
    shape = style.item_shape(sr.kind)
    contradiction = ""
    if pr.items != sr.items:
        contradiction = _shape_contradicted(pr.items, sr.items) or _headings_contradict(pr, sr.items, shape)
    if not contradiction:
        return s
    settling.from_plain |= {"item", "decision", "citation", "kind"}
    settling.doubts.append(
        confidence.lesson_withheld(
            "item",
            "",
            f"the house style reads {_shape_said(shape)}{_evidence(shape)}, but {contradiction}, so they are "
            "read as the paper sets them out; correct the items if the house style is right",
        )
    )
    return p


def _settle_committee(
    pr: DocumentRecord, sr: DocumentRecord, style: HouseStyle, council: str, lines: Sequence[Line], settling: _Settling
) -> str:
    """The lessons' body where the paper prints it (or a form naming no other body), else the paper's own."""
    opening = _opening(sr, lines)
    if pr.committee == sr.committee or _bears_body(sr.committee, opening, style, council, pr.committee):
        return sr.committee
    settling.from_plain.add("committee")
    body = next((b for b in style.bodies if b.name == sr.committee), None)
    form = _printed_form(body, opening) if body else ""
    settling.doubts.append(
        confidence.lesson_withheld(
            "committee",
            pr.committee,
            f"the house style would file it under {sr.committee!r}"
            + (f" because it prints {form!r}" if form else "")
            + f"{_evidence(body)}, but the paper does not print that body's name; correct the committee "
            f"to {sr.committee!r} if that body met",
            confidence.find_lines(form, [(line.number, line.text) for line in lines]) if form else None,
        )
    )
    return pr.committee


def _settle_when(
    pr: DocumentRecord, sr: DocumentRecord, style: HouseStyle, settling: _Settling, opening: Sequence[str]
) -> tuple[dt.date | None, str, str]:
    """Date, time and venue: what the paper's own reading found is not changed by a lesson, unless the paper
    prints the lesson's value where the style says the site prints it (a venue it knows; a date or time after
    the words the site prints before it)."""
    date = sr.date
    if pr.date and sr.date != pr.date and not fact_cues.cued("date", sr.date, opening, style.cues_for("date")):
        date = pr.date
        settling.from_plain.add("date")
        if sr.date:
            settling.doubts.append(_changed("date", pr.date.isoformat(), sr.date.isoformat()))
    time = sr.time
    if pr.time and sr.time != pr.time and not fact_cues.cued("time", sr.time, opening, style.cues_for("time")):
        time = pr.time
        settling.from_plain.add("time")
        if sr.time:
            settling.doubts.append(_changed("time", pr.time, sr.time))
    venue = sr.venue
    known_venues = {folded(v.name) for v in style.venues}
    if pr.venue and sr.venue != pr.venue and not (sr.venue and folded(sr.venue) in known_venues):
        venue = pr.venue
        settling.from_plain.add("venue")
        if sr.venue:
            settling.doubts.append(_changed("venue", pr.venue, sr.venue))
    return date, time, venue


def _settle_attendance(
    pr: DocumentRecord, sr: DocumentRecord, base: ConvertedDocument, style: HouseStyle, settling: _Settling
) -> Attendance:
    """The paper's own chair, and any list of names it reads that the lessons' reading emptied."""
    pa, sa = pr.attendance, sr.attendance
    chair = sa.chair
    if pa.chair and sa.chair != pa.chair:
        chair = pa.chair
        settling.from_plain.add("chair")
        if sa.chair:
            cues = style.attendance.chair_cues if style.attendance else ()
            settling.doubts.append(
                confidence.lesson_withheld(
                    "chair",
                    pa.chair,
                    f"the house style's cue{'s' if len(cues) > 1 else ''} "
                    f"{', '.join(repr(c) for c in cues) or '(none)'} would name {sa.chair!r} the chair, but the "
                    "paper names its own; correct the chair if the house style is right",
                )
            )
    roles = ("present", "apologies", "in_attendance")
    demoted = _members_demoted(pa, sa, style)
    if demoted:
        # The lessons' reading counts among those attending someone a correction listed among the members, whom
        # the paper's own reading has present: the lessons contradict each other here, the paper's lists stand.
        settling.from_plain |= set(roles)
        settling.doubts.append(
            confidence.lesson_withheld(
                "present",
                demoted[0],
                f"read with the house style {demoted[0]!r} would attend rather than sit as a member, but a "
                "corrected record lists them among the members; correct the record if the house style is right",
            )
        )
        return replace(base.record.attendance, chair=chair, **{role: getattr(pa, role) for role in roles})
    lists = {}
    for role in roles:
        mine, theirs = getattr(pa, role), getattr(sa, role)
        elsewhere = {folded(n) for other in roles if other != role for n in getattr(sa, other)}
        # A list the lessons' reading emptied is the paper's again, unless its names moved to another list
        # (an officer the house style counts among the members).
        if mine and not theirs and not {folded(n) for n in mine} <= elsewhere:
            lists[role] = mine
            settling.from_plain.add(role)
        else:
            lists[role] = theirs
    return replace(base.record.attendance, chair=chair, **lists)


def _members_demoted(pa: Attendance, sa: Attendance, style: HouseStyle) -> list[str]:
    """Those present by the paper's own reading whom the lessons' reading puts among those attending, though a
    corrected record lists them among the body's members ("Vice-President Jan Power" of the member Jan Power)."""
    members = {folded(n) for n in style.attendance.members} if style.attendance else set()
    if not members:
        return []

    def member(name: str) -> bool:
        key = folded(name)
        return any(key == m or key.endswith(f" {m}") for m in members)

    return [n for n in sa.in_attendance if member(n) and _same_person(n, pa.present)]


def _same_person(name: str, names: Sequence[str]) -> bool:
    key = folded(name)
    return any(key == folded(n) or folded(n).endswith(f" {key}") or key.endswith(f" {folded(n)}") for n in names)


def _same_documents(plain: Sequence[ConvertedDocument], styled: Sequence[ConvertedDocument]) -> bool:
    """The two readings found as many documents, taken one for one (a lesson may change what kind of meeting
    paper one reads as, as items read otherwise tip the balance between agenda and minutes)."""
    return len(plain) == len(styled)


def _span(record: DocumentRecord) -> tuple[int, int]:
    return record.source.lines if record.source else (0, 0)


def _meetings(documents: Sequence[ConvertedDocument]) -> int:
    return sum(1 for d in documents if d.record.kind in ("agenda", "minutes"))


def _shape_contradicted(mine: Sequence[Item], theirs: Sequence[Item]) -> str:
    """How the paper's own setting out of its items contradicts the style's reading of them, or "": it numbers
    its items and the style's reading drops the numbers, or leaves them inside the titles."""
    numbered = sum(1 for i in mine if i.number)
    if numbered >= NUMBERED_ITEMS and sum(1 for i in theirs if i.number) * 2 < numbered:
        return f"the paper numbers its own items ({numbered} of them)"
    inside = sum(1 for i in theirs if not i.number and _PRINTED_NUMBER.match(i.title))
    if inside >= NUMBERED_ITEMS:
        return f"the paper numbers its own items ({inside} titles start with a number)"
    return ""


HEADINGS = 3
"""A paper sets its business out under headings of its own when its own reading finds at least this many (two may be
only labels grouping its paragraphs: "New Business:", "Old Business:")."""
PARAGRAPHS_PER_HEADING = 6
"""A paper whose own headings stand at most this many paragraphs of business apart (as a reading of a paragraph to
an item counts them) sets its business out under those headings: the paragraphs are their text, not items."""


def _headings_contradict(plain: DocumentRecord, theirs: Sequence[Item], shape: ItemShape | None) -> str:
    """How the paper's own headings contradict a reading of a paragraph to an item, or "": that reading drops a
    heading the paper's own reading took for an item (each paragraph an item, a heading is one too), or the paper
    heads its business often enough that the paragraphs under its headings are their text."""
    if not (shape and shape.paragraphs):
        return ""
    # Labels the lesson says only group the paragraphs ("New Business") are set aside on purpose: no headings.
    grouping = {folded(t) for t in shape.not_items}
    headed = [
        i
        for i in headed_items(plain)
        if folded(i.title) not in grouping and not (shape.run_in and grouping_label(i.title))
    ]
    titles = [folded(i.title) for i in theirs]
    lost = [i.title for i in headed if not any(t.startswith(folded(i.title)) for t in titles)]
    if lost:
        return f"that reading drops the heading {lost[0]!r} the paper sets out"
    if len(headed) >= HEADINGS and len(theirs) <= PARAGRAPHS_PER_HEADING * len(headed):
        return f"the paper heads its own business ({len(headed)} headings over {len(theirs)} paragraphs)"
    return ""


_PRINTED_NUMBER = re.compile(r"^\(?\*?[A-Za-z]{0,3}\d{1,4}(?:[-/.:]\d{1,4})*[A-Za-z]?\)?[.):]?\s+\S")
"""A title that opens with a printed item number ("(06-601) Resolution …", "41/19 Apologies")."""


def _opening(record: DocumentRecord, lines: Sequence[Line]) -> list[str]:
    first, last = _span(record)
    texts = [line.text for line in lines if line.is_content and (not first or first <= line.number <= last)]
    return texts[:OPENING_LINES]


def _bears_body(name: str, opening: Sequence[str], style: HouseStyle, council: str, own: str = "") -> bool:
    """Whether the paper's opening prints this body on a line that names it (a heading, not a sentence that
    mentions it in passing): its name, or a form of it that names no other body. Words that are only the
    start of a longer body's name printed there ("Elm Township" of "Elm Township Planning Commission", the
    body the paper's own reading found, `own`) name that body, not this one."""
    others = [form for other in style.bodies if other.name != name for form in (other.name, *other.forms)]
    longer = [own, *others] if names_another_body(own, name) else others
    if _heading_naming(name, opening, longer):
        return True
    body = next((b for b in style.bodies if b.name == name), None)
    if body is None or body.source == PINNED:
        return True  # not a lesson's doing (the site's own committees are read alike either way), or pinned
    generic = {folded(council)} | {
        folded(form) for other in style.bodies if other.name != name for form in (other.name, *other.forms)
    }
    return any(folded(form) not in generic and _heading_naming(form, opening, longer) for form in body.forms)


def names_another_body(longer: str, name: str) -> bool:
    """Whether a longer name read around `name` names another body: its words beyond `name` hold a body's word
    ("Elm Township Planning Commission"), not only what a meeting or a paper is ("Elm Township Annual
    Meeting", "… Parish Council Minutes"), which the paper's own reading may have run on to the name."""
    rest = f" {folded(longer)} ".replace(f" {folded(name)} ", " ", 1)
    return rest.strip() != folded(longer) and bool(BODY_WORD.search(rest))


def _heading_naming(form: str, opening: Sequence[str], longer: Sequence[str] = ()) -> str:
    """The first line of the opening that prints `form` with few other words (as a heading names a body), and
    not as the start of one of the `longer` names (read on into the next line, where a name may run on)."""
    needle = folded(form)
    if not needle:
        return ""
    most = len(needle.split()) + HEADING_EXTRA_WORDS
    wider = [f" {w} " for w in dict.fromkeys(folded(n) for n in longer) if w != needle and f" {needle} " in f" {w} "]
    for n, line in enumerate(opening):
        words = folded(line)
        if f" {needle} " not in f" {words} " or len(words.split()) > most:
            continue
        run_on = f" {words} {folded(opening[n + 1]) if n + 1 < len(opening) else ''} "
        if not any(w in run_on for w in wider):
            return line
    return ""


def _printed_form(body: Body, opening: Sequence[str]) -> str:
    return next((form for form in body.forms if _heading_naming(form, opening)), "")


def _shape_said(shape: ItemShape | None) -> str:
    if shape is None:
        return "its items otherwise"
    if shape.paragraphs and shape.run_in:
        return "each paragraph of business as an item, titled by the words before its dash or colon"
    if shape.paragraphs:
        return "each paragraph of business as an item"
    if shape.lines:
        return "each line as an item"
    if shape.number:
        return f"items numbered like {shape.example or shape.number!r}"
    return "its items by the titles its meetings reuse"


def _evidence(entry: Body | ItemShape | None) -> str:
    if entry is None:
        return ""
    if entry.taught_by:
        return f" (taught by the correction of {', '.join(entry.taught_by)})"
    if entry.papers:
        return f" (learned from {entry.papers} papers)"
    return ""


def _changed(fact: str, kept: str, lesson: str) -> confidence.Judged:
    return confidence.lesson_withheld(
        fact,
        kept,
        f"read with the house style the {fact.replace('_', ' ')} would be {lesson!r}; the paper's own reading "
        f"{kept!r} is kept; correct it if the house style is right",
    )


def _review(
    plain: Sequence[ReviewEntry], styled: Sequence[ReviewEntry], from_plain: set[str]
) -> tuple[ReviewEntry, ...]:
    """Each fact's doubts from the reading its value came from."""
    return tuple(e for e in styled if e.fact not in from_plain) + tuple(e for e in plain if e.fact in from_plain)


def _with_review(
    document: ConvertedDocument, doubts: Sequence[confidence.Judged], review: Sequence[ReviewEntry]
) -> ConvertedDocument:
    order = {fact: n for n, fact in enumerate(REVIEW_FACTS)}
    entries = sorted(
        (*(review or document.record.review), *(d.entry() for d in doubts)),
        key=lambda e: (order.get(e.fact, len(order)), e.lines),
    )
    return replace(document, record=replace(document.record, review=tuple(entries)))
