"""Convert one paper's text into documents: the recipe of the convert stage.

    clean the lines -> split the pack -> read the agenda -> tie documents to agenda items
    -> read each document -> cross-check -> name the files

`convert_paper_text` is pure (text in, documents out); `files.py` does the writing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from minutes.core.config import CommitteeSettings
from minutes.core.errors import excerpt
from minutes.core.paths import SEGMENT_LIMIT, segment
from minutes.core.slug import slugify
from minutes.papers import attendance, confidence, dates, housestyle, style_trial
from minutes.papers import split as kinds
from minutes.papers.body import render
from minutes.papers.broadcasts import find_broadcasts
from minutes.papers.citations import NEXT_MEETING_TITLE, approves_minutes, find_citations, next_meeting_date
from minutes.papers.clean import Line, clean_lines, furniture_warning
from minutes.papers.dates import find_dates, parse_date, parse_time
from minutes.papers.extract import Found, item_key, read_meeting, read_report
from minutes.papers.header import (
    BODY_WORD,
    ELECTORS_MEETING,
    FRONT_MATTER_DATE,
    MeetingFacts,
    council_named_in,
    is_generic_body,
    names_the_council,
)
from minutes.papers.housestyle import HouseStyle
from minutes.papers.meeting_end import end_time
from minutes.papers.names import (
    CommitteeName,
    CommitteeNames,
    plain,
    short_slug,
    significant_words,
    title_contains,
    title_similarity,
)
from minutes.papers.proceedings import councillors_in
from minutes.papers.readers import PaperText, read_paper
from minutes.papers.sections import report_headings
from minutes.papers.shapes import Shape
from minutes.papers.shapes import shapes as line_shapes
from minutes.papers.sidecar import PaperOverrides
from minutes.papers.split import Span, is_title_line, split_pack
from minutes.papers.year_of_date import complete_year
from minutes.records.record import Attendance, Citation, DocumentRecord, Item, NextMeeting, Source

UNSORTED = CommitteeName("Unsorted papers", "unsorted")
_TITLE_MATCH = 0.6


@dataclass(frozen=True, slots=True)
class ConvertedDocument:
    """One document of a paper: its front-matter, Markdown body and path under the meetings folder."""

    record: DocumentRecord
    body: str
    relpath: PurePosixPath


@dataclass(frozen=True, slots=True)
class Conversion:
    """A paper's documents plus how each of its lines was used (for `explain`)."""

    documents: tuple[ConvertedDocument, ...]
    lines: tuple[Line, ...]
    roles: Mapping[int, str]
    """Index into `lines` -> how that line was read."""
    evidence: tuple[tuple[str, ...], ...] = ()
    """Per document, why it was read as it was: where it starts, its kind, the facts chosen."""
    openings: tuple[MeetingFacts, ...] = ()
    """Per document, what its opening proposed for each fact (the weights are fitted on these)."""
    readings: tuple[Found, ...] = ()
    """Per document, what its reading found: the item candidates, the decisions and the attendance with the
    rules that read them (the chain's and the rules' weights are fitted on these)."""
    untaught: tuple[ConvertedDocument, ...] = ()
    """The documents as the paper reads without the house style's lessons, when it was read with them: what
    the paper shows of itself, for learning the style (`learn.observe`)."""
    asked: frozenset[tuple[str, str]] = frozenset()
    """What the reading asked of the house style (`housestyle.noting_questions`): another style that answers
    each of these as this one did reads the paper the same."""


@dataclass(slots=True)
class _Doc:
    span: Span
    found: Found = field(default_factory=Found)
    kind: str = ""
    """agenda | minutes | report | document, once read."""
    item: str = ""
    committee: CommitteeName = UNSORTED
    date: dt.date | None = None
    time: str = ""
    venue: str = ""
    other_body: bool = False
    """Minutes of another body, submitted for information."""
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    sources: dict[str, str] = field(default_factory=dict)
    """Fact -> where its value came from when no vote of this document's text chose it: sidecar, council,
    text, cover, unsorted, front-matter, or main (the paper's own meeting, for a document that prints none)."""
    printed_date: dt.date | None = None
    """The date the minutes print, when they were filed under another (an impossible date for their pack)."""
    judged: list[confidence.Judged] = field(default_factory=list)
    """Doubts found while tying the paper together (a citation that disagrees with its paper)."""


def convert_paper_text(
    text: str,
    paper_path: str,
    overrides: PaperOverrides | None = None,
    committees: Mapping[str, CommitteeSettings] | None = None,
    *,
    sha256: str = "",
    council: str = "",
    style: HouseStyle = housestyle.EMPTY,
) -> list[ConvertedDocument]:
    """The documents in a paper's text; pure, so tests call it directly."""
    data = text.encode("utf-8")
    paper = read_paper(data, paper_path)
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    conversion = convert_with_roles(
        paper, paper_path, overrides, committees, sha256=sha256, council=council, style=style
    )
    return list(conversion.documents)


def convert_paper(
    paper: PaperText,
    paper_path: str,
    overrides: PaperOverrides | None = None,
    committees: Mapping[str, CommitteeSettings] | None = None,
    *,
    sha256: str = "",
    council: str = "",
    style: HouseStyle = housestyle.EMPTY,
) -> list[ConvertedDocument]:
    """The documents in a paper as its reader returned it; pure."""
    return list(
        convert_with_roles(
            paper, paper_path, overrides, committees, sha256=sha256, council=council, style=style
        ).documents
    )


def convert_with_roles(
    paper: PaperText,
    paper_path: str,
    overrides: PaperOverrides | None = None,
    committees: Mapping[str, CommitteeSettings] | None = None,
    *,
    sha256: str = "",
    council: str = "",
    default_committee: str = "",
    style: HouseStyle = housestyle.EMPTY,
    readings: list[tuple[HouseStyle, Conversion]] | None = None,
) -> Conversion:
    """A paper's documents, read with the site's house style as evidence; a paper that names no body is
    filed under `default_committee`, else the council. Each lesson of the style is tried on the paper and
    kept only where the paper bears it out (`style_trial`).

    `readings`: this paper's readings already made with the same arguments, each with the style it was
    read with; one with the style asked for is taken instead of reading the paper again, and each new
    reading is added. A conversion is pure, so what it takes is what it would have read (a second reading
    of an archive with a new house style reads each paper without the lessons again: the first reading)."""

    cleaned: list[tuple[tuple[Line, ...], tuple[Shape, ...]]] = []
    made_here: list[tuple[HouseStyle, Conversion]] = []

    def read(with_style: HouseStyle) -> Conversion:
        made = next((c for s, c in readings or () if s == with_style), None)
        if made is not None:
            return made
        # A conversion is a pure function of the paper and of what it asks of the style: a reading whose every
        # question this style answers as its own did is what this style reads (a style that adds nothing the
        # paper prints or uses, as a council's learned bodies for another council's paper).
        earlier: list[tuple[HouseStyle, Conversion]] = [*(readings or ()), *made_here]
        for style_read, conversion in earlier:
            if conversion.asked and _same_answers(style_read, with_style, conversion.asked, committees, council):
                return conversion
        if not cleaned:
            # The cleaned lines and their shapes are the paper's own, whatever the style: made once.
            lines = next((c.lines for _, c in readings or ()), None) or tuple(clean_lines(paper))
            cleaned.append((lines, tuple(line_shapes(lines))))
        with housestyle.reading_with(with_style), housestyle.noting_questions() as asked:
            made = _convert(
                paper,
                paper_path,
                overrides,
                _with_bodies(committees, with_style),
                sha256=sha256,
                council=council,
                default_committee=default_committee,
                cleaned=cleaned[0],
            )
        made = replace(made, asked=frozenset(asked))
        made_here.append((with_style, made))
        if readings is not None:
            readings.append((with_style, made))
        return made

    # Numeric dates are read as this paper prints them ("7/12/2023" month first in a paper that writes "July 12").
    with dates.reading_numeric_of(paper.text):
        return style_trial.read_trying(read, style, council)


def _same_answers(
    one: HouseStyle,
    other: HouseStyle,
    asked: frozenset[tuple[str, str]],
    committees: Mapping[str, CommitteeSettings] | None,
    council: str,
) -> bool:
    """Whether two styles answer each of a reading's questions alike (the committee a printed name resolves to
    among the site's committees and the style's bodies, asked of `_NotedNames`, included)."""
    if one == other:
        return True
    questions = sorted(asked)

    def names_of(style: HouseStyle) -> Callable[[str, str], object]:
        names = CommitteeNames(_with_bodies(committees, style), council)

        def answer(question: str, about: str) -> object:
            if question != _RESOLVED:
                raise ValueError(f"no answer to a question of {question!r}")
            return names.resolve(about)

        return answer

    return housestyle.answers(one, questions, names_of(one)) == housestyle.answers(other, questions, names_of(other))


_RESOLVED = "committee"
"""The question a conversion asks of the style when it resolves a printed body's name (`_NotedNames`)."""


class _NotedNames(CommitteeNames):
    """The site's committees and the style's bodies, each printed name resolved noted as a question asked of
    the style (the bodies it adds may resolve it otherwise)."""

    def resolve(self, printed: str) -> CommitteeName:
        housestyle.note(_RESOLVED, printed)
        return super().resolve(printed)


def _with_bodies(
    committees: Mapping[str, CommitteeSettings] | None, style: HouseStyle
) -> Mapping[str, CommitteeSettings] | None:
    """The site's committees, and the house style's bodies with the forms papers print them in.

    A body the site names keeps its settings; the style adds the forms it learned as aliases."""
    if not style.bodies:
        return committees
    out = dict(committees or {})
    for body in style.bodies:
        slug = segment(slugify(body.name))
        entry = out.get(slug)
        if entry is None:
            out[slug] = CommitteeSettings(name=body.name, aliases=body.forms)
        else:
            out[slug] = replace(entry, aliases=tuple(dict.fromkeys((*entry.aliases, *body.forms))))
    return out


def _convert(
    paper: PaperText,
    paper_path: str,
    overrides: PaperOverrides | None,
    committees: Mapping[str, CommitteeSettings] | None,
    *,
    sha256: str,
    council: str,
    default_committee: str = "",
    cleaned: tuple[Sequence[Line], Sequence[Shape]] | None = None,
) -> Conversion:
    names = _NotedNames(committees, council)
    if cleaned is None:
        lines = clean_lines(paper)
        shapes_ = line_shapes(lines)
    else:
        lines, shapes_ = list(cleaned[0]), list(cleaned[1])
    spans = split_pack(lines, shapes_)
    docs = [_Doc(span) for span in spans]
    for n, doc in enumerate(docs):
        _read(doc, lines, shapes_, paper.meta if n == 0 else {})
    front = docs[0]
    main = _main_meeting(front, lines, names, overrides, docs, council, default_committee)
    agenda_items = front.found.items if front.kind == "agenda" else []
    if agenda_items:
        docs = _tie_to_items(docs, lines, agenda_items, names, main)
        for doc in docs[1:]:
            # Splitting by title may have cut a document short: read it again over its final lines.
            _read(doc, lines, shapes_, {})
            if doc.span.reason.startswith("heading names"):
                doc.found.title = plain(lines[doc.span.start].text)
    for doc in docs:
        _settle_meeting(doc, main, names, lines, council)
    _file_by_pack(docs, main, lines)
    _cross_check(docs, agenda_items, names, main, lines)
    if front.kind == "agenda":
        front.found.items = _with_paper_pages(front.found.items, docs, lines)
    if paper.ocr:
        for doc in docs:
            doc.warnings.append(
                "the text was read by OCR from a scanned page: check names, numbers and dates against the paper"
            )
    too_much_furniture = furniture_warning(lines)
    if too_much_furniture:
        docs[0].warnings.append(too_much_furniture)
    return _assemble(docs, lines, paper_path, sha256, names, ocr=paper.ocr)


# --- the paper's own meeting --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Main:
    committee: CommitteeName
    facts: MeetingFacts
    printed_committee: bool
    sources: Mapping[str, str] = field(default_factory=dict)
    """Fact -> where it came from when not from the votes of the front sheet's text (see `_Doc.sources`)."""


def _main_meeting(
    front: _Doc,
    lines: Sequence[Line],
    names: CommitteeNames,
    overrides: PaperOverrides | None,
    docs: Sequence[_Doc],
    council: str,
    default_committee: str = "",
) -> _Main:
    facts = front.found.meeting
    printed = bool(facts.committee)
    sources: dict[str, str] = {}
    facts = _unprinted_committee(front, lines, docs, council, facts, sources)
    if not any(fact == "date" and p.rule != FRONT_MATTER_DATE for fact, p in facts.proposals) and facts.date:
        sources.setdefault("date", "front-matter")
    if overrides:
        for fact in ("committee", "date", "time", "venue"):
            if getattr(overrides, fact):
                sources[fact] = "sidecar"
        facts = replace(
            facts,
            committee=overrides.committee or facts.committee,
            date=overrides.date or facts.date,
            time=overrides.time or facts.time,
            venue=overrides.venue or facts.venue,
        )
    committee = _committee(facts.committee, names, council, lines, front) if facts.committee else UNSORTED
    if committee is UNSORTED:
        committee = _fallback_committee(front, lines, names, council, default_committee, sources)
    if not committee.name.strip() or not committee.slug.strip("-"):
        committee = UNSORTED  # a record is never written without a body a build accepts
    if committee is UNSORTED:
        sources["committee"] = "unsorted"
    return _Main(committee, facts, printed, sources)


def _unprinted_committee(
    front: _Doc, lines: Sequence[Line], docs: Sequence[_Doc], council: str, facts: MeetingFacts, sources: dict[str, str]
) -> MeetingFacts:
    """The meeting's facts when its opening prints no committee: one named in the text of a web page (or
    of any paper on a site of no one council), else a report's cover sheet in the same paper."""
    if facts.committee:
        return facts
    if front.kind in ("agenda", "minutes") and (front.span.kind == kinds.WEB_MINUTES or not council):
        guessed = _body_named(front.found, lines)
        if guessed:
            sources["committee"] = "text"
            front.warnings.append(
                f"the paper prints no committee name; took {guessed!r} from its text "
                "(set `committee:` in the paper's sidecar if that is wrong)"
            )
            return replace(facts, committee=guessed)
    if front.kind not in ("agenda", "minutes"):
        # No front sheet: a report's cover sheet may still name the meeting.
        for doc in docs:
            if doc.kind == "report" and doc.found.meeting.committee:
                sources["committee"] = sources["date"] = "cover"
                return doc.found.meeting
    return facts


def _fallback_committee(
    front: _Doc,
    lines: Sequence[Line],
    names: CommitteeNames,
    council: str,
    default_committee: str,
    sources: dict[str, str],
) -> CommitteeName:
    """The body of a meeting that names none: the one whose previous minutes it approves, the site's
    default committee, or the council itself on a council's own site; else UNSORTED."""
    meeting = front.kind in ("agenda", "minutes")
    if council and meeting and _body_of_previous_minutes(front.found):
        sources["committee"] = "text"
        committee = _committee(_body_of_previous_minutes(front.found), names, council, lines, front)
        if committee is not UNSORTED:
            return committee
    if default_committee:
        # The site says which body a paper that names none belongs to.
        sources["committee"] = "default"
        front.warnings.append(
            f"the paper names no committee; filed under {default_committee!r}, the site's default_committee "
            "(set `committee:` in the paper's sidecar if it is another body)"
        )
        return names.resolve(default_committee)
    if council and meeting:
        # A council's own site: a meeting that names no other body is the council's.
        sources["committee"] = "council"
        front.warnings.append(
            f"the paper names no committee; filed under {excerpt(council)}, the site's council "
            "(set `committee:` in the paper's sidecar if it is another body)"
        )
        return names.resolve(council)
    return UNSORTED


def _committee(printed: str, names: CommitteeNames, council: str, lines: Sequence[Line], doc: _Doc) -> CommitteeName:
    """The body a printed name stands for: the council itself when the name is generic
    ("Parish Council", "Council", "the Board"), else the body as printed."""
    if is_generic_body(printed) or names_the_council(printed, council):
        named = council or council_named_in(
            "\n".join(plain(lines[i].text) for i in range(doc.span.start, min(doc.span.end, doc.span.start + 60)))
        )
        if named:
            return names.resolve(named)
    own = _printed_without_council(printed, council, lines, doc)
    return names.resolve(own or printed)


def _printed_without_council(printed: str, council: str, lines: Sequence[Line], doc: _Doc) -> str:
    """The body's name as its heading prints it where a sentence put the council's name before it: "the meeting
    of the Lincoln Township Planning Commission" under a heading "Planning Commission" is the Planning
    Commission of the site's council; "" where no line of the opening prints the shorter name alone."""
    if not council:
        return ""
    key, own = housestyle.folded(printed), housestyle.folded(council)
    if not key.startswith(own + " "):
        return ""
    rest = key[len(own) + 1 :]
    if not BODY_WORD.search(rest):
        return ""
    for line in lines[doc.span.start : min(doc.span.end, doc.span.start + 30)]:
        text = plain(line.text).strip().strip("*#: ")
        if housestyle.folded(text) == rest:
            return text
    return ""


_PREVIOUS_MINUTES_BODY = re.compile(
    r"\b(?i:minutes\s+of\s+the)\s+(?:(?:previous|last)\s+meeting\s+of\s+the\s+)?(?P<body>[A-Z][\w&' -]{2,60}?)\s+(?:meeting\s+)?held\s+on\b"
)


def _body_of_previous_minutes(found: Found) -> str:
    """ "The Minutes of the Cabinet meeting held on 30 March 2021 were approved": the body is the Cabinet."""
    for item in found.items:
        if not re.search(r"\bminutes\b", item.title, re.IGNORECASE):
            continue
        match = _PREVIOUS_MINUTES_BODY.search(found.item_details.get(item_key(item), ""))
        if match:
            return match.group("body").strip()
    return ""


_BODY_NAME = re.compile(
    r"\b((?:[A-Z][a-z'’]+\s+){1,5}(?:Select\s+Commission|Select\s+Panel|Board|Committee|Partnership|Cabinet|Commission|Panel|Forum))\b"
)


def _body_named(found: Found, lines: Sequence[Line]) -> str:
    """For a page that prints no committee: the body its "minutes of the previous meeting"
    names (counted twice), or the body its text names most."""
    counts = Counter(m.group(1) for line in lines for m in _BODY_NAME.finditer(plain(line.text)))
    previous = _body_of_previous_minutes(found)
    if previous:
        counts[previous] += 2
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


MEETING_SPANS = (kinds.MEETING, kinds.MINUTES, kinds.AGENDA, kinds.WEB_MINUTES)


def _read(doc: _Doc, lines: Sequence[Line], shapes_: Sequence[Shape], meta: Mapping[str, object]) -> None:
    span = doc.span
    if span.kind in MEETING_SPANS:
        doc.found = read_meeting(
            lines, span.start, span.end, meta=meta, shapes_=shapes_, web_page=span.kind == kinds.WEB_MINUTES
        )
        doc.kind = doc.found.kind
        if doc.kind == "document":
            doc.found = Found(title=_first_words(lines, span))
    elif span.kind == kinds.REPORT:
        doc.found = read_report(lines, span.start, span.end)
        doc.found.replacements.update(report_headings(lines, span.start, span.end, doc.found.replacements))
        doc.kind = "report"
    else:
        doc.found = Found(title=_first_words(lines, span))
        doc.kind = "document"


def _first_words(lines: Sequence[Line], span: Span) -> str:
    for line in lines[span.start : span.end]:
        text = plain(line.text.replace("\t", " "))
        if re.search(r"[A-Za-z]{2}", text):
            words = text.split()
            return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return "Untitled document"


# --- tying documents to agenda items ---------------------------------------------


@dataclass
class _Claims:
    """Agenda items claimed so far by a document of the pack: item number -> the document's first line."""

    claimed: dict[str, int] = field(default_factory=dict)

    def claim(self, doc: _Doc, number: str) -> None:
        doc.item = number
        self.claimed[number] = doc.span.start

    def free(self, item: Item) -> bool:
        return item.number not in self.claimed


def _tie_to_items(
    docs: list[_Doc], lines: Sequence[Line], items: list[Item], names: CommitteeNames, main: _Main
) -> list[_Doc]:
    """Give each document after the agenda the agenda item it belongs to.

    In order of trust: the pack page numbers it sits on; a title that matches an item's;
    a heading naming an item that nothing else has claimed (which also splits it off the
    document before); and last, the order of the pack, which follows the agenda.
    """
    ignore = frozenset(significant_words(main.committee.name))
    claims = _Claims()
    paged = [item for item in items if item.pages]
    for doc in docs[1:]:
        if doc.kind == "minutes":
            target = _minutes_item(doc, items, names, main, claims)
        elif doc.kind == "report":
            target = _report_item(doc, lines, paged, ignore, claims)
        else:
            continue
        if target:
            claims.claim(doc, target.number)
    docs = _claim_by_headings(docs, lines, items, paged, ignore, claims)
    _claim_in_order(docs, items, paged, claims)
    return docs


def _minutes_item(doc: _Doc, items: list[Item], names: CommitteeNames, main: _Main, claims: _Claims) -> Item | None:
    """The item minutes in the pack belong to: the body's own previous minutes to the item approving
    them, another body's minutes to the item naming that body."""
    committee = doc.found.meeting.committee
    if committee and names.same_body(committee, main.facts.committee or main.committee.name):
        minutes = [i for i in items if claims.free(i) and re.search(r"\bminutes\b", i.title, re.I)]
        return next((i for i in minutes if re.search(r"previous|last", i.title, re.I)), None) or next(
            iter(minutes), None
        )
    return next((i for i in items if claims.free(i) and committee and title_contains(committee, i.title)), None)


def _report_item(
    doc: _Doc, lines: Sequence[Line], paged: list[Item], ignore: frozenset[str], claims: _Claims
) -> Item | None:
    """The item a report belongs to: the one whose pack pages it sits on, else the one whose title is like its own."""
    pages = {line.page for line in lines[doc.span.start : doc.span.end] if line.page}
    target = next((i for i in paged if claims.free(i) and pages & set(_page_range(i.pages))), None)
    if target is not None:
        return target
    scored = sorted(
        ((_similarity(doc.found.title, i.title, ignore), n, i) for n, i in enumerate(paged) if claims.free(i)),
        key=lambda t: (-t[0], t[1]),
    )
    return scored[0][2] if scored and scored[0][0] >= _TITLE_MATCH else None


def _claim_by_headings(
    docs: list[_Doc],
    lines: Sequence[Line],
    items: list[Item],
    paged: list[Item],
    ignore: frozenset[str],
    claims: _Claims,
) -> list[_Doc]:
    """Each item still unclaimed takes a report waiting between the documents of the items around it,
    or the line there whose heading names it (split off the document before)."""
    position = {item.number: n for n, item in enumerate(items)}
    agenda_end = docs[0].span.end
    for item in paged:
        if not claims.free(item):
            continue
        earlier = [
            claims.claimed[i.number] for i in items if not claims.free(i) and position[i.number] < position[item.number]
        ]
        later = [
            claims.claimed[i.number] for i in items if not claims.free(i) and position[i.number] > position[item.number]
        ]
        low = max(earlier) + 1 if earlier else agenda_end
        high = min(later) if later else len(lines)
        waiting = next((d for d in docs if d.kind == "report" and not d.item and low <= d.span.start < high), None)
        if waiting:
            claims.claim(waiting, item.number)
            continue
        at = _find_title(lines, docs, low, high, item, ignore)
        if at is None:
            continue
        # "MINUTES OF THE MEETING OF THE PLANNING COMMITTEE …" under "5. Planning Committee": minutes, not a report
        minutes = bool(re.match(r"(?i)(?<!\W)\W*+(?:draft\s+|unconfirmed\s+)?minutes\s+of\b", plain(lines[at].text)))
        kind = kinds.MINUTES if minutes else kinds.REPORT
        headed = next(
            (d for d in docs if d.span.start < at < d.span.end and _preamble_to(lines, d.span.start, at)), None
        )
        if headed is not None:
            # a letterhead over the heading: the document it heads is the item's, its start kept
            headed.span = replace(headed.span, kind=kind, reason=f"heading names agenda item {item.number}")
            claims.claim(headed, item.number)
            continue
        docs = _split_at(docs, at, f"heading names agenda item {item.number}", kind)
        claims.claim(next(d for d in docs if d.span.start == at), item.number)
    return docs


def _preamble_to(lines: Sequence[Line], start: int, at: int) -> bool:
    """Whether lines[start:at] only head what starts at `at`: a few short lines (a letterhead, an address)."""
    content = [i for i in range(start, at) if lines[i].is_content and not lines[i].artefact]
    return len(content) <= 4 and all(len(lines[i].text.split()) <= 16 for i in content)


def _claim_in_order(docs: list[_Doc], items: list[Item], paged: list[Item], claims: _Claims) -> None:
    """Reports still unclaimed take the next unclaimed item in the agenda's order."""
    position = {item.number: n for n, item in enumerate(items)}
    last_position = -1
    for doc in docs[1:]:
        if doc.item:
            last_position = max(last_position, position[doc.item])
            continue
        if doc.kind != "report":
            continue
        nxt = next((i for i in paged if claims.free(i) and position[i.number] > last_position), None)
        if nxt:
            claims.claim(doc, nxt.number)
            last_position = position[nxt.number]


def _page_range(pages: str) -> range:
    first, _, last = pages.partition("-")
    try:
        return range(int(first), int(last or first) + 1)
    except ValueError:
        return range(0)


def _find_title(
    lines: Sequence[Line], docs: list[_Doc], low: int, high: int, item: Item, ignore: frozenset[str]
) -> int | None:
    starts = {d.span.start for d in docs}
    for i in range(low, min(high, len(lines))):
        if i in starts or not is_title_line(lines, i):
            continue
        text = plain(lines[i].text)
        if _similarity(text, item.title, ignore) >= _TITLE_MATCH or (
            title_contains(text, item.title, ignore) and len(text.split()) <= 16
        ):
            return i
    return None


def _similarity(a: str, b: str, ignore: frozenset[str]) -> float:
    """How alike two titles are, with and without the committee's own name (which items often repeat);
    0 unless they share at least two significant words."""
    best = 0.0
    for skip in (frozenset(), ignore):
        if len(significant_words(a, skip) & significant_words(b, skip)) >= 2:
            best = max(best, title_similarity(a, b, skip))
    return best


def _split_at(docs: list[_Doc], at: int, reason: str, kind: str = kinds.REPORT) -> list[_Doc]:
    out = []
    for doc in docs:
        out.append(doc)
        if doc.span.start < at < doc.span.end:
            end = doc.span.end
            doc.span = replace(doc.span, end=at)
            out.append(_Doc(Span(kind, at, end, reason)))
    return out


# --- each document's meeting ---------------------------------------------------------


def _settle_meeting(doc: _Doc, main: _Main, names: CommitteeNames, lines: Sequence[Line], council: str) -> None:
    facts = doc.found.meeting
    front = doc.span.start == 0
    if doc.kind in ("minutes", "agenda") and not front:
        printed = facts.committee
        if (
            printed
            and not names.same_body(printed, main.facts.committee or main.committee.name)
            and not (
                is_generic_body(printed)
                and main.committee is not UNSORTED
                # "… PARISH COUNCIL" after the electors' meeting on one page is the council, not that meeting
                and not ELECTORS_MEETING.search(main.committee.name)
            )
        ):
            doc.committee = _committee(printed, names, council, lines, doc)
            doc.other_body = doc.committee.slug != main.committee.slug
        else:
            doc.committee = main.committee
            if not printed:
                doc.sources["committee"] = "main"
        doc.date, doc.time, doc.venue = facts.date, facts.time, facts.venue
        _date_read_with_a_year_not_printed(doc, facts)
        if doc.date is None and not _year_completed(doc, facts, lines):
            doc.warnings.append(_no_date(facts, "the minutes' heading"))
        return
    doc.committee = main.committee
    doc.date, doc.time, doc.venue = main.facts.date, main.facts.time, main.facts.venue
    _date_read_with_a_year_not_printed(doc, main.facts)
    doc.sources.update(main.sources)
    if not front:
        for fact in ("committee", "date", "time", "venue"):
            doc.sources.setdefault(fact, "main")
    if doc.kind in ("agenda", "minutes") and doc.date is None and not _year_completed(doc, main.facts, lines):
        doc.warnings.append(_no_date(main.facts, "the paper"))
    elif (
        doc.kind in ("agenda", "minutes")
        and doc.date is not None
        and any(
            fact == "date" and p.value == doc.date and p.rule == FRONT_MATTER_DATE for fact, p in main.facts.proposals
        )
        and not any(fact == "date" and p.rule != FRONT_MATTER_DATE for fact, p in main.facts.proposals)
    ):
        doc.warnings.append(
            f"the text prints no meeting date; took {doc.date.isoformat()} from the paper's front-matter: check it"
        )
    if doc.committee is UNSORTED:
        doc.warnings.append("no committee found; add `committee:` to the paper's sidecar")


def _date_read_with_a_year_not_printed(doc: _Doc, facts: MeetingFacts) -> None:
    """A warning for a date whose year the paper did not print as it stands: completed from its weekday
    ("Monday 30 June"), or put right by it ("Wednesday 10th February 2020", a Monday that year)."""
    backing = [p for fact, p in facts.proposals if fact == "date" and p.value == doc.date]
    if (
        doc.date is None
        or not backing
        or any(not {"date.year-completed", "date.weekday-fixed"} & set(p.features) for p in backing)
    ):
        return
    printed = backing[0].detail
    if "date.weekday-fixed" in backing[0].features:
        doc.warnings.append(
            f"the paper prints the date as {printed!r}, a day that fell on another weekday that year; "
            f"took {doc.date.year}, when it fell on the weekday printed: check it"
        )
    else:
        doc.warnings.append(
            f"the paper prints the date as {printed!r}, without a year; took {doc.date.year}, when that day fell on "
            "the weekday printed: check it"
        )


def _year_completed(doc: _Doc, facts: MeetingFacts, lines: Sequence[Line]) -> bool:
    """A date printed without its year completed from the rest of the paper (see `year_of_date`)."""
    completed = complete_year(facts.undated, lines) if facts.undated else None
    if completed is None:
        return False
    doc.date = completed.date
    doc.warnings.append(
        f"the paper prints the date as {facts.undated!r}, without a year; took {completed.date.year} from "
        f"{completed.how}: check it"
    )
    return True


def _no_date(facts: MeetingFacts, where: str) -> str:
    if facts.undated:
        return (
            f"{where} prints the date as {facts.undated!r}, without a year; the date is left empty: "
            "add `date: YYYY-MM-DD` to the paper's sidecar"
        )
    return f"{where} prints no meeting date; the date is left empty: add `date: YYYY-MM-DD` to the paper's sidecar"


def _file_by_pack(docs: list[_Doc], main: _Main, lines: Sequence[Line]) -> None:
    """Minutes in an agenda's pack record a meeting held before it: a later date is a misprint ("26 November
    2014" in a pack of January 2014). They are filed under the pack's date, and the record says so."""
    pack = main.facts.date
    if pack is None or docs[0].kind != "agenda" or _adrift(docs[0], lines, pack):
        return  # the pack's own date is the doubtful one
    for doc in docs[1:]:
        if doc.kind != "minutes" or doc.date is None or doc.date <= pack:
            continue
        # Said once, by the record's review entry on its date (confidence.impossible_date), not by a warning too.
        doc.printed_date, doc.date = doc.date, pack


# --- citations and cross-checks --------------------------------------------------------


def _cross_check(
    docs: list[_Doc], items: list[Item], names: CommitteeNames, main: _Main, lines: Sequence[Line]
) -> None:
    for each in docs:
        _collect_citations(each, names, lines)
    if not items:
        return
    agenda = docs[0]
    by_item = {d.item: d for d in docs[1:] if d.item}
    for item in items:
        doc = by_item.get(item.number)
        detail = agenda.found.item_details.get(item_key(item), "")
        if doc is None or doc.kind != "minutes":
            continue
        stated = parse_date(item.title) or parse_date(detail)
        own = not doc.other_body
        printed = doc.printed_date or doc.date
        if stated and printed and stated != printed:
            message = (
                f"agenda item {item.number} names the minutes of {stated.isoformat()}, but the minutes in the pack "
                f"are dated {printed.isoformat()}"
            )
            agenda.warnings.append(message)
            doc.warnings.append(message)
            agenda.judged.append(
                confidence.citation_disagrees(
                    item.number, stated, printed, _paper_lines(lines, agenda.found.item_lines.get(item_key(item)))
                )
            )
        if own:
            if not any(c.relation == "approves" and c.date == (stated or doc.date) for c in agenda.citations):
                agenda.citations.append(Citation(text=item.title, date=stated or doc.date, relation="approves"))
        else:
            text = re.search(r"minutes of (?:the )?meeting held on .*?\d{4}", detail, re.I)
            if text:
                agenda.citations[:] = [c for c in agenda.citations if c.text != text.group(0)]
            agenda.citations.append(
                Citation(
                    text=text.group(0) if text else item.title, committee=doc.committee.name, date=stated or doc.date
                )
            )


def _collect_citations(doc: _Doc, names: CommitteeNames, lines: Sequence[Line]) -> None:
    own = doc.committee.name
    found = doc.found
    titles = {item_key(item): item.title for item in found.items}
    for key, detail in found.item_details.items():
        title = titles.get(key, "")
        approving = approves_minutes(title, detail)
        for citation in find_citations(title + ". " + detail, own, names, approving=approving):
            if not any(_same_reference(citation, c) for c in doc.citations):
                doc.citations.append(citation)
                if citation.date and doc.date and citation.date > doc.date and doc.kind == "minutes":
                    doc.judged.append(
                        confidence.citation_after(
                            key, citation.date, doc.date, citation.text, _paper_lines(lines, found.item_lines.get(key))
                        )
                    )
        if NEXT_MEETING_TITLE.search(title):
            when = next_meeting_date(title + "\n" + detail, doc.date)
            if when:
                sentence = _sentence_with_date(title + "\n" + detail, doc.date)
                doc.next_meeting = NextMeeting(
                    date=when, time=parse_time(sentence), venue=_venue_in(sentence), text=sentence
                )
                doc.citations.append(Citation(text=sentence, date=when, relation="next"))
    stated = found.next_meeting
    if doc.next_meeting is None and stated is not None and stated.date:
        doc.next_meeting = NextMeeting(date=stated.date, time=stated.time, venue=stated.venue, text=stated.text)
        doc.citations.append(Citation(text=stated.text, date=stated.date, relation="next"))


def _same_reference(a: Citation, b: Citation) -> bool:
    return (
        (a.committee, a.date, a.minute, a.relation) == (b.committee, b.date, b.minute, b.relation)
        and (a.date is not None or bool(a.minute))
    ) or a.text == b.text


def _sentence_with_date(text: str, after: dt.date | None) -> str:
    """The words from the first date to the end of its sentence: "Monday 27th January, 2014, to start at 12.00 noon …"."""
    found = find_dates(text, after.year if after else None)
    if not found:
        return re.sub(r"\s+", " ", text).strip()
    rest = text[found[0].start :].split("\n", 1)[0]
    end = re.search(r"\.(?=\s+[A-Z])", rest)
    sentence = rest[: end.start() + 1] if end else rest
    return re.sub(r"\s+", " ", sentence).strip()


def _venue_in(text: str) -> str:
    match = re.search(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w']+\s*)+(?:Town Hall|House|Room|Centre)?)[.,]?\s*$", text)
    if match:
        return match.group(1).strip()
    match = re.search(r"\bas an?\s+(.+?)[.]?\s*$", text)
    return match.group(1).strip() if match else ""


# --- records, bodies and file names ---------------------------------------------------------


def _assemble(
    docs: list[_Doc], lines: Sequence[Line], paper_path: str, sha256: str, names: CommitteeNames, ocr: bool = False
) -> Conversion:
    stem = PurePosixPath(paper_path).stem
    used: set[PurePosixPath] = set()
    documents = []
    roles: dict[int, str] = {}
    evidence = []
    for doc in docs:
        record = _record(doc, lines, paper_path, sha256, ocr)
        relpath = _dedupe(_relpath(record, doc.committee.slug, stem), used)
        body = render(lines, doc.span.start, doc.span.end, doc.found.replacements)
        documents.append(ConvertedDocument(record, body, relpath))
        evidence.append(_evidence(doc, relpath, lines))
        for i in range(doc.span.start, doc.span.end):
            line = lines[i]
            if line.artefact:
                roles[i] = f"artefact: {line.artefact}"
            elif line.joined_to:
                roles[i] = f"joined to line {line.joined_to}"
            elif not line.is_content:
                roles[i] = "blank"
            else:
                role = relpath.name
                if i in doc.found.roles:
                    role += f": {doc.found.roles[i]}"
                if line.removed:
                    role += " (removed: " + "; ".join(line.removed) + ")"
                if line.kept_as_text:
                    role += f" (kept as text, though it repeats like a {line.kept_as_text})"
                roles[i] = role
    openings = tuple(doc.found.meeting for doc in docs)
    readings = tuple(doc.found for doc in docs)
    return Conversion(tuple(documents), tuple(lines), roles, tuple(evidence), openings, readings)


def _evidence(doc: _Doc, relpath: PurePosixPath, lines: Sequence[Line]) -> tuple[str, ...]:
    """What `explain` says about one document before its lines."""
    first = lines[doc.span.start].number if doc.span.start < len(lines) else 0
    out = [f"{doc.kind or 'document'} -> {relpath.as_posix()} (from line {first}: {doc.span.reason})"]
    if doc.found.kind_evidence:
        out.append("  read as " + doc.kind + ": " + "; ".join(doc.found.kind_evidence))
    chosen = {"committee": doc.committee.name, "date": doc.date, "time": doc.time, "venue": doc.venue}
    for fact, value in chosen.items():
        if not value:
            continue
        backing = [p for f, p in doc.found.meeting.proposals if f == fact and (fact == "committee" or p.value == value)]
        if fact == "committee" or not backing:
            out.append(f"  {fact}: {value}")
            continue
        best = max(backing, key=lambda p: p.weight)
        out.append(f"  {fact}: {value} ({best.rule} {best.weight:.2f}: {best.detail!r})")
    first_header, last_header = doc.found.house_header
    if last_header > first_header:
        header = housestyle.current_header()
        taught = f", taught by the correction of {', '.join(header.taught_by)}" if header and header.taught_by else ""
        out.append(
            f"  header, lines {lines[first_header].number}-{lines[last_header - 1].number}: items.house-header: "
            f"the header stands above the attendance list (house style{taught}), so its lines are no items"
        )
    if doc.found.attendance_read is not None:
        out += attendance.explain_rules(doc.found.attendance_read, [line.number for line in lines])
    out += _member_roles_said(doc, lines)
    if doc.found.attendance_read is not None:
        notes = doc.found.attendance_read.notes
        out += [f"  attendance: {n}" for n in notes if n.startswith(attendance.HOUSE_STYLE_NOTE)]
    for warning in dict.fromkeys(doc.warnings):
        out.append(f"  warning: {warning}")
    return tuple(out)


def _member_roles_said(doc: _Doc, lines: Sequence[Line]) -> list[str]:
    """Each name read as a member present because the house style counts its printed role among the members."""
    style = housestyle.current_attendance()
    if not style or not style.member_roles or doc.found.attendance_read is None:
        return []
    taught = f", taught by the correction of {', '.join(style.taught_by)}" if style.taught_by else ""
    texts = [lines[i].text for i in sorted(doc.found.attendance_read.lines) if i < len(lines)]
    out = []
    for name in doc.found.attendance.present:
        role = next(
            (r for r in style.member_roles for t in texts if re.search(rf"{re.escape(name)}\W+{re.escape(r)}\b", t)), ""
        )
        if role:
            out.append(
                f"  attendance: {name} is a member present: the house style counts a {role!r} among the members{taught}"
            )
    return out


_HEADER_LINES = 40
"""Content lines of an agenda's opening in which its planned span of time ("10.00 am – 12.30 pm") is looked for."""


def _record(doc: _Doc, lines: Sequence[Line], paper_path: str, sha256: str, ocr: bool = False) -> DocumentRecord:
    kind = doc.kind or "document"
    if kind == "report" and not doc.item and doc.span.reason.startswith("text before"):
        kind = "document"
    numbers = [lines[i].number for i in range(doc.span.start, doc.span.end)]
    body_of = doc.committee.name if doc.other_body else ""
    texts = [lines[i].text for i in range(doc.span.start, doc.span.end) if lines[i].is_content]
    meeting_paper = kind in ("agenda", "minutes")
    broadcasts = find_broadcasts(texts) if meeting_paper else None
    return DocumentRecord(
        kind=kind,
        committee=doc.committee.name,
        title=doc.found.title or kind.title(),
        date=doc.date,
        time=doc.time,
        end_time=end_time(kind, texts[:_HEADER_LINES] if kind == "agenda" else texts, doc.time),
        venue=doc.venue,
        webcast=broadcasts.webcast if broadcasts else "",
        recording=broadcasts.recording if broadcasts else "",
        attendance=doc.found.attendance if isinstance(doc.found.attendance, Attendance) else Attendance(),
        chair_changes=doc.found.chair_changes,
        movements=doc.found.movements,
        items=tuple(doc.found.items),
        mentions=() if doc.found.items else _councillors_named(doc, lines),
        citations=tuple(doc.citations),
        next_meeting=doc.next_meeting,
        agenda_item=doc.item,
        body_of=body_of,
        source=Source(
            paper=paper_path,
            sha256=sha256,
            lines=(numbers[0], numbers[-1]) if numbers else (0, 0),
            pages=_physical_pages(lines, doc.span.start, doc.span.end),
            ocr=ocr,
        ),
        warnings=tuple(dict.fromkeys(doc.warnings)),
        review=confidence.doubts(_judge(doc, lines, ocr)),
    )


def _physical_pages(lines: Sequence[Line], start: int, end: int) -> tuple[int, int]:
    """First and last page of a paged paper (a PDF) that the lines stand on; (0, 0) for a paper without pages."""
    hints = [lines[i].hint for i in range(start, end) if lines[i].is_content]
    pages = [hint.page for hint in hints if hint and hint.page]
    return (min(pages), max(pages)) if pages else (0, 0)


def _with_paper_pages(items: list[Item], docs: list[_Doc], lines: Sequence[Line]) -> list[Item]:
    """Each agenda item with pack pages, given the page of the paper where they begin.

    A pack prints its own page numbers ("Page 12") below a front sheet that has none, so the
    twelfth pack page is the paper's fourteenth, say. The page of the paper is the one on which
    the item's first pack page is printed; when no page prints that number, the first page of
    the document tied to the item.
    """
    printed: dict[int, int] = {}
    for line in lines:
        physical = line.hint.page if line.hint else 0
        if line.page and physical:
            printed[line.page] = min(printed.get(line.page, physical), physical)
    tied = {doc.item: _physical_pages(lines, doc.span.start, doc.span.end)[0] for doc in reversed(docs[1:]) if doc.item}
    out = []
    for item in items:
        first = _page_range(item.pages)
        page = printed.get(first[0], 0) if first else 0
        out.append(replace(item, paper_page=page or tied.get(item.number, 0)) if item.pages else item)
    return out


def _paper_lines(lines: Sequence[Line], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Line indexes [first, end) as the paper's line numbers (1-based, inclusive), blank lines at the ends aside."""
    if not span:
        return None
    content = [i for i in range(span[0], min(span[1], len(lines))) if lines[i].is_content]
    if not content:
        return None
    return (lines[content[0]].number, lines[content[-1]].number)


def _judge(doc: _Doc, lines: Sequence[Line], ocr: bool) -> list[confidence.Judged]:
    """How sure the converter is of each fact of a meeting's record (confidence.py)."""
    if doc.kind not in ("agenda", "minutes"):
        return []
    found = doc.found
    opening = [(lines[i].number, plain(lines[i].text)) for i in found.opening_lines]
    text = [
        (lines[i].number, plain(lines[i].text))
        for i in range(doc.span.start, doc.span.end)
        if lines[i].is_content and not lines[i].artefact
    ]
    judged: list[confidence.Judged] = [confidence.judge_kind(doc.kind, *found.kind_scores, opening or text)]
    for fact, value in (
        ("committee", doc.committee.name),
        ("date", doc.date),
        ("time", doc.time),
        ("venue", doc.venue),
    ):
        judged += _judge_fact(doc, lines, fact, value, opening, text)
    judged += _judge_attendance(doc, text)
    items = [
        confidence.ItemRead(
            key=item_key(item),
            number=item.number,
            title=item.title,
            head=found.item_heads.get(item_key(item)),
            lines=_paper_lines(lines, _heading_span(found, item)),
            decisions=found.item_decisions.get(item_key(item), ()) if doc.kind == "minutes" else (),
            text=found.item_details.get(item_key(item), ""),
        )
        for item in found.items
    ]
    words = sum(len(t.split()) for _, t in text)
    items_judged = confidence.judge_items(
        items, found.untaken_headings, doc.kind, words, lambda i: lines[i].number if i < len(lines) else 0
    )
    judged += items_judged
    judged += confidence.judge_decisions(items, doc.kind, words, items_judged)
    judged += doc.judged
    judged = [_with_joined_lines(j, lines) for j in judged]
    return confidence.with_ocr(judged) if ocr else judged


Numbered = list[tuple[int, str]]


def _judge_fact(
    doc: _Doc, lines: Sequence[Line], fact: str, value: object, opening: Numbered, text: Numbered
) -> list[confidence.Judged]:
    """How sure the converter is of one header fact: missing, impossible, taken from elsewhere, or voted for."""
    if not value:
        missing = confidence.judge_missing(fact, doc.kind, opening or text) if fact in ("date", "time") else None
        return [missing] if missing else []
    source = doc.sources.get(fact, "")
    if fact == "date" and doc.printed_date and doc.date:
        return [confidence.impossible_date(doc.printed_date, doc.date, text)]
    if source == "main":
        return []  # the paper's own meeting's fact, judged on its own record
    if source:
        shown = value.isoformat() if isinstance(value, dt.date) else str(value)
        return [confidence.judge_fallback(fact, shown, source, opening)]
    backing = [p for f, p in doc.found.meeting.proposals if f == fact]
    if fact in ("time", "venue") and isinstance(value, str) and not any(p.value == value for p in backing):
        return [confidence.judge_fallback(fact, value, "call-to-order", text)]
    if fact == "committee":
        printed = doc.found.meeting.committee
        vote = confidence.judge_vote(fact, printed, backing, opening, same=confidence.same_or_within, shown=str(value))
        return [confidence.judge_body_name(vote)]
    if fact == "venue":
        return [
            confidence.judge_venue(confidence.judge_vote(fact, value, backing, opening, same=confidence.same_or_within))
        ]
    judged = [confidence.judge_vote(fact, value, backing, opening)]
    adrift = _adrift(doc, lines, value) if fact == "date" and isinstance(value, dt.date) else None
    return judged + ([adrift] if adrift else [])


def _judge_attendance(doc: _Doc, text: Numbered) -> list[confidence.Judged]:
    """How sure the converter is of the chair and of each list of attendance."""
    attendance, read = doc.found.attendance, doc.found.attendance_read
    judged = []
    chair = confidence.judge_chair(attendance.chair, read, doc.kind, attendance.present, text)
    if chair:
        judged.append(chair)
    missing = confidence.judge_missing("present", doc.kind, text) if not attendance.present else None
    if missing:
        judged.append(missing)
    for role in ("present", "apologies", "in_attendance"):
        listed = confidence.judge_attendance(
            role, getattr(attendance, role), read, text, doc.kind, attendance.present + attendance.apologies
        )
        if listed:
            judged.append(listed)
    return judged


def _with_joined_lines(judged: confidence.Judged, lines: Sequence[Line]) -> confidence.Judged:
    """A fact's lines, through the lines the cleaning joined onto its last ("… MEETING" / "26 November 2014")."""
    if not judged.lines:
        return judged
    first, last = judged.lines
    joined = [line.number for line in lines if line.joined_to and first <= line.joined_to <= last]
    if not joined or max(joined) <= last:
        return judged
    return replace(judged, lines=(first, max(joined)))


def _adrift(doc: _Doc, lines: Sequence[Line], date: dt.date) -> confidence.Judged | None:
    """Whether a document's meeting date is far from every other date it prints (confidence.date_adrift)."""
    text = [
        (lines[i].number, plain(lines[i].text))
        for i in range(doc.span.start, doc.span.end)
        if lines[i].is_content and not lines[i].artefact
    ]
    others = [f.date for _, line in text for f in find_dates(line, date.year) if f.year_printed and f.date != date]
    return confidence.date_adrift(date, others, text)


def _heading_span(found: Found, item: Item) -> tuple[int, int] | None:
    head = found.item_heads.get(item_key(item))
    return (head.index, max(head.end, head.index + 1)) if head else None


def _councillors_named(doc: _Doc, lines: Sequence[Line]) -> tuple[str, ...]:
    """The councillors a document without items names (a report's text), attendance lists aside."""
    span = range(doc.span.start, doc.span.end)
    return councillors_in(
        plain(lines[i].text)
        for i in span
        if lines[i].is_content and not lines[i].artefact and doc.found.roles.get(i) != "attendance"
    )


def _relpath(record: DocumentRecord, slug: str, stem: str) -> PurePosixPath:
    # The paper's name may hold anything ('#', '?', '%25', another Unicode form of the same letters,
    # 250 bytes): the folder is also a URL path segment, so it is made safe on every platform.
    folder = record.date.isoformat() if record.date else f"undated-{segment(stem, SEGMENT_LIMIT - len('undated-'))}"
    if record.kind in ("agenda", "minutes"):
        name = f"{record.kind}.md"
    else:
        name = f"{record.kind}-{short_slug(record.title)}.md"
    return PurePosixPath(slug, folder, name)


def _dedupe(path: PurePosixPath, used: set[PurePosixPath]) -> PurePosixPath:
    candidate, n = path, 2
    while candidate in used:
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    used.add(candidate)
    return candidate
