"""Headings of items of business: which lines open an item, with what number and title.

Councils number items every way ("1", "1.", "1)", "(a)", "5.1", "12/23", "C12",
"PAR 1", "Item 5", "*42") and set the heading every way (a Markdown heading, bold,
capitals, a plain line, a number alone on its line with the title below it, a title
with its minute number on the line after). Some never number them at all.

Recognising them is a matter of evidence, not of one trigger:

1. every line that *could* open an item becomes a `Candidate`: each rule below (one small
   function per shape, registered in `evidence.REGISTRY` with its id, examples and weight)
   is tried on every line, and the heaviest candidate a line gets is kept;
2. candidates are grouped by their numbering scheme, and each scheme's best chain is the
   longest run of distinct numbers that rises through the document (an item taken out of
   order is let back in when it looks like a heading);
3. the scheme whose chain scores best — many entries, set apart from the text, short
   titles — gives the items; other schemes inside an item give its sub-items;
4. a document without numbers takes its headings of one kind (all "##", all bold, all
   capitals) as unnumbered items; a document with no headings at all is read by the two
   document rules (standard business, a list of points).

`find_items` returns headings with the lines they take, so the body can write each as
one Markdown heading with a permalink, and `explain` can say why.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from minutes.core import name_grammar as grammar
from minutes.core import vocabulary
from minutes.papers import housestyle, known_titles
from minutes.papers.attendance import label_of, people_in
from minutes.papers.bilingual import welsh_title
from minutes.papers.clean import Line, clean_lines
from minutes.papers.dates import find_dates, find_time
from minutes.papers.evidence import (
    REGISTRY,
    Example,
    Fact,
    Rule,
    enabled,
    example,
    model,
    rule,
    rules_of,
    runner,
    weight_of,
)
from minutes.papers.memo import remembered
from minutes.papers.shapes import Shape, is_caps, row_cells, shapes, unmark

# --- numbers ------------------------------------------------------------------------

_SEP = r"(?:[.):]|\s*[-–—]\s|\\\.)?"
_ITEM_WORD = r"(?i:(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?)"
"""The word a number may follow: "Item 5", "Minute No. 45/19", "Agenda item 3"."""
_MIN_WORD = r"(?i:min\.?\s+(?:no\.?\s*)?)"
""""Min 45.", "Min. 45/19 –": the word shortened, its number then closed by a stop, bracket, colon or dash."""
_CLOSED = r"(?:[.):]|\s*[-–—]\s)"
NUMBER_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # "Minute 123/2019", "Minute No. 45/19": the word before a minute's number
        ("slash", _ITEM_WORD + r"(?P<n>\d{1,4}/\d{2,4})" + _SEP),
        ("slash", _MIN_WORD + r"(?P<n>\d{1,4}/\d{2,4})" + _CLOSED),
        # "(19/21) To receive apologies": a minute's number in brackets
        ("slash", r"\((?P<n>\d{1,4}/\d{2,4})\)"),
        # "12/23", "PLA146/14", "1/04/17", "272/PC/19", "C 08/042", "Cou/285/07-08", "ES.24/041" (a committee's)
        (
            "slash",
            r"(?P<n>(?:[A-Za-z]{0,5}[/-]?|[A-Z]{1,3} |[A-Z]{1,5}\.)\d{1,4}(?:\.\d{1,2})?(?:[:-]\d{1,4})?/(?:[A-Za-z]{1,5}/)?\d{1,4}(?:/\d{2,4})?(?:-\d{2})?)"
            + _SEP,
        ),
        # "E29", "C25.1", "PAR 1", "CMD.74.21" (a district's prefix, the minute, the year), "LIC.12" (a committee's)
        (
            "prefixed",
            r"(?P<n>[A-Z]{1,4}\d{1,4}(?:\.\d{1,2})?|[A-Z]{2,4} \d{1,3}|[A-Z]{2,4}\.\d{1,3}\.\d{2}|[A-Z]{2,5}\.\d{1,4})"
            + _SEP,
        ),
        ("int", r"(?P<n>[*#]\d{1,3}|[A-Z]-\d{1,3})" + _SEP),
        # "Agenda Item E-1 - An Ordinance …": a section's letter and the item's number in it
        ("section", _ITEM_WORD + r"(?P<n>[A-Z]-\d{1,3})" + _SEP),
        # "D.-1. 23-5102 Proclamation …": under the agenda's section "D. PRESENTATIONS", its first item
        ("section", r"(?P<n>[A-Z]\.-\d{1,3})" + _SEP),
        ("int", _ITEM_WORD + r"(?P<n>\d{1,3}(?:\.\d{1,2})?)" + _SEP),
        ("int", _MIN_WORD + r"(?P<n>\d{1,3})" + _CLOSED),
        ("dotted", r"(?P<n>\d{1,3}\.\d{1,2}(?:\.\d{1,2})?)" + _SEP),
        # "4.A Approval of Minutes", "6.B ORDINANCE NO. 2024-09": a section's number and its item's letter
        ("dotted", r"(?P<n>\d{1,3}\.[A-Z])(?=\s)" + _SEP),
        ("int", r"(?P<n>\d{1,3})" + _SEP),
        # "II. APPROVAL OF THE CONSENT CALENDAR", "IV) Old Business": capital Roman numerals, up to XXXIX
        ("roman", r"(?P<n>X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})[.)]"),
        ("paren", r"\((?P<n>[a-z]|[ivx]{1,5}|\d{1,2})\)"),
        ("letter", r"(?P<n>[a-z]|[ivx]{1,5})[.)]"),
    )
)
"""Per numbering scheme, how a number opens a line; the first that fits wins."""

_PAGE_AT_END = re.compile(r"(?<=\S)\s+Pages?\s+(?P<first>\d{1,4})(?:\s*[-–]\s*(?P<last>\d{1,4}))?\s*$")
"""An agenda's page reference printed at the right of its heading, with no brackets: "3.1 Regular Board Meeting –
April 18, 2024                Page 4"."""
_PAGE_THEN_TEXT = re.compile(
    r"(?<!\s)\s++(?:Pages?\s+\d{1,4}(?:\s*+[-–]\s*+\d{1,4})?|\(\s*+Pages?\s+\d{1,4}(?:\s*+(?:[-–]|to)\s*+\d{1,4})?\s*+\))(?=\s+[A-Z])"
)
"""A page reference with the next line run on after it ("… 2024 Page 4 Recommendation:", "MINUTES OF THE PREVIOUS
MEETING (Pages 5 - 7) To confirm …")."""
_TITLE_START = re.compile(r"^[\"'‘“(£A-Z0-9]")
_PAGES = re.compile(
    r"(?<!\s)\s*\(\s*Pages?\s+(?P<first>\d{1,4})(?:\s*(?:[-–]|to)?\s*(?P<last>\d{1,4}))?\s*\)\s*\.?", re.IGNORECASE
)
_TABLE_HEAD_WORDS = frozenset(
    {"item", "items", "title", "subject", "no", "no.", "no. item", "agenda no", "agenda item no", "minute no"}
)
_KIND_WORDS = re.compile(
    r"^(?:agenda|minutes?|draft minutes|notice of meeting|public notice|summons|agenda and minutes|"
    r"agenda,? decisions and minutes|decisions|transcript)\W*$",
    re.IGNORECASE,
)
_RESOLUTION_START = re.compile(
    r"^(?:that|to note|noted|resolved|agreed|note|agree|adopt|approve|endorse|delegate|authori[sz]e|instruct|request|"
    r"recommend|confirm|accept|in\s+regard\s+to|in\s+respect\s+of)\b",
    re.IGNORECASE,
)
"""A lettered line that is a resolution ("(b) Note the forecast overspend …") or a point in the
minute's text, not a sub-item."""
_ACTION_TITLE = re.compile(
    r"^(?:Approve|Adopt|Authori[sz]e|Accept|Confirm|Ratify|Endorse|APPROVE|ADOPT|AUTHORI[SZ]E)\b"
)
"""An agenda's action as a sub-item's title, capitalised as a heading is ("a. Approve Minutes of …", "b. Adopt
Ordinance 20-1"); a resolution's lettered points follow its opening ("RESOLVED that the Committee:") or read as
the sentence they go on ("(b) approve the budget")."""


@remembered
def number_key(number: str) -> tuple[int, ...]:
    """Sortable value of an item number: "12" -> (12,), "4.1" -> (4, 1), "PLA146/14" -> (146,), "(c)" -> (3,),
    "4.C" -> (4, 3)."""
    text = number.strip("()*").strip()
    if re.fullmatch(r"[IVX]+", text):
        return (_roman(text.lower()),)  # "I", "V", "X" are numerals: letters as numbers are lower case here
    if re.fullmatch(r"[a-zA-Z]", text):
        return (ord(text.lower()) - 96,)
    roman = _roman(text)
    if roman:
        return (roman,)
    lettered = re.fullmatch(r"(\d{1,3})\.([A-Za-z])", text)
    if lettered:
        return (int(lettered.group(1)), ord(lettered.group(2).lower()) - 96)  # "4.C" -> (4, 3)
    slash = re.search(r"(\d{1,4})(?:\.(\d{1,2}))?((?:[:-]\d{1,4})?/\S*)", text)
    if slash:
        # Every part counts, in order, so numbers rise whichever part a council counts with:
        # "146/14" < "147/14", "2019/1" < "2019/2", "C 08/042" < "C 08/043", "4/04/17" < "4.1/04/17" < "5/04/17".
        rest = tuple(int(d) for d in re.findall(r"\d+", slash.group(3)))
        return (int(slash.group(1)), int(slash.group(2) or 0)) + rest
    digits = re.findall(r"\d+", text)
    return tuple(int(d) for d in digits[:3]) or (0,)


def _roman(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    if not text or any(c not in values for c in text):
        return 0
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=False):
        total += -values[a] if b in values and values[b] > values[a] else values[a]
    return total


def scheme_of(form: str, number: str) -> str:
    """Numbers of one scheme: "prefixed" splits by its letters ("E31" and "C25" are two schemes)."""
    if form == "prefixed":
        # a prefixed number opens with its capitals (read_number's forms, number_alone's prefix)
        return "prefixed:" + re.match(r"[A-Z]+", number).group(0)  # type: ignore[union-attr]
    if form == "slash":
        # a pattern that matches nothing matches: never None
        letters = re.match(r"[A-Za-z]*", number).group(0)  # type: ignore[union-attr]
        return "slash:" + letters.upper()
    return form


@remembered
def read_number(text: str) -> tuple[str, str, str] | None:
    """(form, number, rest) when `text` opens with an item number; "3. Minutes" -> ("int", "3", "Minutes")."""
    text = _TIME_BEFORE_NUMBER.sub("", text, count=1)  # "9:15     6.  PUBLIC WORKS": the time the agenda gives it
    for form, pattern in NUMBER_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :]
        if rest and not rest[:1].isspace() and form not in ("paren",) and match.group(0)[-1:] not in ".):-–— ":
            continue  # "12th", "2030Economic": not a number opening an item
        number = match.group("n")
        if (
            form in ("int", "dotted")
            and re.match(r"^\s*\d{1,3}(?:\b|[a-z])", rest)
            and not re.match(r"^\s*\d{4}\b", rest)
            and not re.match(r"^\s*\d{1,4}/\d", rest)
        ):  # "88. 24/00108 - Revenue …" is item 88 with a decision's reference
            return None  # "9:30 AM", "3.5m of rain": a number in running text
        return form, number, rest.strip()
    return None


# --- candidates ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line that could open an item of business."""

    index: int
    """Index of the heading's first line."""
    end: int
    """Index after the heading's last line (a title may run on, or sit below its number)."""
    number: str
    title: str
    form: str
    """slash | prefixed | int | section | dotted | roman | paren | letter | capletter | none"""
    style: str
    """heading | bold | caps | split | list | plain"""
    rule: str
    """The rule that found it, for `explain`."""
    level: int = 0
    """Markdown heading level for style "heading"."""
    title_index: int = -1
    """Line holding the title when it is not the heading's first line."""
    number_index: int = -1
    """Line the number was read from when it is below the heading and not part of it."""
    rest: str = ""
    """Text after the title on the heading's line, in a page flattened into long lines."""
    in_list: bool = False
    """One of a run of numbered lines that starts again from 1 inside an item (a list, not items)."""
    list_under_heading: bool = False
    """In such a run that starts right under the item's heading, with no text between."""
    year_digits: int = 0
    """Trailing digits of the number that are the year, not the count ("AM219": minute 2 of 2019)."""
    after_resolution: bool = False
    """A lettered line under a resolution's opening ("RESOLVED that the Committee:"): one of its points."""

    @property
    def scheme(self) -> str:
        return scheme_of(self.form, self.number) if self.number else "none"

    @property
    def key(self) -> tuple[int, ...]:
        if not self.number:
            return (0,)
        if self.form == "section":
            # "Agenda Item E-1" after "Agenda Item D-3": the letter is the agenda's section, counted first
            return (ord(self.number[0]) - 64, int(self.number.rpartition("-")[2]))
        return number_key(self.number[: -self.year_digits] if self.year_digits else self.number)

    @property
    def headingish(self) -> bool:
        """Short, capitalised and not a sentence: how a heading reads."""
        words = self.title.split()
        return (
            0 < len(words) <= 14
            and bool(_TITLE_START.match(self.title))
            and not re.search(r"[;]$", self.title)
            and not (self.title.endswith(".") and len(words) > 10)
        )


MAX_GAP = 25
"""Items are numbered on from the last; a jump further than this is a number in the text."""

CHAIN_MODEL = "items.chain"
"""The name in weights.json of the chain scoring's coefficients (`STYLE_PRIORS` and `STARTS_AT_ONE`), fitted
by `bench/fit_weights.py` on which numbering scheme's chain the corpora's items follow."""

STYLE_PRIORS = {
    "heading": 3.0,
    "bold": 3.0,
    "split": 2.5,
    "caps": 2.5,
    "table": 2.5,
    "label": 1.8,
    "runin": 1.0,
    "list": 1.5,
    "plain": 1.5,
}
"""What a candidate heading set in each style adds to its chain's score, as a person set it: the prior the
fit pulls back to; a fitted coefficient in weights.json takes its place."""

STARTS_AT_ONE = "starts-at-one"
START_PRIOR = 1.0
"""What a chain adds when it starts at the start ("1", "2019/1"), as a person set it."""


def style_weight(style: str) -> float:
    """A heading style's coefficient in the chain scoring: fitted, else its prior."""
    return model(CHAIN_MODEL).get(style, STYLE_PRIORS[style])


def _content(lines: Sequence[Line], i: int, end: int) -> int:
    """Index of the first content line at or after i (before end), or -1."""
    while i < end:
        if lines[i].is_content:
            return i
        i += 1
    return -1


def _style(shape: Shape) -> str:
    if shape.heading:
        return "heading"
    if shape.bold:
        return "bold"
    if shape.caps:
        return "caps"
    return "plain"


def _clean_title(title: str) -> tuple[str, str]:
    """(title without page range, pages "5-20")."""
    pages = _PAGES.search(title) or _PAGE_AT_END.search(title)
    page_text = ""
    if pages:
        first, last = pages.group("first"), pages.group("last") or pages.group("first")
        page_text = f"{first}-{last}" if first != last else first
        title = title[: pages.start()] + " " + title[pages.end() :]
    title = re.sub(r"\s+", " ", title)
    title = re.sub(r"^[\s:.–—-]+|(?<![\s:;,.–—-])[\s:;,.–—-]+$", "", title)
    return title.strip(), page_text


# --- the item rules -----------------------------------------------------------------------

TABLE_ROW = "items.table-row"
TOPIC_ROW = "items.topic-row"
SUBMITTED_BY = "items.submitted-by"
LISTED_ITEM = "items.listed-item"
DATED_ENTRY = "items.dated-entry"
NUMBER_LOST = "items.number-lost"
NUMBER_BELOW = "items.number-below"
NUMBER_ALONE = "items.number-alone"
NUMBERED_LINE = "items.numbered-line"
LETTERED_LINE = "items.lettered-line"
AGENDA_LINE = "items.agenda-line"
UNNUMBERED_HEADING = "items.unnumbered-heading"
ATTACHMENT_TITLE = "items.attachment-title"
RUN_IN_CAPS = "items.run-in-caps"
LABEL_HEADING = "items.label-heading"
RUN_IN_LABEL = "items.run-in-label"
STANDARD_BUSINESS = "items.standard-business"
BULLETED_POINTS = "items.bulleted-points"
HOUSE_NUMBER = "items.house-number"
KNOWN_TITLE = "items.known-title"
HOUSE_PARAGRAPHS = "items.house-paragraphs"
HOUSE_LINES = "items.house-lines"
TITLE_BLOCK = "items.title-block"
HOUSE_HEADER = "items.house-header"
TOPIC_LINES = "items.topic-lines"
DOCUMENT_RULES = (STANDARD_BUSINESS, BULLETED_POINTS, HOUSE_PARAGRAPHS, HOUSE_LINES, TITLE_BLOCK, TOPIC_LINES)
PARAGRAPH_RULES = (BULLETED_POINTS, HOUSE_PARAGRAPHS)
"""Rules whose items are named by their text: the anchor comes from the first words."""
"""Rules that read a whole document's items at once, when no line rule found any."""


_STREET_ADDRESS = re.compile(
    r"^\d{1,6}[A-Z]?\s++(?:[NSEW]\.?\s++)?(?:[A-Za-z0-9][\w.'’-]*+\s++){1,4}?"
    + vocabulary.STREET_ENDINGS
    + r"(?:\s++(?:[NS][EW]|[NSEW])\.?)?(?:[.,]|\s*+[·•|]|\s*+\Z)",
    re.IGNORECASE,
)
"""A street address: a house number, the street's name and its ending ("200 Alhambra Circle, Palm Haven"), and the
quarter of town it lies in ("200 Second Street NE, Birch Falls")."""


_TIME_BEFORE_NUMBER = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+(?=\d{1,3}[.)]\s)", re.IGNORECASE)
"""The time an agenda gives an item, in a column before its number ("9:15     6.  PUBLIC WORKS")."""


@rule(
    NUMBERED_LINE,
    Fact.ITEM,
    example("3. Minutes of the last meeting", expect=("3", "Minutes of the last meeting")),
    example("#### E29. DECLARATIONS OF INTEREST", expect=("E29", "DECLARATIONS OF INTEREST")),
    example("9:30 AM start", expect=None),
    example("9:15     6.  PUBLIC WORKS", expect=("6", "PUBLIC WORKS"), note="a column of times before the numbers"),
    example("12 Main Street · Elm Falls, New York 13477 · (315) 555-0192", expect=None, note="a letterhead's address"),
    example(
        "# ES 24/23 RECYCLING CENTRE OPENING HOURS –",
        "# SPRING/SUMMER 2023",
        expect=("ES 24/23", "RECYCLING CENTRE OPENING HOURS – SPRING/SUMMER 2023"),
        note="a heading broken after its dash runs on",
    ),
    weight=6,
)
def numbered_line(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A number and its title on one line: "3. Minutes", "#### E29. DECLARATIONS OF INTEREST",
    "**1\\. Apologies**", "1            Prayer", "- 5. Minutes of the previous meeting"."""
    shape = shapes_[i]
    if shape.table or not shape.text:
        return None
    found = read_number(shape.text)
    if not found:
        return None
    form, number, title = found
    if form == "prefixed" and shape.bullet:
        return None  # "- FB31 Relocated to the Shipyard": a bulleted point opening with a code, not a number
    if form == "paren" and _NEXT_POINT_INLINE.get(number) and f" ({_NEXT_POINT_INLINE[number]}) " in title:
        return None  # "(i) Local Councils Association: training. (ii) County Council: …": points run together
    agenda_number = ""
    if form in ("slash", "prefixed"):
        # "C048/23  1.  APOLOGIES FOR ABSENCE": a minute number, then the agenda's own number.
        inner = re.match(r"^(\d{1,3})[.)]\s+(?=[\"'‘“(A-Z])", title)
        if inner:
            agenda_number, title = inner.group(1), title[inner.end() :]
    if not title or not _TITLE_START.match(title) or re.match(r"^\d{1,3}(?:\s|[:.]\d|$)", title):
        return None  # "9:30 AM", "179 3(a) of the Act": a number in running text, not a heading
    if _wrapped(lines, shapes_, i):
        return None
    if any(f.start == 0 and f.form != "numeric" for f in find_dates(shape.text, 2000)):
        return None  # "12 May 2020.": a date on its own line, not item 12
    if _STREET_ADDRESS.match(shape.text):
        return None  # "200 ALHAMBRA CIRCLE, PALM HAVEN, FL": the letterhead's address, not item 200
    style = _style(shape)
    if style == "plain" and is_caps(title):
        style = "caps"
    if (
        style == "plain"
        and re.match(r"^\s*\d{1,3}[.)]\s", lines[i].text.lstrip("-* "))
        and lines[i].text.lstrip().startswith(("-", "*"))
    ):
        style = "list"
    title, rest, last = _title_and_text(lines, shapes_, i, end, title, style)
    if style == "plain" and is_caps(title):
        style = "caps"
    if agenda_number:
        rest = f"Agenda item {agenda_number}." + (f" {rest}" if rest else "")
    return Candidate(i, last + 1, number, title, form, style, NUMBERED_LINE, level=shape.heading, rest=rest)


def _title_and_text(
    lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int, title: str, style: str
) -> tuple[str, str, int]:
    """A numbered line's title, the text run on after it, and the heading's last line: the title ends at a page
    reference, at a run-in label's end, or runs on over the lines that continue it."""
    paged = _PAGE_THEN_TEXT.search(title)
    if paged and len(title[: paged.start()].split()) >= 3:
        return title[: paged.end()], title[paged.end() :].strip(), i  # the page reference ends the heading
    if _flattened(lines[i]) and len(title.split()) > 14:
        title, rest = run_in(title)
        return (*(_flattened_title(title) if not rest else (title, rest)), i)
    title, rest = run_in(title)
    if not rest and len(title.split()) > 20:
        title, rest = _long_title(title)
    last = i
    if not rest and not re.search(r"[.!?:]$", title):
        title, last = _run_on(lines, shapes_, i, end, title, style, shapes_[i])
    if not rest:
        title, last = _in_english_below(lines, shapes_, last, end, title, style)
    return title, rest, last


_OUTCOME_LINE = re.compile(
    r"^\W*(?:(?:motion\s+)?(?:carried|defeated|lost|failed|withdrawn|tabled)(?:\s+unanimously)?\W*$|be\s+it\s+(?:further\s+)?resolved\b"
    r"|(?:and\s+)?(?:further\s+)?resolved\s+that\b)",
    re.IGNORECASE,
)
"""A motion's outcome or resolving words on a line of their own, in capitals as heading-like as any title."""
_MOTION_NUMBER = re.compile(
    r"(?i)(?:resolution|motion)\s+(?:(?:no\.?|number|#)\s*[\w/.-]{1,20}|\d[\w/.-]{0,19})\W*"
    r"(?:(?:moved|proposed)\s*+:?\s++[^:]{1,60}?\s++seconded\s*+:?\s++.{1,60})?"
)
"""A motion's number alone on its line, over who moved it ("Resolution No. 2024-130", "RESOLUTION 24/019"), or with who
moved and seconded it beside ("RESOLUTION 24/019   Moved: Cr Whitlam   Seconded: Cr Brennan")."""
_DECISION_WORDS = frozenset(
    "RESOLVED AGREED NOTED DECISION ACTION CARRIED PROPOSED SECONDED NOTE NB RECOMMENDED".split()
)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_BUSINESS_NAMES = (
    r"apologies(?:\s+for\s+absence)?"
    r"|(?:declarations?|disclosures?|conflicts?)\s+of\s+(?:(?:pecuniary|personal|members['’]?|councillors['’]?)\s+)?interests?"
    r"|matters\s+arising(?:\s+from\s+(?:the\s+)?(?:previous\s+|last\s+)?minutes)?"
    r"|(?:approval|confirmation|adoption|signing)\s+of\s+(?:the\s+)?(?:previous\s+|last\s+)?minutes"
    r"|minutes\s+of\s+(?:the\s+)?(?:previous|last)\s+meetings?(?:\s+of\s+the\s+(?:council|committee))?"
    r"|minutes\s+of\s+" + _MONTH + r"(?:\s+\d{4})?"
    r"|public\s+(?:participation|forum|session|question\s+time|questions)|open\s+forum"
    r"|any\s+other\s+(?:competent\s+)?business"
    r"|date\s+(?:and\s+(?:time|venue)\s+)?of\s+(?:the\s+)?next\s+meeting"
    r"|votes?\s+of\s+(?:sympathy|thanks|congratulations?)"
    r"|chair(?:man|person)?['’]?s\s+(?:report|remarks|announcements)"
    r"|(?:treasurer|mayor|clerk|secretary|convener)['’]?s\s+report"
)
"""The business nearly every council's meetings take, by names no other line opens with."""
_STANDARD_TITLE = re.compile(
    r"^(?:"
    + _BUSINESS_NAMES
    + r"|attendance|correspondence|welcome(?:\s+and\s+introductions)?|police\s+(?:report|matters))(?=\s)",
    re.IGNORECASE,
)
"""Item titles nearly every council uses: where one runs into its text with no mark between
("Attendance Present: …"), the title ends where the standard words do."""


_CROSS_REFERENCE = re.compile(r"^\((?i:agenda|item|minute)\s*(?:no\.?\s*)?\d{1,3}[a-z]?\)\s+(?=\S)")
_NOTHING = re.compile(
    r"^(?i:none|nil|n/a|none\s+(?:received|declared|recorded|present|in\s+attendance|to\s+report)|nothing\s+to\s+report)\.?$"
)


@dataclass(frozen=True, slots=True)
class RunInLimits:
    """Word counts that decide where a heading run into its text ends (`run_in`).

    `bench/run_in_grid.py` tries each over today's value ±4 on the corpora, the others held: of the 2,687
    lines of 101 papers `run_in` splits, a limit moved so changes at most 29 (`title_words_before_stop`),
    `sub_item_title_words` none, and no value but today's gains a council held out (`title_words` at 6
    gains 0.02 % of a paper's score in sample and loses as much held out). What decides a split is the
    shape of the text after the mark (a sentence, a label, "None"); the counts only bound it, so they
    stay as set rather than fitted."""

    title_words: int = 10
    """The longest title before a colon, dash or full stop."""
    title_words_before_stop: int = 4
    """The longest title before a full stop, unless what follows says what the meeting is to do."""
    sub_item_title_words: int = 12
    dashed_title_words: int = 16
    """The longest title before an en or em dash and a sentence of the item's own."""
    """The longest title before its first sub-item ("Announcements a) The Mayor …")."""
    date_only_words: int = 5
    """Text after the mark this short that leads with a date is the title's date, not the item's text."""
    sentence_words: int = 8
    """Text after the mark this long that reads as prose is the item's text."""
    colon_title_words: int = 8
    """A title this short before a colon ends there, whatever follows."""


RUN_IN = RunInLimits()


def run_in(text: str) -> tuple[str, str]:
    """A heading run into its item's text on one line: (title, the text after it).

    "MEMBERS’ DECLARATIONS OF INTEREST There were no declarations" — a title in capitals, then prose;
    "Chairman’s remarks – The chairman welcomed all present." — a title, a dash, then a sentence;
    "Welcome: The Chairman welcomed those present." — a title, a colon, then a sentence;
    "FINANCE. A cheque was signed …" — a short title as a sentence of its own.
    A title that reads on ("RLSCB Business Plan 2013-16", "Part 8 - Proposed Neighbourhood Park",
    "Date of next meeting - Wednesday, 25th October") stays whole."""
    cross = _CROSS_REFERENCE.match(text)
    if cross:
        # "(Agenda 1) APOLOGIES FOR ABSENCE None": the agenda's number goes with the text, not the title.
        title, rest = run_in(text[cross.end() :])
        return title, f"{cross.group(0).strip()} {rest}".strip()
    pages = _PAGES.search(text)
    body = text[: pages.start()] if pages else text
    return (
        (None if pages else _after_standard_title(body))
        or (None if pages else _after_dash(body))
        or _after_capitals(text, body)
        or _after_sub_item(text, body)
        or _after_separator(body, pages)
        or (None if pages else _before_the_sentence(body))
        or (text, "")
    )


_DASHES = re.compile(r"[–—-]")
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|been|being|did|does|held|made|taken|"
    r"given|sent|met|paid|shown|done|known)\b|\b[a-z]{3,20}ed\b"
)
"""A word that makes a sentence: a helping verb, or a verb in the past ("were discussed", "reported")."""
_ACTION = re.compile(
    r"^(?i:to)\s{1,3}(?i:note|receive|consider|approve|agree|resolve|discuss|review|confirm|adopt|decide|"
    r"determine|elect|appoint|accept|sign|ratify|authori[sz]e|endorse|update|report|be\s{1,3}advised)\b"
)
"""What an agenda asks the meeting to do, put after its heading's dash ("Planning – To discuss …", "to note …")."""
_HEADING_WORD = re.compile(r"^(?:[A-Z][\w'’&/.-]{0,30}|of|and|for|&)$")
"""A word of a heading: capitalised, or a small word joining two."""
_DASH_TITLE_WORDS = 10
"""The longest heading before a dash and the item's own text."""


def _dash_marks(body: str) -> list[tuple[int, int]]:
    """Where a dash sets a heading off from what follows: an en or em dash with a space on either side, a hyphen
    with a space after it ("Allotments- To approve", "Riverbank– Cllr. X", "Road –Cllr. X"); never a hyphen inside
    a word or a figure ("Covid-19", "21-22")."""
    marks = []
    for found in _DASHES.finditer(body):
        at = found.start()
        before = body[at - 1] if at else ""
        after = body[at + 1] if at + 1 < len(body) else ""
        spaced_before, spaced_after = before.isspace(), after.isspace()
        if found.group(0) == "-" and not spaced_after:
            continue
        if not (spaced_before or spaced_after) or not after:
            continue
        start, end = at, at + 1
        while start > 0 and body[start - 1].isspace():
            start -= 1
        while end < len(body) and body[end].isspace():
            end += 1
        marks.append((start, end))
    return marks


def _dash_text(part: str) -> str:
    """What a part after a heading's dash is: "action" (an agenda's "To note …"), "sentence" (the item's text),
    "date" (a date or a weekday first), "heading" (more of the heading: "Sheet Crossing") or "" (none of these)."""
    words = part.split()
    if not words:
        return ""
    if _ACTION.match(part):
        return "action"
    if _subject(part):
        return "heading"  # "Bob Berry – Quotation to replace damaged post": a letter's sender and its subject
    if re.match(r"^(?i:mon|tues|wednes|thurs|fri|satur|sun)day\b", part) or any(
        f.start < 3 for f in find_dates(part, 2000)
    ):
        return "date"
    # The first sentence decides: "Trefdraeth Cemetery. The work was in hand." is more of the heading.
    first_sentence = re.split(r"(?<=[a-z]{3}[.!?])\s", part.strip(), maxsplit=1)[0]
    titled = all(_HEADING_WORD.match(w) for w in first_sentence.split())
    verb = bool(_VERB.search(" ".join((first_sentence if titled else part).split()[:20])))
    named = bool(re.match(r"^(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)\b", part))
    if (verb and len(words) >= 3) or _SOMEONE_DID.match(part) or (named and len(words) >= 4):
        return "sentence"
    if len(words) <= 7 and words[0][:1].isupper():
        return "heading"
    return ""


_NOUN_FIRST = re.compile(
    r"^[A-Z][a-z]{2,}(?:tions?|sions?|ments?|ances?|ences?|ings?|als?|ships?|ures?|ity|ies|ests?)\b"
    r"|^[A-Z][a-z]{2,}\s+(?:of|for|to|on|from|regarding)\b"
)
"""A phrase that opens with a noun ("Quotation to replace …", "Closure of the site", "Donation request …")."""
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|did|does|been|being|shall|may|might)\b",
    re.IGNORECASE,
)


def _subject(part: str) -> bool:
    """Whether the words after a dash are a subject line, a noun phrase with no verb of its own ("Closure of South
    Cerney recycling site (emailed to Parish Councillors)", "Request for financial support"), not a sentence
    ("Power lines are underground", "Lentz and Gritt dumped …")."""
    first = re.split(r"(?<=[a-z]{3}[.!?])\s", part.strip(), maxsplit=1)[0]
    plain = re.sub(r"\([^()]*\)", "", first)  # "(emailed to Parish Councillors)": a note on the letter
    if "," in plain or _FINITE.search(plain) or _SOMEONE_DID.match(plain) or not _NOUN_FIRST.match(plain):
        return False  # "Pending the first draft, the Council discussed …": a sentence
    return all(_ADJECTIVE_ED.match(plain, verb.start()) for verb in re.finditer(r"\b[a-z]{3,20}ed\b", plain))


_ADJECTIVE_ED = re.compile(r"[a-z]{3,20}ed\s(?!(?:the|a|an|to|by|for|of|on|in|at|with|that|and)\b)[a-z]")
"""A word in "-ed" that describes the word after it ("damaged post"), not a verb ("dumped within", "agreed to")."""


def _after_dash(body: str) -> tuple[str, str] | None:
    """A short heading, a dash, then a sentence or what the meeting is to do: "Minutes – The Minutes of … were
    approved", "Website – The Website Manager has resigned", "Planning – To discuss current applications",
    "Allotments- To approve a quote". A part between dashes that reads as more of the heading stays in it
    ("Network Rail – Sheet Crossing – No up-date has been received" is titled "Network Rail – Sheet Crossing")."""
    marks = _dash_marks(body)
    if not marks or ":" in body[: marks[0][0]]:
        return None
    cut = 0
    for n, (_, end) in enumerate(marks):
        part = body[end : marks[n + 1][0]] if n + 1 < len(marks) else body[end:]
        kind = _dash_text(part)
        if kind in ("action", "sentence"):
            cut = n + 1
            break
        if kind != "heading":
            return None
    if not cut:
        return None
    start, end = marks[cut - 1]
    title, rest = body[:start].strip(), body[end:].strip()
    words = title.split()
    if not words or len(words) > _DASH_TITLE_WORDS or not re.search(r"[A-Za-z]{3}", title) or _VERB.search(title):
        return None
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return None
    last = words[-1]
    if len(last) >= 6 and last.endswith(".") and last[:-1].isalpha() and last[1:-1].islower():
        return None  # "Faslane Demonstration. – 3 arrested": a sentence of a list, not a heading
    return title, rest


def _before_the_sentence(body: str) -> tuple[str, str] | None:
    """A heading in capitalised words run into a sentence that opens with "The", with no mark between:
    "Financial Regulations The new Model Standing Orders had been adapted …"."""
    words = body.split()
    for n in range(1, min(len(words), 7)):
        if words[n] != "The":
            if not _HEADING_WORD.match(words[n]):
                return None
            continue
        head, rest = words[:n], " ".join(words[n:])
        if head[-1] in ("of", "and", "for", "&") or not head[0][:1].isupper():
            return None
        if _dash_text(rest) == "sentence" and _VERB.search(" ".join(words[n : n + 12])):
            return " ".join(head), rest
        return None
    return None


def _after_standard_title(body: str) -> tuple[str, str] | None:
    """A title nearly every council uses, then a sentence or a label: "Attendance Present: …"."""
    standard = _STANDARD_TITLE.match(body)
    if standard:
        after = body[standard.end() :].strip()
        if after[:1].isupper() and (label_of(after) or _prose(after)) and not _STANDARD_TITLE.match(after):
            # "Attendance Present: M Newman …", "Declarations of Interest Disclosable Pecuniary Interests in items …"
            return standard.group(0).strip(), after
    return None


def _after_capitals(text: str, body: str) -> tuple[str, str] | None:
    """A title in capitals, then prose, a label or "None": "MEMBERS’ DECLARATIONS OF INTEREST There were …"."""
    words = body.split()
    caps = 0
    for n, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if (letters and all(c.isupper() for c in letters)) or (not letters and caps):
            caps += 1
            if word.endswith(":") or (word.endswith(".") and not _abbreviated_label(words, n)):
                break  # "FINANCE. A cheque …": the title ends with its sentence
            continue
        break
    if 0 < caps < len(words):
        head = " ".join(words[:caps])
        head_letters = sum(c.isalpha() for c in head)
        first = re.sub(r"\W", "", words[0])
        after = " ".join(words[caps:])
        if head.endswith(("–", "—", "-")) and _subject(after):
            return None  # "GAPTC – Appointment of a new chief executive": a sender and the subject of the letter
        if (
            (caps >= 2 or head_letters >= 5)
            and first not in _DECISION_WORDS
            and (_prose(after) or label_of(after) or _NOTHING.match(after))
        ):
            return head.rstrip(" .:–—-"), text[len(head) :].strip()
    return None


def _abbreviated_label(words: Sequence[str], n: int) -> bool:
    """Whether the capitals word n, ending in a dot, is an abbreviation inside a label that goes on in capitals to
    its colon ("HIGHLAND PT. AVE. SINKHOLE:", "IREDELL CO. E D C:"), not the end of a title."""
    for word in words[n + 1 : n + 6]:
        letters = [c for c in word if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            return False
        if word.endswith(":"):
            return True
    return False


def _after_sub_item(text: str, body: str) -> tuple[str, str] | None:
    """A short title, then its first sub-item: "Mayor’s Announcements/Engagements a) The Mayor will …"."""
    sub = re.search(r"\s\(?[a-h]\)\s+(?=[A-Z])", body)
    if sub and 1 <= len(body[: sub.start()].split()) <= RUN_IN.sub_item_title_words:
        # "Mayor’s Announcements/Engagements a) The Mayor will …": the first sub-item runs on.
        return body[: sub.start()].strip(), text[sub.start() :].strip()
    return None


def _after_separator(body: str, pages: re.Match[str] | None) -> tuple[str, str] | None:
    """A title, a colon, dash or full stop, then the item's text, when what follows reads as its text
    rather than as the rest of the title; the title keeps the pack pages printed at the line's end."""
    match = re.match(r"^(?P<title>[^:–—]{2,80}?)(?P<sep>\s+[–—-]\s+|:\s+|\.\s+)(?P<rest>\S.*)$", body)
    # After a full stop only a short title ends, unless what follows is what the meeting is to do
    # ("Action Checklist from the Previous Meeting. To note the list of actions …").
    longest = (
        RUN_IN.title_words
        if not match or match.group("sep").strip() != "." or _TO_DO.match(match.group("rest"))
        else RUN_IN.title_words_before_stop
    )
    if match and match.group("sep").strip() in ("–", "—", "-") and _subject(match.group("rest")):
        return None  # "GCC – Invitation to attend a focus group …": a sender and the subject of the letter
    if (
        match
        and match.group("sep").strip() in ("–", "—")
        and _prose(match.group("rest"))
        and match.group("rest")[:1].isupper()
        and len(match.group("rest").split()) >= RUN_IN.sentence_words
    ):
        # "3. Minutes of the Last Meeting held on the 31 March 2025 – These minutes were received, …": a long
        # title, then a sentence of the minute's own after a dash
        longest = RUN_IN.dashed_title_words
    if match and len(match.group("title").split()) <= longest:
        title, sep, rest = match.group("title").strip(), match.group("sep").strip(), match.group("rest").strip()
        pages_text = pages.group(0).strip() if pages else ""
        leads_with_date = any(f.start < 12 for f in find_dates(rest, 2000))
        only_date = leads_with_date and len(rest.split()) <= RUN_IN.date_only_words and not find_time(rest)
        names = len(title.split()) <= 6 and bool(re.match(r"^(?:Cllrs?|Councillors?|Cr)\b", rest))
        sentence = (
            _prose(rest)
            and (
                len(rest.split()) >= RUN_IN.sentence_words
                or (len(rest.split()) >= 4 and rest.rstrip().endswith((".", "!", "?")))
            )
        ) or bool(_SOMEONE_DID.match(rest))
        worded = bool(
            re.search(r"[A-Za-z]{3}", re.sub(r"(?<!\S)\S*\d\S*", "", title))
        )  # not just a reference ("23/01240/F")
        # "PRESENTATION: TOWN CENTRE REGENERATION", "ITEM 9: DEPUTATION FROM …": a title in capitals either side
        capitals = (
            sep == ":"
            and is_caps(title)
            and is_caps(rest)
            and not sentence
            and len(rest.split()) <= 14
            and not label_of(title + ":")  # "APOLOGIES: CLLR GRAY": a label and its names
            and not re.match(r"(?i)(?:cllrs?|councillors?|cr|mr|mrs|ms|dr)\b", rest)
        )
        split = (sep == ":" and len(title.split()) <= RUN_IN.colon_title_words and not only_date and not capitals) or (
            worded
            and ((sentence and not leads_with_date) or _NOTHING.match(rest) or names or _OUTCOME.match(rest))
            and (rest[:1].isupper() or sep != ".")
        )
        if split and re.search(r"\w", rest):  # "NEXT MEETING: -": a colon and a dash are not the item's text
            # "Apologies for absence: Cllr E Black – accepted.", "Chairman’s remarks – The chairman welcomed …"
            return f"{title} {pages_text}".strip(), rest
    return None


_SOMEONE_DID = re.compile(
    rf"^(?:{grammar.TITLE})\s+(?:[A-Z]\.\s*){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+[a-z]+ed\s+[a-z]"
)
"""A titled person who did something: "Roll Call – Trustee Picha called roll call" runs the item's text on after
its title, however short the sentence."""

_OUTCOME = re.compile(
    r"^(?:approved|agreed|noted|accepted|received|adopted|deferred|carried|resolved|signed)\b"
    r"|^(?i:approved|agreed|noted|accepted|received|adopted|deferred|carried|signed)(?:\s+and\s+[a-z]+)?[.;]?$"
)
"""What the meeting did, told after the title: in a word or two ("3) Minutes – Approved.") or starting in lower
case ("Minutes – approved and signed by the Chairman"); "Accounts – Approved payments list" is a title."""
_TO_DO = re.compile(
    r"^To\s+(?:note|receive|consider|approve|agree|resolve|discuss|review|confirm|adopt|decide|determine|elect|"
    r"appoint|accept|sign|ratify|authori[sz]e|endorse)\b"
)


def _prose(text: str) -> bool:
    """Words that read as a sentence: several lower-case words among the first few."""
    words = text.split()[:8]
    lower = [w for w in words if re.match(r"^[a-z][a-z'’-]{2,}", w) and w not in ("and", "the", "for")]
    return len(lower) >= 2 and any(re.match(r"^[a-z]", w) for w in words[:5])


def _flattened(line: Line) -> bool:
    """A piece of a line the exporter flattened (the cleaning split it out of a longer one)."""
    return line.hint is not None and line.hint.text.strip() != line.source.strip()


_TITLE_STOP = re.compile(
    r"\s(?=(?:Cllrs?|Councillors?|Cr|Mr|Mrs|Ms|Miss|Dr|Members|Officers|Staff|In attendance)\b)|:\s*|\s(?=\d)"
)


def _flattened_title(text: str) -> tuple[str, str]:
    """A heading run into its text on one long line ("Apologies for Absence Apologies for absence were
    received …", "Declarations of Interest Cllr P Batty …"): the title stops where a name, a label or
    the title's own first word begins again."""
    words = text.split()
    first = words[0].lower()
    for n in range(1, min(len(words), 9)):
        if words[n].lower() == first:
            return " ".join(words[:n]), " ".join(words[n:])
    match = _TITLE_STOP.search(text)
    if match and 0 < len(text[: match.start()].split()) <= 8:
        return text[: match.start()].strip(), text[match.start() :].strip(" :")
    return text, ""


_SENTENCE_OPENS = re.compile(
    r"\s(?=(?:RESOLVED|AGREED)\b|On\s+the\s+(?:motion|proposal)\s+of\b|It\s+was\s+(?:resolved|agreed|noted|reported)\b)"
)


def _long_title(text: str) -> tuple[str, str]:
    """A numbered line that runs on into its minute with no mark between ("Election of Chairman On the
    motion of Cllr X, it was RESOLVED …", "Apologies for absence Apologies for absence were received …"):
    the title ends where the minute's first sentence opens, or where its own first words come again."""
    words = text.split()
    opening = [w.lower() for w in words[:2]]
    for n in range(2, min(len(words), 9)):
        if words[n][:1].isupper() and [w.lower() for w in words[n : n + 2]] == opening:
            return " ".join(words[:n]), " ".join(words[n:])
    opens = _SENTENCE_OPENS.search(text)
    if opens and 2 <= len(text[: opens.start()].split()) <= 15:
        return text[: opens.start()].strip(), text[opens.start() :].strip()
    return text, ""


def _wrapped(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> bool:
    """Whether line i carries on the sentence of the line above it (no blank line between,
    and the line above is a long plain line left unfinished)."""
    if i == 0 or shapes_[i].heading or shapes_[i].bold or shapes_[i].caps:
        return False
    above = lines[i - 1]
    if not above.is_content or above.artefact or above.number == lines[i].number:
        return False
    s = shapes_[i - 1]
    if read_number(s.text):
        return False  # the line above is an item too: "3. To consider whether …" / "4. Questions …"
    if label_of(s.text):
        return False  # "Present: Cllr Orr, Cllr Hale" above: a list ends with its line, not mid-sentence
    return (
        not (s.heading or s.bold or s.caps or s.table or s.bullet)
        and len(s.text.split()) >= 8
        and not re.search(r"[.!?:;]$", s.text)
    )


def _run_on(
    lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int, title: str, style: str, shape: Shape
) -> tuple[str, int]:
    """A heading's title may wrap: an indented line under a Markdown heading, more capitals
    under a capitals title, more bold under a bold one (never past a blank line)."""
    last = i
    for k in range(i + 1, min(end, i + 4)):
        nxt = lines[k]
        if not nxt.is_content or nxt.artefact:
            break
        s = shapes_[k]
        if s.table or s.bullet or read_number(s.text):
            break
        continues = (
            (style == "heading" and nxt.text.startswith((" ", "\t")) and not s.heading)
            or (style == "caps" and s.caps and not s.heading and len(s.text.split()) <= 14)
            or (style == "bold" and s.bold and not s.heading)
            # "ES 24/23 HOUSEHOLD RECYCLING CENTRE OPENING HOURS –" / "SPRING/SUMMER 2023": a heading broken where it
            # cannot end, its next line in the same dress
            or (style == "heading" and s.heading == shape.heading and _UNFINISHED.search(title) is not None)
            # "6.A ORDINANCE NO. 2024-07 – AN ORDINANCE OF THE CITY OF" (a heading) / "PALMETTO SOUND, …" (bold, the
            # reader's heading level on the first line only): the same dress, a title that cannot end there
            or (
                style == "heading" and shape.bold and s.bold and not s.heading and _UNFINISHED.search(title) is not None
            )
        )
        if not continues:
            break
        title = f"{title} {s.text}"
        last = k
        if re.search(r"[.!?:)]$", s.text):
            break
    return title, last


_NEXT_POINT_INLINE = {"i": "ii", "a": "b", "1": "2"}
"""A paragraph's first point and the label of the one after it."""


def _in_english_below(
    lines: Sequence[Line], shapes_: Sequence[Shape], last: int, end: int, title: str, style: str
) -> tuple[str, int]:
    """A Welsh council's heading in both languages, the Welsh title by its number and the English one on the next
    line in the same dress ("24/013 Ymddiheuriadau am Absenoldeb" / "Apologies for Absence"): one title, both
    languages, as a title printed "Ymddiheuriadau / Apologies" on one line reads."""
    if style not in ("bold", "caps", "heading") or not welsh_title(title):
        return title, last
    for k in range(last + 1, min(end, last + 3)):
        if lines[k].artefact or not shapes_[k].text:
            continue
        s = shapes_[k]
        dressed = (style == "bold" and s.bold) or (style == "caps" and s.caps) or (style == "heading" and s.heading)
        if not dressed or s.table or read_number(s.text) or welsh_title(s.text) or len(s.text.split()) > 15:
            break
        return f"{title} / {s.text}", k
    return title, last


_UNFINISHED = re.compile(r"(?:\s[–—-]|,|&|\b(?i:and|of|the|for|to|in|on|at|from|with))$")
"""A title that cannot end where its line does: after a dash, a comma or a joining word."""


@rule(
    NUMBER_ALONE,
    Fact.ITEM,
    example("22.", "", "Appointment of Chairman", expect=("22", "Appointment of Chairman")),
    example("PAR", "1", "Apologies for absence", expect=("PAR 1", "Apologies for absence")),
    weight=7,
)
def number_alone(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A number on a line of its own, the title on the next ("22." then "Appointment of Chairman";
    "**1.**" then "**To elect a Cathaoirleach …**"; "PAR" then "1" then the title)."""
    shape = shapes_[i]
    if shape.table or not shape.text:
        return None
    text = shape.text
    prefix = ""
    first = i
    if re.fullmatch(r"[A-Z]{2,4}", text):
        # "PAR" / "1": a prefix printed above its number.
        k = _content(lines, i + 1, min(end, i + 4))
        if k < 0 or not re.fullmatch(r"\d{1,3}\.?", shapes_[k].text):
            return None
        prefix, i = text + " ", k
        text = shapes_[k].text
    found = read_number(text)
    if not found or found[2]:
        return None
    form, number, _ = found
    number = prefix + number
    if prefix:
        form = "prefixed"
    k = _content(lines, i + 1, min(end, i + 6))
    skipped = []  # a table's column heads between the number and its title: kept as text, never lost
    while k >= 0 and shapes_[k].text.lower().rstrip(":") in _TABLE_HEAD_WORDS:
        skipped.append(shapes_[k].text)
        k = _content(lines, k + 1, min(end, k + 6))
    if k < 0:
        return None
    title_shape = shapes_[k]
    if title_shape.table or read_number(title_shape.text) or not _TITLE_START.match(title_shape.text):
        return None
    if lines[k].text.strip() in ("Minutes:", "Decision:"):
        return None
    title, last = title_shape.text, k
    if shape.bold or title_shape.bold:
        # Bold titles set one line per paragraph: take the bold lines up to the sentence's end.
        m = k
        while not re.search(r"[.!?:]$", title) and m + 1 < end:
            m2 = _content(lines, m + 1, min(end, m + 3))
            if m2 < 0 or not shapes_[m2].bold or shapes_[m2].bullet or read_number(shapes_[m2].text):
                break
            if lines[m2].text.lstrip().startswith(("\uf0b7", "·", "•")):
                break
            if welsh_title(title) and not welsh_title(shapes_[m2].text):
                title, last = f"{title} / {shapes_[m2].text}", m2  # the Welsh title, then the English
                break
            title += " " + shapes_[m2].text
            last = m = m2
    rest = " ".join(skipped)
    return Candidate(first, last + 1, number, title, form, "split", NUMBER_ALONE, title_index=k, rest=rest)


@rule(
    NUMBER_BELOW,
    Fact.ITEM,
    example("APOLOGIES", "PLA146/14", expect=("PLA146/14", "APOLOGIES")),
    example("apologies were received", "PLA146/14", expect=None),
    weight=8,
)
def number_below(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A minute number on the line after its heading ("APOLOGIES" then "PLA146/14"): the
    heading is the run of capitals just above the number."""
    shape = shapes_[i]
    if shape.table or not shape.text:
        return None
    found = read_number(shape.text)
    if not found or found[2] or found[0] not in ("slash", "prefixed"):
        return None
    above: list[int] = []
    k = i - 1
    while k >= 0 and len(above) < 4:
        line = lines[k]
        if line.artefact or not line.is_content:
            if above:
                break
            k -= 1
            continue
        s = shapes_[k]
        if not (s.caps or s.heading or s.bold) or read_number(s.text):
            break
        above.insert(0, k)
        k -= 1
    if not above:
        return None
    title = " ".join(shapes_[k].text for k in above)
    return Candidate(above[0], i + 1, found[1], title, found[0], "split", NUMBER_BELOW, title_index=above[0])


_BODY_NAME = re.compile(
    r"\b(?:council|committee|board|cabinet|partnership|commission|panel|forum|executive|assembly|township|trustees|"
    r"selectmen|supervisors|aldermen|vestry)\b|\b(?:town|city|village|borough|parish|county|shire)\s+(?:of\b|minutes\b|agenda\b)",
    re.IGNORECASE,
)


def _date_line(text: str) -> bool:
    """A line that is only a date (and perhaps a time)."""
    found = find_dates(text, 2000)
    if not found:
        return False
    rest = text[: found[0].start] + text[found[0].end :]
    return not re.search(
        r"[A-Za-z]{3}", re.sub(r"(?i)\b(?:at|on|held|commencing|\d{1,2}[.:]\d\d|[ap]\.?m\.?)\b", "", rest)
    )


_TIME_LABEL = re.compile(r"^(?i:time|start(?:ing)?\s+time)\s*:\s*")


def _time_line(text: str) -> bool:
    """A header's line that is only a labelled time ("TIME: 6:00 PM"): the meeting's time, not an item."""
    label = _TIME_LABEL.match(text)
    rest = text[label.end() :] if label else ""
    return bool(label and find_time(rest) and len(rest.split()) <= 3)


@rule(
    UNNUMBERED_HEADING,
    Fact.ITEM,
    example("## CALL TO ORDER", expect=("", "CALL TO ORDER")),
    example("**Planning applications**", expect=("", "Planning applications")),
    example("**Wednesday, 20th November, 2013**", expect=None),
    example(
        "",
        "Delegation: Prairie Hollow Fire Department – Chief Dale Unger",
        "Chief Unger presented the department's annual report.",
        expect=("", "Delegation: Prairie Hollow Fire Department – Chief Dale Unger"),
    ),
    example("Delegations: None", expect=None),
    example(
        "**RESOLUTION 24/019 Moved: Cr Whitlam Seconded: Cr Brennan**", expect=None, note="a motion's, not a heading"
    ),
    weight=4,
)
def unnumbered_heading(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A heading with no number: "## CALL TO ORDER", "**Planning applications**", "DECLARATIONS OF INTEREST",
    or a line of its own naming a kind of business and what it is ("Delegation: Fire Department – Chief Unger"),
    which stands among capitals headings as one of them."""
    shape = shapes_[i]
    if shape.table or not shape.text or shape.bullet or shape.quote:
        return None
    labelled = _kind_labelled(lines, shapes_, i)
    if not (shape.heading or shape.bold or shape.caps or labelled):
        return None
    if read_number(shape.text) or not re.search(r"[A-Za-z]{2}", shape.text):
        return None
    if len(shape.text.split()) > 14 or (re.search(r"[.;,]$", shape.text) and not shape.heading):
        return None
    if _date_line(shape.text) or _time_line(shape.text):
        return None  # "Wednesday, 20th November, 2013": the meeting's date under its title
    if _OUTCOME_LINE.match(shape.text) or _MOTION_NUMBER.fullmatch(shape.text):
        return None  # "CARRIED", "BE IT RESOLVED THAT …", "Resolution No. 2024-130": a motion's, not a heading
    if _BODY_NAME.search(shape.text) and any(
        f.weekday_printed and f.year_printed for f in find_dates(shape.text, 2000)
    ):
        return None  # "CABINET - THURSDAY, 30 JANUARY 2025": the meeting's title, body and day
    k = _content(lines, i + 1, min(end, i + 3))
    if k >= 0 and _date_line(shapes_[k].text) and _BODY_NAME.search(shape.text):
        return None  # a body's name with the date below it: a document's title
    title, last = shape.text, i
    if labelled:
        return Candidate(i, i + 1, "", title, "none", "caps", UNNUMBERED_HEADING)
    if not shape.heading:
        title, last = _run_on(lines, shapes_, i, end, title, _style(shape), shape)
    return Candidate(i, last + 1, "", title, "none", _style(shape), UNNUMBERED_HEADING, level=shape.heading)


_KIND_LABELLED = re.compile(
    r"(?i:delegations?|deputations?|presentations?|petitions?|public\s+hearings?)\s*+[:–—-]\s++"
    r"(?!(?i:none|nil|n/a)\b)[A-Z0-9]"
)


def _kind_labelled(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> bool:
    """A plain line of its own, after a blank line and over its text, naming a kind of business and what it is."""
    if not _KIND_LABELLED.match(shapes_[i].text) or (i > 0 and lines[i - 1].is_content):
        return False
    return i + 1 < len(lines) and lines[i + 1].is_content and not _KIND_LABELLED.match(shapes_[i + 1].text)


_SUBMITTED = re.compile(
    r"^(?:(?:notice\s+of\s+)?motions?|questions?|petitions?|deputations?|amendments?|presentations?)\b[^.]{0,30}?\b"
    r"(?:submitted|proposed|tabled|asked|presented|moved)\s+by\b",
    re.IGNORECASE,
)
_NEXT_NUMBER = re.compile(r"^(?P<n>\d{1,3})(?:[.)]\s+|\.[1Il|!\[]\s+(?=will\b|wish\b)|[.)]?$)")


@rule(
    SUBMITTED_BY,
    Fact.ITEM,
    example(
        "Notice of Motion submitted by Councillor Hale", expect=("", "Notice of Motion submitted by Councillor Hale")
    ),
    example(
        "Question submitted by Councillor Hale",
        "4. What is the cost of the scheme?",
        expect=("4", "Question submitted by Councillor Hale"),
    ),
    weight=12,
)
def submitted_by(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A question or motion put by a member ("Notice of Motion submitted by Councillor X"): always
    an item, numbered by the number its text opens with ("4. What is …"; OCR's "10.1 will move"
    for "10. I will move")."""
    shape = shapes_[i]
    if shape.table or not _SUBMITTED.match(shape.text) or len(shape.text.split()) > 16:
        return None
    number = ""
    last = i
    k = _content(lines, i + 1, min(end, i + 3))
    if k >= 0:
        match = _NEXT_NUMBER.match(shapes_[k].text)
        if match:
            number = match.group("n")
            if match.end() == len(shapes_[k].text):
                last = k  # the number printed alone below the heading belongs to it
    return Candidate(
        i,
        last + 1,
        number,
        shape.text,
        "int" if number else "none",
        "caps",
        SUBMITTED_BY,
        number_index=k if number and last == i else -1,
    )


_LOST = re.compile(r"^[.·•]\s+(?=[A-Z])")


@rule(
    NUMBER_LOST,
    Fact.ITEM,
    example(". Any Other Business", expect=("", "Any Other Business")),
    example("Any Other Business", expect=None),
    weight=9,
)
def number_lost(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """An item whose number a scan lost (". Minutes", ". Any Other Business"): unnumbered."""
    text = lines[i].text.strip()
    if not _LOST.match(text):
        return None
    title = _LOST.sub("", text).strip()
    if len(title.split()) > 16:
        return None
    return Candidate(i, i + 1, "", title, "none", "list", NUMBER_LOST)


@rule(
    RUN_IN_CAPS,
    Fact.ITEM,
    example("APOLOGIES FOR ABSENCE were received from Councillor Hale.", expect=("", "APOLOGIES FOR ABSENCE")),
    example("Apologies were received from Councillor Hale.", expect=None),
    weight=2,
)
def run_in_caps(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """An unnumbered heading in capitals that runs into its text: "APOLOGIES FOR ABSENCE were received
    from …", "FINANCE. A cheque was signed …"."""
    shape = shapes_[i]
    if shape.table or shape.bullet or shape.quote or shape.heading or shape.caps or not shape.text:
        return None
    if read_number(shape.text):
        return None
    title, rest = run_in(shape.text)
    if not rest or not is_caps(title) or title == shape.text or _OUTCOME_LINE.match(title):
        return None  # "BE IT RESOLVED THAT the agenda be adopted.": a resolution's words, not a heading
    return Candidate(i, i + 1, "", title, "none", "caps", RUN_IN_CAPS, rest=rest)


_NOT_RUN_IN_LABELS = re.compile(
    r"^(?:motion|vote|votes|roll\s+call\s+vote|moved|seconded|proposed|for|against|abstained|abstentions?|proposer|"
    r"seconder|q|a|ps|nb|re|subject|"
    r"present|absent|apologies|attendees|attendance|members|purpose(?:\s+of\s+the\s+meeting)?)$",
    re.IGNORECASE,
)
RUN_IN_LABEL_WORDS = 8
RUN_IN_ITEMS = 3
"""How many labelled paragraphs make a paper's items where it sets out no headings of another kind."""
"""The most words of a label run into its paragraph ("Maintenance Log on Equipment – …")."""


@rule(
    RUN_IN_LABEL,
    Fact.ITEM,
    example(
        "Sewer Line Extension: The council discussed the letter.",
        expect=("", "Sewer Line Extension"),
    ),
    example("Street Light Cedarvale – Power lines are underground there.", expect=("", "Street Light Cedarvale")),
    example("Proposed: Cllr Hale, seconded Cllr Orr.", expect=None),
    example("Chris – we do not need to go on with it.", expect=None),
    weight=0.3,
)
def run_in_label(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A label in mixed case run into its paragraph before a colon or a spaced dash ("Sewer Line Extension:
    Council discussed …", "Speed table – Mayor read …"): an item only where the paper's other items are such
    labels or capitals headings (`_unnumbered_top` joins them to those)."""
    shape = shapes_[i]
    if shape.table or shape.bullet or shape.quote or shape.heading or shape.caps or not shape.text:
        return None
    found = _label_run_in(shape.text.strip())
    if not found:
        return None
    return Candidate(i, i + 1, "", found[0], "none", "runin", RUN_IN_LABEL, rest=found[1])


def _label_run_in(text: str) -> tuple[str, str] | None:
    """(label, text) of a line opening with a label in mixed case before a colon or a spaced dash, then a sentence
    or a name in capitals ("Invocation: Scotty Harris"), or None."""
    if read_number(text) or label_of(text) or _NOT_LABELS.match(text):
        return None
    title, rest = run_in(text)
    if not rest or title == text or is_caps(title):
        return None
    mark = text[len(title) : len(text) - len(rest)].strip()
    if not rest[:1].isupper() and not _title_cased(title):
        return None  # "Toll Free Number at JABA: over 350 callers": a title in capitals may run into any text
    words = title.split()
    if mark not in (":", "–", "—", "-") or not 0 < len(words) <= RUN_IN_LABEL_WORDS or not words[0][:1].isupper():
        return None
    if _VERB.search(title) or _NOT_RUN_IN_LABELS.match(title) or grammar.TITLE_AT_START.match(title):
        return None
    return title, rest


def _title_cased(title: str) -> bool:
    """Two words or more, most of the longer ones capitalised ("Toll Free Number at JABA")."""
    words = title.split()
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


_CAPITAL_LETTER = re.compile(r"^(?P<n>[A-H])[.)]\s+(?P<title>[A-Z][^.!?]{2,120}?)[:.]?$")


@rule(
    LETTERED_LINE,
    Fact.ITEM,
    example("B) Grant Budget Pilot", expect=("B", "Grant Budget Pilot")),
    example("b) the grant was paid", expect=None),
    example(
        "**A. Approval of Personnel Items** as listed in Attachment A.",
        expect=("A", "Approval of Personnel Items"),
        note="the bold words are the title, the item's text runs on after them",
    ),
    weight=5,
)
def lettered_line(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A capital letter and a short title ("A. Police", "B) Grant Budget Pilot"): a sub-item, kept only
    when the letters run on from A (one "A. Smith" alone is a name with its initial)."""
    shape = shapes_[i]
    if shape.table or not shape.text:
        return None
    bold = _BOLD_LETTERED.match(lines[i].text.strip())
    if bold and len(bold.group("title").split()) <= LETTERED_BOLD_WORDS:
        # "**A. Approval of Personnel Items** as listed in Attachment A …": the bold words are the title
        rest = bold.group("rest").lstrip(" –—-:").strip()
        return Candidate(
            i, i + 1, bold.group("n"), bold.group("title").strip(), "capletter", "bold", LETTERED_LINE, rest=rest
        )
    match = _CAPITAL_LETTER.match(shape.text)
    if not match or len(shape.text.split()) > LETTERED_WORDS:
        return None
    return Candidate(
        i, i + 1, match.group("n"), match.group("title").strip(), "capletter", _style(shape), LETTERED_LINE
    )


_BOLD_LETTERED = re.compile(r"^\*\*(?P<n>[A-H])[.)]\s+(?P<title>[A-Z0-9][^*]{2,240}?)[:.]?\*\*(?P<rest>.*)$")
"""A capital letter and its title set in bold, the item's text after it or on the lines below ("**B. Approval of the
Treasurer's Report and Bills Payable for August 2023.**")."""
LETTERED_BOLD_WORDS = 30
LETTERED_WORDS = 16
"""The most words of a plain capital-lettered line that is a heading ("C. Authorize Mayor to Sign Inter-Municipal
Agreement with Town of Hadley (Snow Removal)"), not a sentence."""


_LISTED_ITEM = re.compile(r"^Meeting:\s*\d{1,2}/\d{1,2}/\d{4}\s+[-–]\s+.+?\(Item\s+(?P<n>\d{1,3})\)\s*$", re.IGNORECASE)
_DATED_ENTRY = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s+[-–]\s+(?P<title>.+?)(?:\s+ref:\s*\d+\b.*)?$")


@rule(
    LISTED_ITEM,
    Fact.ITEM,
    example("Meeting: 20/10/2020 - Cabinet (Item 38)", "Waste Strategy", expect=("38", "Waste Strategy")),
    weight=11,
)
def listed_item(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A web page about one issue: "Meeting: 20/10/2020 - Cabinet (Item 38)" above the item's title."""
    shape = shapes_[i]
    if shape.table or not shape.text or len(shape.text.split()) > 30:
        return None
    k = i - 1
    while k >= 0 and (not lines[k].is_content or lines[k].artefact):
        k -= 1
    above = _LISTED_ITEM.match(shapes_[k].text) if k >= 0 else None
    if not above:
        return None
    return Candidate(i, i + 1, above.group("n"), shape.text, "int", "heading", LISTED_ITEM)


@rule(
    DATED_ENTRY,
    Fact.ITEM,
    example("19/01/2023 - SCALE OF FEES 2023/2024 ref: 5466 For Determination", expect=("", "SCALE OF FEES 2023/2024")),
    example("19/01/2023 the fees were set", expect=None),
    weight=10,
)
def dated_entry(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A decisions list's entry: "19/01/2023 - ELECTORAL SERVICES - SCALE OF FEES 2023/2024 ref: 5466 For Determination"."""
    shape = shapes_[i]
    match = _DATED_ENTRY.match(shape.text) if not shape.table and shape.text else None
    if not match or len(match.group("title").split()) > 20:
        return None
    return Candidate(i, i + 1, "", match.group("title").strip(), "none", "heading", DATED_ENTRY)


@rule(
    ATTACHMENT_TITLE,
    Fact.ITEM,
    example("Overview Report pdf icon PDF 308 KB", expect=("", "Overview Report")),
    example("Overview Report", expect=None),
    weight=3,
)
def attachment_title(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A web page's item title carrying a link to its papers ("Overview Report pdf icon PDF 308 KB"),
    when the page printed no number for it."""
    line, shape = lines[i], shapes_[i]
    if not any("pdf icon" in r.lower() or re.search(r"\b[KMG]B\b", r) for r in line.removed):
        return None
    if shape.table or not shape.text or len(shape.text.split()) > 24 or read_number(shape.text):
        return None
    return Candidate(i, i + 1, "", shape.text, "none", "heading", ATTACHMENT_TITLE)


_LABEL_HEADING = re.compile(r"^(?P<title>[A-Z][^:.;!?]{2,60}):\s*$")
_NOT_LABELS = re.compile(
    r"^(?:minutes\s*:|decision|resolved|agreed|it was|note|action|proposed|seconded|moved|carried|signed|dated|date|time|venue|place)\b",
    re.IGNORECASE,
)


@rule(
    LABEL_HEADING,
    Fact.ITEM,
    example("Police Report:", "The police reported two incidents.", expect=("", "Police Report")),
    example("Resolved:", "To approve the accounts.", expect=None),
    weight=1,
)
def label_heading(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A short line ending in a colon with the item's text below it ("Police Report:", "Planning Matters:")."""
    shape = shapes_[i]
    if shape.table or shape.bullet or shape.quote or not shape.text:
        return None
    match = _LABEL_HEADING.match(shape.text)
    if not match or len(match.group("title").split()) > 8 or _NOT_LABELS.match(shape.text) or label_of(shape.text):
        return None
    k = _content(lines, i + 1, min(end, i + 3))
    if k < 0 or _LABEL_HEADING.match(shapes_[k].text):
        return None
    if find_dates(shape.text, 2000) and len(people_in(shapes_[k].text)) >= 2:
        return None  # "Scheduled Meeting on 17 September:": a list's sub-label
    return Candidate(i, i + 1, "", match.group("title").strip(), "none", "label", LABEL_HEADING)


_ACTION_CELL = re.compile(
    r"(?:[A-Z]{1,4}(?:\s*[,/&]\s*[A-Z]{1,4}){0,4}|(?i:clerks?|chair(?:man|woman|person)?|all|rfo|secretary|treasurer|"
    r"(?:cllrs?|councillors?)\s+[A-Z][\w'’-]+(?:\s*[,/&]\s*[A-Z][\w'’-]+){0,3}))\.?"
)
"""The action column of a table of minutes: who is to act ("Clerk", "JO/EM", "Cllr Orr"), not a figure or a name."""
_CELL_NUMBER = re.compile(
    r"^(?:item\s+|min(?:ute)?\.?\s+)?(?P<n>\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?|\d{1,3}\.[A-Z]|\d{1,4}/\d{2,4}"
    r"|[A-Z]{1,5}/?\d{1,4}(?:/\d{1,4}){1,2}|[A-Z]{1,5}\.\d{1,4}/\d{1,4})"
    r"[.)]?$",
    re.IGNORECASE,
)
"""A row's first cell holding an item's number: "3", "11.1", "Item 4", "21/03" (a minute's number), "P/24/031" or
"ES.24/041" (a committee's prefix, the year and the minute)."""
_CELL_LETTER = re.compile(r"^\(?(?P<n>[a-z])[.)]$")
"""A row's first cell holding a sub-item's letter: "a.", "b)", "(c)"."""
_MONEY_OR_FIGURE = re.compile(r"^[£$€]?\s*[\d,.]+(?:\s*[a-zA-Z%]{0,3})?$")


@rule(
    TABLE_ROW,
    Fact.ITEM,
    example("1\tApologies for absence", expect=("1", "Apologies for absence")),
    example("| 3 | Minutes of the last meeting | 5-9 |", expect=("3", "Minutes of the last meeting (Pages 5-9)")),
    example("1 | Supplier | £400", expect=None),
    example("4\tPlanning: no objection to 19/0123.\tClerk", expect=("4", "Planning")),
    example("2 | Cllr Ann Orr | Present", expect=None, note="a register's row, its last cell no one's action"),
    example("21/01\tApologies\tCllr S Black sent apologies.", expect=("21/01", "Apologies")),
    example("21/03\tMinutes\tApproved and signed.\tClerk", expect=("21/03", "Minutes")),
    example("P/24/031\tAPOLOGIES FOR ABSENCE", expect=("P/24/031", "APOLOGIES FOR ABSENCE")),
    example("ES.24/058\tApologies", expect=("ES.24/058", "Apologies")),
    example("3\tHall hire\t£15.00\tClerk", expect=None, note="a payment and who pays it"),
    example("a.\tApprove the purchase of a van", expect=("a", "Approve the purchase of a van")),
    example("a.\tthe grant was paid", expect=None),
    example("4.C\tMonthly Financial Report – March 2024", expect=("4.C", "Monthly Financial Report – March 2024")),
    weight=14,
)
def table_row(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """An agenda set out as a table, one item to a row: "1\tApologies for absence",
    "| 3 | Minutes of the last meeting |", "11.1 | To note the update. |"."""
    cells = [unmark(c) for c in row_cells(lines[i].text) if unmark(c)]
    acting = len(cells) in (3, 4) and bool(_ACTION_CELL.fullmatch(cells[-1]))
    action = cells[-1] if acting else ""
    body = cells[:-1] if acting else cells
    pages = len(body) == 3 and bool(re.fullmatch(r"(?i:(?:pages?\s+)?[\d\s–-]+)", body[2]))
    said = len(body) == 3 and not pages and _minute_text(body[2])
    if not 2 <= len(body) <= 3 or (len(body) == 3 and not pages and not said):
        return None  # a row of figures or names ("1 | Supplier | £400"), not an item, its title and its pages
    title = cells[1]
    letter = _CELL_LETTER.match(cells[0])
    if letter and len(body) == 2 and _TITLE_START.match(title) and len(title.split()) <= 30:
        # "a.⇥Approve the purchase of a van": a lettered line set off by a tab, a sub-item as "a. Approve …" is
        return Candidate(i, i + 1, letter.group("n"), title, "letter", "plain", TABLE_ROW)
    number = _CELL_NUMBER.match(cells[0])
    if not number or number.group("n").startswith("0") or not _TITLE_START.match(title) or len(title.split()) > 30:
        return None  # "08 | Haydn Gill": a register's entry number
    rest = ""
    if pages:
        pages_text = re.sub(r"(?i)^pages?\s+", "", body[2])
        title = f"{title} (Pages {pages_text})"  # the pages column, kept as the agenda prints a page range
    else:
        title, rest = run_in(title)  # "Apologies: Cllr Gray.": the minute's heading, then its text
        # "21/03 | Minutes | Approved and signed. | Clerk": the minute's text, then who is to act, kept with it
        rest = " ".join(part for part in (rest, body[2] if said else "", action) if part)
    form = "slash" if "/" in number.group("n") else "dotted" if "." in number.group("n") else "int"
    return Candidate(i, i + 1, number.group("n"), title, form, "table", TABLE_ROW, rest=rest)


def _minute_text(cell: str) -> bool:
    """A cell that reads as what a minute says, a sentence ("Cllr S Black sent apologies.", "Approved and signed.",
    "None."), not a figure, a sum, a register's mark ("Present") or a reference to an item ("Item 8")."""
    if _MONEY_OR_FIGURE.match(cell) or re.match(r"(?i:item|agenda|page)s?\s+\d", cell):
        return False  # "£15.00", "Item 8 Parking levy": a sum, or a reference to an item
    return bool(re.search(r"[A-Za-z]{3}", cell)) and cell.rstrip().endswith((".", "!", "?"))


def _next_row(lines: Sequence[Line], i: int, end: int) -> tuple[int, list[str]]:
    """The next content line within three of line `i`, and its cells ([] when none)."""
    k = next((k for k in range(i + 1, min(end, i + 4)) if lines[k].is_content and not lines[k].artefact), -1)
    return k, [unmark(c) for c in row_cells(lines[k].text)] if k >= 0 else []


@rule(
    TOPIC_ROW,
    Fact.ITEM,
    example(
        "| Police Scotland | Constable Reid told the meeting that crime had fallen this month. |",
        expect=("", "Police Scotland"),
    ),
    example("| Clerk | Jane Doe |", expect=None),
    weight=13,
)
def topic_row(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """Minutes kept as a table, a topic to a row: "| Police Scotland | Constable R told the meeting … |",
    the discussion running on in rows whose first cell is empty."""
    cells = [unmark(c) for c in row_cells(lines[i].text)]
    if len(cells) < 2 or not cells[0] or not any(cells[1:]):
        return None
    topic, said = cells[0], " ".join(c for c in cells[1:] if c)
    if (
        len(topic.split()) > 8
        or not _TITLE_START.match(topic)
        or read_number(topic)
        or label_of(topic)
        or topic.endswith(":")
        or find_dates(topic, 2000)
        or re.search(r"[£$€%]|\d[\d,.]*$", said)
    ):
        return None
    k, follows = _next_row(lines, i, end)
    last = i
    if len(follows) >= 2 and follows[0] and re.search(r"\b(?:and|of|the|for|to|on|in|&)$", topic, re.IGNORECASE):
        topic, last = f"{topic} {follows[0]}", k  # "Election Results and" / "election of office bearers"
        k, follows = _next_row(lines, k, end)
    runs_on = len(follows) >= 2 and not follows[0] and any(follows[1:])
    if not runs_on and len(said.split()) < 6:
        return None  # a short pair ("Clerk | Jane Doe"), not a topic and its discussion
    return Candidate(i, last + 1, "", topic, "none", "table", TOPIC_ROW, rest=said)


@rule(
    HOUSE_NUMBER,
    Fact.ITEM,
    example(
        "style-number: \\(\\d{2}-\\d{3}\\)",
        "(06-600) Adoption of the budget",
        expect=("(06-600)", "Adoption of the budget"),
    ),
    example("(06-600) Adoption of the budget", expect=None, note="no house style"),
    weight=6.5,
)
def house_number(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A line opening with a number printed the way the site's house style numbers its items ("(06-600)",
    "CP/41/19"), a shape the built-in rules may not know; the title follows it, or stands on the next line."""
    shape_ = housestyle.current_items()
    if not shape_ or not shape_.number:
        return None
    shape = shapes_[i]
    if shape.table or not shape.text:
        return None
    match = re.match(rf"\(?(?P<n>{shape_.number})\)?(?:[.):]|\s*[-–—]\s|\s+|$)", shape.text)
    if not match:
        return None
    title, last = shape.text[match.end() :].strip(), i
    if not title:
        k = _content(lines, i + 1, min(end, i + 3))
        if k < 0:
            return None
        title, last = shapes_[k].text, k
    if not title or not _TITLE_START.match(title):
        return None
    title, rest = run_in(title)
    return Candidate(i, last + 1, match.group("n"), title, "house", _style(shape), HOUSE_NUMBER, rest=rest)


@rule(
    KNOWN_TITLE,
    Fact.ITEM,
    example("style-title: Public Comment", "Public Comment:", expect=("", "Public Comment")),
    example("style-title: Finance Report", "Finance Report: the accounts were paid.", expect=("", "Finance Report")),
    example("style-title: Finance Report", "Finance Report on the year's accounts", expect=None),
    example(
        "style-title: Minutes of previous meeting – 6th March 2017",
        "Minutes of the previous meeting - 4th September 2017: The Minute was approved.",
        expect=("", "Minutes of the previous meeting - 4th September 2017"),
    ),
    example("Public Comment:", expect=None, note="no house style"),
    weight=0.5,
)
def known_title(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A line that is one of the titles the site's meetings reuse ("Call to Order", "Public Comment"), however
    it is set."""
    titles = housestyle.current_titles()
    if not titles:
        return None
    shape = shapes_[i]
    # A table row's first cell may hold the title ("Finance Report: accounts paid … | Clerk").
    line = shape.text.split("\t", 1)[0].strip() if shape.table else shape.text.strip()
    text, rest = line.rstrip(":").strip(), ""
    if len(text.split()) > known_titles.TITLE_WORDS or not known_titles.is_known(text, titles):
        # "Finance Report: accounts were paid …": a known title run into the item's text
        heads = known_titles.run_in_heads(line)
        text, rest = next(((h, r) for h, r in heads if known_titles.is_known(h, titles)), ("", ""))
        if not text:
            return None
    style = _style(shape)
    return Candidate(i, i + 1, "", text, "none", "heading" if style == "plain" else style, KNOWN_TITLE, rest=rest)


@rule(
    AGENDA_LINE,
    Fact.ITEM,
    example(
        "## AGENDA", "", "Call to Order", "", "Public Comment", "", "New Business", "", expect=("", "Call to Order")
    ),
    example(
        "## AGENDA",
        "",
        "Consent Agenda",
        "- Approval of Minutes",
        "",
        "New Business",
        "",
        "Adjourn",
        expect=("", "Consent Agenda"),
    ),
    example("", "Road Report", "", "The grader was mended last week and is back on the roads.", "", expect=None),
    example("", "the clerk read the letter", "", "New Business", "", expect=None),
    example(
        "The motion carried.",
        "",
        "Kristy Hale",
        "",
        "Elm Township Clerk",
        expect=None,
        note="a signature, not an agenda",
    ),
    weight=0.4,
)
def agenda_line(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, end: int) -> Candidate | None:
    """A short line in title case among others like it, with nothing between them but blank lines and lists
    ("Call to Order" / "Roll Call" / "Consent Agenda" / "- Approval of Minutes"): an agenda's item printed plain,
    with no number or bold. In minutes, text stands between the headings."""
    closing = bool(_CLOSING_LINE.fullmatch(shapes_[i].text.strip()))
    if not _agenda_title(shapes_[i], 1 if closing else 2):
        return None
    before = _content_near(lines, i, -1, end)
    after = _content_near(lines, i, 1, end)
    if before < 0 or (after < 0 and not closing) or before == i - 1 or (after == i + 1 and not shapes_[after].bullet):
        return None  # the paper's first line, its last (unless it adjourns), or run into the text above or below it
    near = (before, after) if after >= 0 else (before,)
    if not all(shapes_[k].bullet or shapes_[k].heading or _agenda_title(shapes_[k], 1) for k in near):
        return None
    return Candidate(i, i + 1, "", shapes_[i].text.strip(), "none", "plain", AGENDA_LINE)


def _agenda_title(shape: Shape, fewest: int) -> bool:
    """A plain line that reads as an agenda's title: `fewest` to ten words in title case, no full stop, no
    number, no date, no label."""
    if shape.table or shape.bullet or shape.quote or shape.heading or shape.bold or shape.caps or not shape.text:
        return False
    text = shape.text.strip()
    words = re.findall(r"[A-Za-z][\w'’/-]*", text)
    long_words = [w for w in words if len(w) > 3]
    return (
        fewest <= len(text.split()) <= _AGENDA_LINE_WORDS
        and text[-1] not in ".,;:!?"
        and bool(long_words)
        and words[0][0].isupper()
        and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
        and not read_number(text)
        and not label_of(text)
        and not find_dates(text, 2000)
    )


def _content_near(lines: Sequence[Line], i: int, step: int, end: int) -> int:
    """The nearest content line before (step -1) or after (step 1) line i, or -1."""
    k = i + step
    while 0 <= k < end and (not lines[k].is_content or lines[k].artefact):
        k += step
    return k if 0 <= k < end else -1


_AGENDA_LINE_WORDS = 10
_CLOSING_LINE = re.compile(r"(?:adjourn(?:ment)?|close\s+of\s+(?:the\s+)?meeting)", re.IGNORECASE)
"""An agenda's last line that closes the meeting ("Adjourn"): an item though it is one word and the last."""
"""An agenda's plain item line is a title: at most this many words."""


def line_rules() -> list[Rule]:
    """The item rules that read one line at a time, heaviest first."""
    return sorted(
        (r for r in rules_of(Fact.ITEM) if r.id not in (*DOCUMENT_RULES, HOUSE_HEADER)), key=lambda r: -weight_of(r.id)
    )


def _mark_lists(found: list[Candidate], lines: Sequence[Line]) -> list[Candidate]:
    """A run of numbered lines, one straight after another, that starts again from 1 after a higher
    number of the same scheme is a list inside an item ("The following payments were approved: 1. … 2. …")."""
    out = list(found)
    n = 0
    while n < len(out):
        c = out[n]
        if c.key != (1,) or c.form not in ("int", "dotted"):
            n += 1
            continue
        earlier = [d for d in out[:n] if d.scheme == c.scheme and d.key > c.key]
        run = [n]
        m = n + 1
        while (
            m < len(out)
            and out[m].scheme == c.scheme
            and out[m].key[0] == out[run[-1]].key[0] + 1
            and _adjacent(lines, out[run[-1]].index, out[m].index)
        ):
            run.append(m)
            m += 1
        if earlier and len(run) >= 2:
            # Right under its item's heading: no text (not even a line that is a candidate) between.
            under = out[n - 1] is earlier[-1] and _adjacent(lines, out[n - 1].end - 1, c.index)
            for k in run:
                out[k] = replace(out[k], in_list=True, list_under_heading=under)
        n = m
    # Where a paper sets its items as headings, a run of plain numbered lines one under another
    # ("01 David Redgewell", "02 Ian Pond" under "Public Forum Statements") is a list inside an item.
    strong = Counter(c.scheme for c in out if c.style in ("heading", "bold", "caps") and c.number)
    counted = {scheme for scheme in strong if _counts_on(out, scheme)}
    for k, c in enumerate(out):
        if c.in_list or c.style not in ("plain", "list") or strong[c.scheme] < 3 or c.scheme in counted:
            continue
        before = next((d for d in reversed(out[:k]) if d.scheme == c.scheme), None)
        after = next((d for d in out[k + 1 :] if d.scheme == c.scheme), None)
        if any(
            d is not None
            and d.style in ("plain", "list")
            and _adjacent(lines, min(d.index, c.index), max(d.index, c.index))
            for d in (before, after)
        ):
            out[k] = replace(c, in_list=True)
    return out


def _counts_on(found: Sequence[Candidate], scheme: str) -> bool:
    """Whether a scheme's numbers, plain and bold alike, count on one by one from 1 through the paper ("1. Welcome",
    "**4. Clerk's Report**", "5. Members of the Public"): one numbering of items, some set in bold, not lists."""
    keys = [c.key[0] for c in found if c.scheme == scheme and c.form in ("int", "dotted") and len(c.key) == 1]
    return len(keys) >= 4 and keys[0] == 1 and all(b == a + 1 for a, b in itertools.pairwise(keys))


def _adjacent(lines: Sequence[Line], a: int, b: int) -> bool:
    """Whether lines a and b have nothing but blank lines (at most one) and page furniture between them."""
    between = [k for k in range(a + 1, b) if lines[k].is_content and not lines[k].artefact]
    blanks = sum(1 for k in range(a + 1, b) if not lines[k].is_content)
    furniture = any(lines[k].artefact for k in range(a + 1, b))
    return not between and (blanks <= 1 or (furniture and b - a <= 12))


def _title_wrapped(lines: Sequence[Line], shapes_: Sequence[Shape], k: int, end: int) -> int:
    """The line after a title's wrapped lines from line k on: lines straight under it in bold, as short as a
    heading's line."""
    while k < end and lines[k].is_content and shapes_[k].bold and len(shapes_[k].text.split()) <= _SHORT_LINE:
        k += 1
    return k


_NAMES_THE_MEETING = re.compile(
    r"(?i:\b(?:minutes|notes|record)\s+of\s+(?:the\s+|an?\s+)?(?!(?:previous|last|prior)\b)(?:[\w'’-]+\s+){0,4}meeting\s+of\b)|"
    # "Minutes of the Ordinary Meeting held in Aultmore Hall on Tuesday 8th"
    r"(?i:^minutes\s+of\s+(?:the\s+|an?\s+)?(?!(?:previous|last|prior)\b)(?:[\w'’-]+\s+){0,3}meeting\s+held\b)|"
    r"\bmeeting\s+of\s+(?:the\s+)?[A-Z][^.]{0,80}\s(?:held|HELD)\b|"
    r"(?i:^(?:\w+\s+){0,4}meeting\s+(?:minutes|agenda)$)"  # "REGULAR COUNCIL MEETING MINUTES"
)


_KIND_NAMED = re.compile(r"(?i)\b(?:minutes|agenda)\b")
_ABOUT_MINUTES = re.compile(
    r"(?i)\b(?:(?:approv(?:al|e|es|ing)|previous|last|prior|confirm\w*|adopt\w*|review\w*|correct\w*|accept\w*|signing|"
    r"matters)\b|minutes\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}(?:meeting|committee|board|council)s?\b(?!\s+(?:held|of)\b))"
)
"""What an item about minutes says ("Approval of Minutes", "Minutes of the Planning Committee"): an item, not a title."""
TITLE_LINES = 6
"""The paper's title stands in its first lines."""


def _titles_the_paper(found: ItemHeading, lines: Sequence[Line], start: int) -> bool:
    """Whether the first heading of a document, unnumbered, is its title: in its first lines, naming its kind and
    not what an item about minutes says ("ELM WATER DISTRICT" / "MINUTES – BOARD OF DIRECTORS")."""
    if len(found.title.split()) < 3 or not _KIND_NAMED.search(found.title) or _ABOUT_MINUTES.search(found.title):
        return False  # ("Minutes" alone is the item of a web page's papers, or a kind line read elsewhere)
    before = sum(1 for k in range(start, found.index) if lines[k].is_content and not lines[k].artefact)
    return before < TITLE_LINES


_CONTACT_LINE = re.compile(
    r"(?i)(?:tel(?:ephone)?|phone|fax|mobile|e-?mail|web(?:site)?)\s*+[:.]?\s*+(?:\(?\+?\d[\d ()-]{5,}|\S+@\S+|www\.|https?:)"
)
"""A letterhead's line of contacts: "Fax: (303) 429-2632", "Tel 01234 567890", "Email: clerk@…"."""


def candidates(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape] | None = None) -> list[Candidate]:
    """Every line in lines[start:end] that could open an item, in order, none overlapping."""
    shapes_ = shapes_ or shapes(lines)
    # The rules and their weights are the same for every line of one reading: found once, not a line at a time.
    weighed = [(r.func, weight_of(r.id)) for r in line_rules() if enabled(r.id)]
    out: list[Candidate] = []
    i = start
    while i < end:
        line = lines[i]
        if not line.is_content or line.artefact:
            i += 1
            continue
        found = _best_candidate(weighed, lines, shapes_, i, end)
        if found and out and out[-1].number_index == i and found.number == out[-1].number:
            found = None  # "4. What is …": the number a question above took as its own
        if (
            found
            and not found.number
            and not any(c.number for c in out)
            and len(out) <= 2
            and _NAMES_THE_MEETING.search(found.title[:200])
        ):
            # "MINUTES OF OCTOBER MONTHLY MEETING OF … HELD IN …": the paper's title (under its letterhead), not an
            # item; a line of it wrapped in the same dress is no item either ("… on Tuesday 8th" / "November 2022")
            out = [c for c in out if c.style != found.style]
            i = _title_wrapped(lines, shapes_, found.end, end)
            continue
        if found and not found.number and _CONTACT_LINE.match(unmark(shapes_[found.index].text).strip()):
            found = None  # "## Fax: (303) 429-2632": the letterhead's telephone line, not an item
        if found:
            # A heading found by looking upwards may take lines an earlier candidate took.
            while out and out[-1].end > found.index:
                out.pop()
            out.append(found)
            i = max(found.end, i + 1)
        else:
            i += 1
    return _mark_resolution_points(_mark_lists(_year_suffixes(out), lines), lines)


_RESOLUTION_OPENING = re.compile(
    r"(?i)(?:\b(?:resolved|resolution|agreed|recommend\w*|decided|decision|determined)\b[^.]{0,120}?|\bthat)\s*[:–—-]?\s*$"
)
"""The line a resolution's lettered points follow: "RESOLVED that the Committee:", "It was agreed that", "Decision –"."""
_LETTER_MARK = re.compile(r"^\s*\(?[a-z]{1,3}[.)]")


def _mark_resolution_points(found: list[Candidate], lines: Sequence[Line]) -> list[Candidate]:
    """Lettered lines under a resolution's opening are its points; under a heading or "as follows:" they are
    sub-items ("5. Consent Agenda" / "a. Approve Minutes of …")."""
    out = []
    for c in found:
        if c.form in ("paren", "letter"):
            k = c.index - 1
            while k >= 0 and (not lines[k].text.strip() or _LETTER_MARK.match(lines[k].text)):
                k -= 1
            if k >= 0 and _RESOLUTION_OPENING.search(unmark(lines[k].text).strip()):
                c = replace(c, after_resolution=True)
        out.append(c)
    return out


def _best_candidate(
    weighed: Sequence[tuple[Callable[..., Candidate | None], float]],
    lines: Sequence[Line],
    shapes_: Sequence[Shape],
    i: int,
    end: int,
) -> Candidate | None:
    """What every line rule (`weighed`: each enabled one's function and weight, heaviest first) sees at line i,
    weighed: the heaviest candidate."""
    best: Candidate | None = None
    best_weight = 0.0
    for func, weight in weighed:
        found = func(lines, shapes_, i, end)
        if found is None:
            continue
        if best is None or weight > best_weight:
            best, best_weight = found, weight
    return best


def _year_suffixes(found: list[Candidate]) -> list[Candidate]:
    """Minute numbers that end with the year ("AM119", "AM219", "AM319": minutes 1, 2 and 3 of
    2019): three or more of one prefix, all with the same last two digits, count without them."""
    by_scheme: dict[str, list[int]] = defaultdict(list)
    for n, c in enumerate(found):
        if c.form == "prefixed" and re.fullmatch(r"[A-Z]{1,4}\d{3,5}", c.number):
            by_scheme[c.scheme].append(n)
    out = list(found)
    for members in by_scheme.values():
        if len(members) >= 3 and len({found[n].number[-2:] for n in members}) == 1:
            for n in members:
                out[n] = replace(found[n], year_digits=2)
    return out


# --- choosing the scheme ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemHeading:
    """An item of business as found: its heading's lines, number, title and level."""

    index: int
    end: int
    number: str
    title: str
    pages: str = ""
    level: int = 0
    """0 for an item, 1 for a sub-item (4.1 under 4, (a) under 3)."""
    parent: str = ""
    """Number of the item a sub-item belongs to."""
    rule: str = ""
    scheme: str = ""
    title_index: int = -1
    rest: str = ""


def _emphasis(candidate: Candidate) -> float:
    """How much of its style's weight a candidate carries: less with a long title, less inside a list."""
    words = len(candidate.title.split())
    shortness = 1.0 if words <= 12 else 0.7 if words <= 25 else 0.4
    return shortness * (0.3 if candidate.in_list else 1.0)


def _weight(candidate: Candidate) -> float:
    return style_weight(candidate.style) * _emphasis(candidate)


def _increasing_chain(group: Sequence[Candidate]) -> list[Candidate]:
    """The heaviest chain of candidates whose numbers strictly rise, in document order."""
    n = len(group)
    if n == 0:
        return []
    weights = [_weight(c) for c in group]
    best = list(weights)
    back = [-1] * n
    for j in range(n):
        for k in range(j):
            rises = group[k].key < group[j].key and group[j].key[0] - group[k].key[0] <= MAX_GAP
            if rises and best[k] + weights[j] > best[j]:
                best[j] = best[k] + weights[j]
                back[j] = k
    j = max(range(n), key=lambda m: (best[m], -m))
    chain = []
    while j >= 0:
        chain.append(group[j])
        j = back[j]
    return chain[::-1]


def _chain(group: Sequence[Candidate]) -> list[Candidate]:
    chain = _increasing_chain(group)
    if not chain:
        return chain
    used = {c.key for c in chain}
    styles = Counter(c.style for c in chain)
    main_style = styles.most_common(1)[0][0]
    # An item taken out of order ("Item No. 2 would be taken at this stage") keeps its own number.
    for candidate in group:
        if candidate in chain or candidate.key in used:
            continue  # "Item 56." read out in a transcript of item S-56
        if candidate.key > chain[-1].key:
            continue
        if candidate.style == main_style and candidate.headingish and len(candidate.title.split()) <= 10:
            chain.append(candidate)
            used.add(candidate.key)
    return sorted(chain, key=lambda c: c.index)


def chain_features(chain: Sequence[Candidate]) -> dict[str, float]:
    """A chain's score as the features of a linear model: per style, the emphasis its headings carry;
    and whether it starts at the start ("1", "2019/1"). `bench/fit_weights.py` fits their coefficients."""
    features: dict[str, float] = defaultdict(float)
    for c in chain:
        features[c.style] += _emphasis(c)
    first = chain[0] if chain else None
    if first and (first.key[:1] in ((1,), (0,)) or (first.form == "slash" and first.key[-1:] == (1,))):
        features[STARTS_AT_ONE] = 1.0
    return dict(features)


def _chain_score(chain: Sequence[Candidate]) -> float:
    """The sum of `chain_features` times their coefficients, added up candidate by candidate."""
    if not chain:
        return 0.0
    score = sum(_weight(c) for c in chain)
    if chain_features([chain[0]]).get(STARTS_AT_ONE):
        score += model(CHAIN_MODEL).get(STARTS_AT_ONE, START_PRIOR)
    return score


TOP_FORMS = ("int", "slash", "prefixed", "section", "dotted", "roman", "house")


def _auto_numbered(found: Sequence[Candidate]) -> list[Candidate]:
    """A list whose every entry is printed "1." (a word processor's list exported without its
    numbering): the entries are the items, each with the number as printed."""
    ones = [c for c in found if c.form == "int" and c.number == "1" and c.style in ("list", "plain")]
    others = [c for c in found if c.form == "int" and c.number not in ("1",)]
    return ones if len(ones) >= 3 and len(others) < len(ones) // 2 else []


_CODED_SCHEME = re.compile(r"slash:[A-Z]{2,3}")
_REPORT_CODE = re.compile(r"[A-Z]{2,3} \d{1,3}/\d{2,4}")


def _report_codes(chains: dict[str, list[Candidate]]) -> list[Candidate]:
    """Items numbered by the report codes of the directorates that wrote them, each counting on its own ("MM
    01/24", "GM 01/24", "GM 02/24", "CS 01/24"): one reading in the paper's order, where three directorates or more
    number so; [] otherwise."""
    coded = [
        chain
        for scheme, chain in chains.items()
        if _CODED_SCHEME.fullmatch(scheme) and all(_REPORT_CODE.fullmatch(c.number) for c in chain)
    ]
    if len(coded) < 3:
        return []
    return sorted((c for chain in coded for c in chain), key=lambda c: c.index)


def scheme_chains(found: Sequence[Candidate]) -> dict[str, list[Candidate]]:
    """Per numbering scheme, the heaviest rising chain of its numbered candidates: the rival readings of
    a paper's items, of which `choose_items` takes the one scoring most (`_chain_score`)."""
    numbered = [c for c in found if c.number and c.form in TOP_FORMS and not c.in_list]
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in numbered:
        groups[c.scheme].append(c)
    chains = {scheme: _chain(group) for scheme, group in groups.items()}
    coded = _report_codes(chains)
    if coded:
        chains = {scheme: chain for scheme, chain in chains.items() if not _CODED_SCHEME.fullmatch(scheme)}
        chains["slash:coded"] = coded
    if "section" in chains:
        # "D.-1." under "D. PRESENTATIONS": items numbered in lettered sections are the sections' sub-items
        # where the sections are printed as lettered headings.
        sections = {
            c.number[:1] for c in _lettered_from_a([c for c in found if c.form == "capletter" and not c.in_list])
        }
        if {c.number[:1] for c in chains["section"]} <= sections:
            del chains["section"]
    if "dotted" in chains and "int" in chains:
        # "4.1" under "4": dotted numbers are sub-items of whole numbers when both are there.
        parents = {c.key[:1] for c in chains["int"]}
        if any(c.key[:1] in parents for c in chains["dotted"]):
            del chains["dotted"]
    return chains


def choose_items(found: Sequence[Candidate]) -> list[ItemHeading]:
    """The items (and sub-items) among the candidates."""
    auto = _auto_numbered(found)
    if auto:
        return [_heading(c) for c in auto]
    chains = scheme_chains(found)
    best_scheme = max(chains, key=lambda s: (_chain_score(chains[s]), -chains[s][0].index), default="")
    top = chains.get(best_scheme, [])
    unnumbered = _unnumbered_top(found, top)
    if unnumbered is not None:
        return unnumbered
    if len(top) == 1 and top[0].style in ("plain", "list") and not top[0].headingish:
        top = []
    if not top:
        # "A. Approval of Minutes", "B. Bills": a paper that letters its items and numbers none
        top = _lettered_from_a([c for c in found if c.form == "capletter" and not c.in_list])
    # Questions and motions put by members are items wherever they stand, numbered or not.
    series = [c for c in found if c.rule == SUBMITTED_BY]
    if len(series) >= 2 and top:
        numbers = {c.number for c in top}
        top = sorted(list(top) + [c for c in series if c not in top and c.number not in numbers], key=lambda c: c.index)
    if not top:
        return []
    heads = [_heading(c) for c in top]
    return _with_sub_items(heads, found, top)


_ITEM_REFERENCE = re.compile(r"(?<!\s)\s*\((?:agenda\s+)?item\s+\d{1,3}[a-z]?\)\s*$", re.IGNORECASE)
"""A title's "(Agenda item 2)": the agenda's number for the minute, kept as text below the heading."""


def _lettered_from_a(capitals: Sequence[Candidate]) -> list[Candidate]:
    """Capital-lettered headings running on from A without a gap (A, B, C …), or none: one "A. Smith" alone is
    a name with its initial."""
    chain = _increasing_chain(list(capitals))
    if (
        len(chain) >= 2
        and chain[0].number == "A"
        and all(b.key[0] == a.key[0] + 1 for a, b in itertools.pairwise(chain))
    ):
        return chain
    return []


def _heading(c: Candidate, level: int = 0, parent: str = "") -> ItemHeading:
    title, pages = _clean_title(c.title)
    rest = c.rest
    reference = _ITEM_REFERENCE.search(title)
    if reference and reference.start() > 0:
        title, rest = title[: reference.start()].rstrip(), (reference.group(0).strip() + (f" {rest}" if rest else ""))
    number = c.number.rstrip(".")
    return ItemHeading(c.index, c.end, number, title, pages, level, parent, c.rule, c.scheme, c.title_index, rest)


def _unnumbered(found: Sequence[Candidate]) -> list[Candidate]:
    """The candidates without numbers that could be items (not a kind's name, a presence label or a question)."""
    return [
        c
        for c in found
        if c.form == "none"
        and (
            not _KIND_WORDS.match(c.title)
            or c.rule in (NUMBER_LOST, ATTACHMENT_TITLE, RUN_IN_CAPS, KNOWN_TITLE, RUN_IN_LABEL)
        )
        and not _presence_label(c.title)
        and c.rule != SUBMITTED_BY
    ]


def unnumbered_styles(found: Sequence[Candidate]) -> dict[tuple[str, int], list[Candidate]]:
    """Headings without numbers by style and level: the rival readings of a paper with unnumbered items, of
    which `_unnumbered_top` takes the one weighing most (how many, times `style_weight`)."""
    by_style: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
    for c in _unnumbered(found):
        by_style[(c.style, c.level)].append(c)
    return by_style


def _unnumbered_top(found: Sequence[Candidate], top: Sequence[Candidate]) -> list[ItemHeading] | None:
    """Headings without numbers are the items when numbers are missing or restart under them."""
    plain = _unnumbered(found)
    if len(plain) < 2 and not (plain and plain[0].rule == DATED_ENTRY):
        return None
    by_style = unnumbered_styles(found)
    # Titles the house style knows join whichever headings are chosen (`_with_known_titles`), in any dress.
    rivals = {
        key: kept
        for key, group in by_style.items()
        if key[0] != "runin" and (kept := [c for c in group if c.rule != KNOWN_TITLE])
    }
    if not rivals:
        rivals = {key: group for key, group in by_style.items() if key[0] != "runin"}
    run_in_labels = by_style.get(("runin", 0), [])
    if len(run_in_labels) >= RUN_IN_ITEMS and all(len(group) < 2 for group in rivals.values()):
        # Paragraphs titled by their labels and no headings of another kind ("Yellow Books: Discussed …"): the
        # labels are the items ("Old Business" alone on its line only groups them).
        rivals = {("runin", 0): run_in_labels}
    if not rivals:
        return None
    (style, level), chosen = max(rivals.items(), key=lambda kv: (len(kv[1]) * style_weight(kv[0][0]), -kv[1][0].index))
    chosen = _with_label_twins(chosen, style, by_style)
    chosen = _with_known_titles(chosen, found)
    if len(chosen) < (3 if style == "label" else 2) and not all(c.rule == DATED_ENTRY for c in chosen):
        return None
    # An export that changes how it sets headings part-way ("**Introductions**" … then "### Debate"):
    # another strong style whose headings all stand before (or after) the chosen ones is the same level.
    for key, group in by_style.items():
        if key == (style, level) or len(group) < 2 or key[0] not in ("heading", "bold"):
            continue
        if group[-1].index < chosen[0].index or group[0].index > chosen[-1].index:
            chosen = sorted(chosen + group, key=lambda c: c.index)
    ints = [c for c in found if c.form == "int" and c.number]
    numbers_restart = sum(1 for c in ints if c.number == "1") >= 2
    if top and len(top) >= 2 and not numbers_restart:
        return None
    if sum(1 for c in top if c.style in ("heading", "bold", "caps")) >= 3 and (
        len(chosen) < len(top) or top[0].index < chosen[0].index
    ):
        return None  # numbered headings open the paper or outnumber the unnumbered ones: the numbers are the items
    if top and style == "plain":
        return None
    heads: list[ItemHeading] = []
    starts = [c.index for c in chosen]
    for n, c in enumerate(chosen):
        heads.append(_heading(c))
        stop = starts[n + 1] if n + 1 < len(starts) else 10**9
        subs = [s for s in found if s.form in ("int", "paren", "letter") and s.number and c.index < s.index < stop]
        chain = _sub_chain(subs, lists=True)
        for s in chain:
            sub = _heading(s, 1, "")
            if s.form == "paren":
                sub = replace(sub, number=f"({s.number})")
            elif len(chain) == 1 and s.form == "int" and len(s.number) >= LONE_NUMBER_DIGITS:
                # "911 Dispatch" alone under "UNFINISHED BUSINESS": a title that opens with a number
                sub = replace(sub, number="", title=f"{s.number} {sub.title}")
            heads.append(sub)
    return heads


LONE_NUMBER_DIGITS = 3
"""A sub-item alone under an unnumbered heading, "numbered" with this many digits, is a title that opens with a number
("911 Dispatch"): sections number their items from 1."""


def _with_label_twins(
    chosen: list[Candidate], style: str, by_style: dict[tuple[str, int], list[Candidate]]
) -> list[Candidate]:
    """Capitals headings set as labels ("OLD BUSINESS:", "PLAYGROUND: We will …") take their twins in other
    dress as items too: labels in bold ("**NEW BUSINESS:**"), in mixed case on a line of their own ("Public
    Comment Period:") or run into their paragraph ("Sewer Rates: Normally …", "Speed table – Mayor …")."""
    labels = sum(1 for c in chosen if c.title.endswith(":"))
    if style not in ("caps", "bold", "heading") or not any(
        c.rule == RUN_IN_CAPS or c.title.endswith(":") for c in chosen
    ):
        return chosen
    if style == "heading" and labels * 2 < len(chosen):
        return chosen  # headings that are mostly titles, not labels ("General:", "Fall Festival:")
    twins = [
        c
        for key, group in by_style.items()
        if key[0] in ("runin", "label", "caps", "bold") and key[0] != style and not key[1]
        for c in group
        if (key[0] == "runin" or (key[0] == "label" and not _VERB.search(c.title)))
        or (c.title.endswith(":") and is_caps(c.title))
    ]
    for c in by_style.get(("plain", 0), []):
        label = _label_run_in(c.title) if c.rule == AGENDA_LINE else None
        if label:  # "Call to Order: Mayor Turner", short enough to read as an agenda's line
            twins.append(replace(c, title=label[0], rest=label[1], style="runin", rule=RUN_IN_LABEL))
    return sorted(chosen + twins, key=lambda c: c.index) if twins else chosen


def _with_known_titles(chosen: list[Candidate], found: Sequence[Candidate]) -> list[Candidate]:
    """Titles the house style knows the site's meetings reuse are items however this paper sets them: a
    person's correction, or most meetings, said so (a plain "Matters arising:" among bold headings)."""
    titles = housestyle.current_titles()
    taken = {c.index for c in chosen}
    known = [
        c
        for c in _unnumbered(found)
        if c.index not in taken and (c.rule == KNOWN_TITLE or (titles and known_titles.is_known(c.title, titles)))
    ]
    return sorted(chosen + known, key=lambda c: c.index) if known else chosen


def _presence_label(title: str) -> bool:
    """ "Present:", "In attendance": a heading over the attendance list, not an item of business
    ("Apologies" is both, and counts as an item)."""
    labelled = label_of(title)
    return labelled is not None and labelled[0] not in ("apologies",) and not _ROLL_CALL.match(title)


_ROLL_CALL = re.compile(r"(?i)^\W*roll\s+call\b")
""" "ROLL CALL": the business of calling the roll (its list under it is attendance), an item as "Apologies" is."""


def _sub_chain(subs: Sequence[Candidate], lists: bool = False) -> list[Candidate]:
    """Sub-items: short headings, or (under unnumbered sections) a numbered list's entries; with them, lettered
    sub-minutes that are a bare sentence (`_with_bare_sentences`)."""
    headed = [
        s
        for s in subs
        if (_sub_headingish(s) or (lists and s.style == "list"))
        and not (_RESOLUTION_START.match(s.title) and (s.after_resolution or not _ACTION_TITLE.match(s.title)))
        and (s.form not in ("paren", "letter") or s.rule in (NUMBERED_LINE, TABLE_ROW))
    ]
    if not headed:
        return []
    scheme = Counter(s.scheme for s in headed).most_common(1)[0][0]
    return _increasing_chain(_with_bare_sentences([s for s in headed if s.scheme == scheme], subs))


def _sub_headingish(c: Candidate) -> bool:
    """How a sub-item's heading reads, an agenda's sub-item closed by a semicolon included ("(b) To approve the
    bank reconciliation;")."""
    return c.headingish or (
        c.title.endswith(";") and ";" not in c.title[:-1] and replace(c, title=c.title[:-1]).headingish
    )


def _bare_sentence(c: Candidate) -> bool:
    """A lettered sub-minute that is a sentence with no heading of its own ("(a) The grant request from the
    Village Trust was approved.")."""
    return (
        c.form in ("paren", "letter")
        and c.rule == NUMBERED_LINE
        and not c.after_resolution
        and not c.rest
        and c.title[:1].isupper()
        and not _RESOLUTION_START.match(c.title)
        and len(c.title.split()) >= 5
        and bool(_VERB.search(c.title))
    )


def _with_bare_sentences(headed: list[Candidate], subs: Sequence[Candidate]) -> list[Candidate]:
    """Headed lettered sub-minutes with their bare-sentence siblings: taken together when, so, the letters run
    (a), (b), (c) … without a gap from the first ("(a) The grant request … was approved." / "(b) Bank
    Reconciliation – …")."""
    if not headed or headed[0].form not in ("paren", "letter"):
        return headed
    scheme = headed[0].scheme
    bare = [s for s in subs if s.scheme == scheme and s not in headed and _bare_sentence(s)]
    if not bare:
        return headed
    together = sorted([*headed, *bare], key=lambda s: s.index)
    letters = [s.number.strip("()") for s in together]
    if letters != [chr(ord("a") + n) for n in range(len(letters))]:
        return headed
    return together


_ABBREVIATED = frozenset("cllr cllrs mr mrs ms dr st no nos p.m a.m etc approx ref e.g i.e co ltd rev".split())


def _first_sentence(title: str) -> tuple[str, str]:
    """A bare sentence's first sentence, and the rest: the stop after an abbreviation ("Cllr.", "p.m.") or an
    initial ends none."""
    for found in re.finditer(r"[.!?](?=\s+[A-Z(])", title):
        word = title[: found.start()].rsplit(None, 1)[-1].lower().lstrip("(")
        if len(word) <= 1 or word in _ABBREVIATED or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue
        return title[: found.end()].strip(), title[found.end() :].strip()
    return title, ""


def _with_sub_items(
    heads: list[ItemHeading], found: Sequence[Candidate], top: Sequence[Candidate]
) -> list[ItemHeading]:
    taken = {c.index for c in top}
    out: list[ItemHeading] = []
    starts = [h.index for h in heads]
    insides = [
        [c for c in found if head.index < c.index < (starts[n + 1] if n + 1 < len(starts) else 10**9)]
        for n, head in enumerate(heads)
    ]
    # A paper that letters one item's sub-items from A (A, B …) letters another's too, however few it has.
    lettered = any(len(_lettered_from_a([c for c in cs if c.form == "capletter"])) >= 2 for cs in insides)
    for n, head in enumerate(heads):
        out.append(head)
        inside = [c for c in insides[n] if c.index not in taken and c.number]
        dotted = [
            c
            for c in inside
            if c.form == "dotted"
            and number_key(c.number)[:1] == number_key(head.number)[:1]
            and (c.headingish or c.style in ("heading", "bold", "caps"))
        ]
        if dotted:
            chain = _increasing_chain(dotted)
        else:
            chain = _sub_chain([c for c in inside if c.form in ("paren", "letter")])
        if not chain:
            capitals = [c for c in inside if c.form == "capletter"]
            chain = _lettered_from_a(capitals)
            if not chain and lettered and len(capitals) == 1 and capitals[0].number == "A":
                chain = capitals  # "IV. NEW BUSINESS" over "A. Subdivision – Elm Farm" alone
        if not chain and head.scheme == "capletter":
            # "D. PRESENTATIONS" over "D.-1. …", "D.-2. …": the section's own items
            chain = _increasing_chain([c for c in inside if c.form == "section" and c.number[:1] == head.number[:1]])
        listed = False
        if not chain and head.scheme == "int":
            # "8 Annual Accounts" over "1. Review Annual Accounts", "2. Internal Audit Report": a list of
            # short headings numbered from 1 under a whole number is its sub-items, 8(1) and 8(2).
            run = [c for c in inside if c.list_under_heading and c.form == "int"]
            if (
                len(run) >= 2
                and run[0].key == (1,)
                and all(b.key[0] == a.key[0] + 1 for a, b in itertools.pairwise(run))
                and all(
                    c.headingish and len(c.title.split()) <= 12 and not _RESOLUTION_START.match(c.title) for c in run
                )
            ):
                chain, listed = run, True
        for c in chain:
            if not _sub_headingish(c) and _bare_sentence(c):
                # "(b) It had been reported that … (1 hour @ £25). An estimate …": titled by its first sentence
                first, rest = _first_sentence(c.title)
                c = replace(c, title=first, rest=rest)
            sub = _heading(c, 1, head.number)
            if (listed or c.form in ("paren", "letter", "capletter")) and head.number:
                sub = replace(sub, number=f"{head.number}({c.number.strip('()')})")
            out.append(sub)
    return out


_DASHED_HOUSE = 3
"""Headings run into their text after a dash in a paper at least this often make its house style."""


def _dated_after_dash(heads: list[ItemHeading], lines: Sequence[Line]) -> list[ItemHeading]:
    """In a paper whose headings run into their text after a dash ("Minutes – The Minutes of … were approved"),
    a heading with a date after its dash is run in too: "Date of Next Meeting – Tuesday, 10th March at 7.30 p.m."
    is titled "Date of Next Meeting". Elsewhere such a line is the whole title, as agendas print it."""
    dashed = 0
    for head in heads:
        text = lines[head.index].text if 0 <= head.index < len(lines) else ""
        at = text.find(head.title)
        if head.rest and at >= 0 and text[at + len(head.title) :].lstrip()[:1] in ("–", "—", "-"):
            dashed += 1
    if dashed < _DASHED_HOUSE:
        return heads
    out = []
    for head in heads:
        marks = _dash_marks(head.title)
        if not head.rest and marks:
            start, end = marks[0]
            title, rest = head.title[:start].strip(), head.title[end:].strip()
            if 0 < len(title.split()) <= 8 and _dash_text(rest) == "date" and not find_dates(title, 2000):
                head = replace(head, title=title, rest=rest)
        out.append(head)
    return out


def find_items(
    lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape] | None = None, kind: str = ""
) -> list[ItemHeading]:
    """The item headings of lines[start:end], in document order; `kind` (agenda, minutes) is what the
    document reads as so far, for the house style's shape of that kind of paper."""
    return read_items(lines, start, end, shapes_, kind)[0]


def read_items(
    lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape] | None = None, kind: str = ""
) -> tuple[list[ItemHeading], list[Candidate]]:
    """The item headings of lines[start:end] (see `find_items`), and every candidate they were chosen from
    (for the converter's confidence: a heading left out may be an item missed; for fitting the chain's weights)."""
    shapes_ = shapes_ or shapes(lines)
    with housestyle.reading_kind(kind):
        found_candidates = candidates(lines, start, end, shapes_)
        contents = _contents_page(found_candidates, shapes_)
        chosen = choose_items(
            [c for c in found_candidates if c.index not in contents] if contents else found_candidates
        )
        found = _dated_after_dash(chosen, lines)
        if kind == "minutes":
            found = _labels_under_groups(found, lines, end)
        if enabled(TITLE_BLOCK):
            found = found[_title_block(found, lines, start, shapes_) :]
        style = housestyle.current_items()
        numbered = sum(1 for h in found if h.number and not h.level) >= 3
        for house_rule in (HOUSE_LINES, HOUSE_PARAGRAPHS):
            wanted = style and (style.lines if house_rule == HOUSE_LINES else style.paragraphs)
            if wanted and not numbered and enabled(house_rule):
                house = REGISTRY[house_rule].func(lines, start, end, shapes_)
                if house:
                    found = house
                    break
        else:
            topics = REGISTRY[TOPIC_LINES].func(lines, start, end, shapes_) if enabled(TOPIC_LINES) else []
            if len(topics) >= len(found) and not numbered and all(not h.number for h in found):
                found = topics
            for document_rule in (STANDARD_BUSINESS, BULLETED_POINTS):
                if found:
                    break
                if enabled(document_rule):
                    found = REGISTRY[document_rule].func(lines, start, end, shapes_)
            if not found:
                found = _few_bold_headings(lines, start, end, shapes_)
    return found, found_candidates


_PAGE_AT_LINE_END = re.compile(r"(?<=[^\d\s.])\s+(\d{1,3})\**$")
"""A contents page's page number at the end of an entry: "1 Opening Karakia 3"."""
CONTENTS_ENTRIES = 3


def _contents_page(found: Sequence[Candidate], shapes_: Sequence[Shape]) -> set[int]:
    """The lines of a contents page ("ORDER OF BUSINESS": "1 Opening Karakia 3", "5.1 Roading Activity Report 4", …)
    whose entries the paper prints again below as its headings: the headings are the items, the contents page
    none. A run of three or more numbered entries ending in rising page numbers, most of them found again, by
    number and title, further on."""
    entries = [c for c in found if c.number and _PAGE_AT_LINE_END.search(shapes_[c.index].text)]
    runs: list[list[Candidate]] = []
    for c in entries:
        if runs and c.index - runs[-1][-1].index <= 3:
            runs[-1].append(c)
        else:
            runs.append([c])
    out: set[int] = set()
    for run in runs:
        pages = [int(_PAGE_AT_LINE_END.search(shapes_[c.index].text).group(1)) for c in run]  # type: ignore[union-attr]
        if len(run) < CONTENTS_ENTRIES or pages != sorted(pages):
            continue
        later = {(c.number, _folded_title(c.title)) for c in found if c.index > run[-1].index}
        again = sum(1 for c in run if (c.number, _folded_title(_PAGE_AT_LINE_END.sub("", c.title))) in later)
        if again * 3 >= len(run) * 2:
            out.update(c.index for c in run)
    return out


def _folded_title(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


def _labels_under_groups(heads: list[ItemHeading], lines: Sequence[Line], end: int) -> list[ItemHeading]:
    """In minutes, an unnumbered heading whose every paragraph opens with a label run into a sentence of business
    ("REPORTS" over "Inspection Report – The inspection report was reviewed in detail." and "Architectural Review
    Report – …") only groups them: the labels are the items, the heading none (as a section label that groups items
    is none). An agenda's "REPORTS" over "TRUSTEE ALBRECHT: Financial Reports" keeps its lines whole."""
    if sum(1 for h in heads if not h.number and not h.level) < 3:
        return heads
    out: list[ItemHeading] = []
    for n, head in enumerate(heads):
        stop = heads[n + 1].index if n + 1 < len(heads) else end
        labels = [] if head.number or head.level or head.rest else _labelled_paragraphs(lines, head.end, stop)
        out.extend(labels or [head])
    return out


_MEMBER_NAMED = re.compile(
    rf"(?i:{grammar.TITLE_AT_START.pattern})(?!(?:[\w'’.-]+\s+)*(?i:reports?|updates?)$)"
    r"[A-Z][\w'’.-]*+(?:\s[A-Z][\w'’.-]*+){0,2}"
)
"""A member named by title and name ("Councillor Friesen", "Reeve Abe Penner"), not a title of business."""


def _labelled_paragraphs(lines: Sequence[Line], start: int, stop: int) -> list[ItemHeading]:
    """Each paragraph of lines[start:stop] as an item titled by the label it opens with, or [] unless every one
    opens with one."""
    found: list[ItemHeading] = []
    k = start
    while k < stop:
        if not lines[k].is_content or lines[k].artefact or not lines[k].text.strip():
            k += 1
            continue
        label, rest = housestyle.run_in_title(unmark(lines[k].text).strip())
        if not label or label_of(label + ":") or _NOT_RUN_IN_LABELS.match(label) or len(rest.split()) < 4:
            # a paragraph of its own, a list of who attended ("Board Members Present: …"), or a field and its
            # value ("Decision Maker: Council"), not business told under a label
            return []
        if _MEMBER_NAMED.fullmatch(label):
            return []  # "Councillor Friesen – Crossroads board, March 28.": members' reports, under the heading's item
        found.append(ItemHeading(k, k + 1, "", label, rule=RUN_IN_LABEL, scheme="none", rest=rest))
        k += 1
        while k < stop and lines[k].is_content and lines[k].text.strip():
            k += 1  # the paragraph's other lines
    return found


FEW_BOLD = 3
"""The most bold headings of a short paper that are its items though they are too few to make a style."""


def _few_bold_headings(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """A short paper with no other items whose only headings are one to three bold lines with text under them
    ("**APOLOGIES**", "**Co-option of a Parish Councillor to fill the vacant seat …**"), below the opening's first
    sentence: those are its items."""
    heads = []
    opened = False  # the heading stands in the business, under a sentence of it, not in the paper's heading
    for k in range(start, end):
        line, shape = lines[k], shapes_[k]
        if not line.is_content or line.artefact or shape.table or shape.bullet:
            continue
        if not (shape.bold or shape.heading):
            opened = opened or (not shape.caps and len(shape.text.split()) >= _SHORT_LINE)
            continue
        if not opened:
            continue
        text = unmark(shape.text).strip().rstrip(":").strip()
        if not re.search(r"[A-Za-z]{3}", text) or len(text.split()) > 25 or text.endswith((".", ";", ",")):
            return []  # a bold sentence: emphasis, not a heading
        if _date_line(text) or _KIND_WORDS.match(text) or _presence_label(text) or _TITLE_NAMING.search(text):
            continue
        below = _content(lines, k + 1, min(end, k + 4))
        if below < 0 or shapes_[below].bold or shapes_[below].heading:
            continue
        heads.append(ItemHeading(k, k + 1, "", text, rule=UNNUMBERED_HEADING, scheme="none"))
    return heads if 0 < len(heads) <= FEW_BOLD else []


@rule(
    TITLE_BLOCK,
    Fact.ITEM,
    example(
        "**Elmford Township**",
        "",
        "**Mill Road, Elmford**",
        "",
        "**May 5, 2025 Minutes**",
        "",
        "The meeting was called to order at 7:00 pm.",
        "",
        "**New Business**",
        "",
        "The board discussed the roof.",
        "",
        "**Old Business**",
        "",
        "Nothing was raised.",
        expect=[("", "New Business"), ("", "Old Business")],
    ),
    example(
        "Town of Elmford",
        "",
        "**ELMFORD BOARD OF TRUSTEES MEETING MAY 5, 2025**",
        "",
        "The meeting was called to order at 7 pm.",
        "",
        "**APPROVAL OF MINUTES**",
        "",
        "The minutes were approved.",
        "",
        "**CORRESPONDENCE**",
        "",
        "None.",
        expect=[("", "APPROVAL OF MINUTES"), ("", "CORRESPONDENCE")],
    ),
    example(
        "**HARBOUR COMMISSION**",
        "",
        "**MINUTES FOR REGULAR MEETING**",
        "",
        "**DATE: Tuesday, June 3, 2025**",
        "",
        "**PLACE: Harbour Office**",
        "",
        "Present: Chair Vale, Commissioner Reed",
        "",
        "**Dredging**",
        "",
        "The commission heard a report.",
        "",
        "**Moorings**",
        "",
        "Fees were set.",
        expect=[("", "Dredging"), ("", "Moorings")],
    ),
    example(
        "Minutes of the meeting held on 5 May 2025",
        "",
        "**Apologies**",
        "",
        "None were received.",
        "",
        "**Finance**",
        "",
        "The clerk reported.",
        expect=[("", "Apologies"), ("", "Finance")],
        note="the title is not set as a heading: every heading is an item",
    ),
    example(
        "## AGENDA Tuesday, December 10, 2024",
        "",
        "Call to Order",
        "",
        "Consent Agenda",
        "",
        "- Approval of Minutes",
        "",
        "New Business",
        "",
        "Adjourn",
        expect=[("", "Call to Order"), ("", "Consent Agenda"), ("", "New Business"), ("", "Adjourn")],
        note="a consent agenda is business, not the paper's title",
    ),
    example(
        "**Apologies**",
        "",
        "**Approval of Minutes**",
        "",
        "The minutes were approved.",
        "",
        "**Finance**",
        "",
        "The clerk reported.",
        expect=[("", "Apologies"), ("", "Approval of Minutes"), ("", "Finance")],
        note="business that names minutes is not the paper's title",
    ),
)
def title_block(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """The items after the paper's title block: headings at the top that name the meeting are its title.

    Written for minutes whose whole letterhead is set in bold or capitals, line by
    line ("Elmford Township" / "12 Mill Road" / "May 5, 2025 Minutes", or a board's
    title line with its date, or "DATE: …" / "PLACE: …" lines under the body's name):
    each reads as an unnumbered heading, the first items would be the letterhead and
    the meeting's date, time and place, printed there, would not be read. Leading
    unnumbered headings, with nothing but short lines among them, up to the last that
    names the meeting (a dated line, "Minutes", "… Meeting", a "Date:" or "Place:"
    line), are left to the opening; only when nothing above them prints a date.
    """
    heads = choose_items(candidates(lines, start, end, shapes_))
    return heads[_title_block(heads, lines, start, shapes_) :]


_TITLE_NAMING = re.compile(
    r"^(?:date|time|place|location|venue|where|when)\s*:|\b(?:minutes|meeting|agenda)\W*$|^(?:minutes|agenda)\s+(?:for|of)\b",
    re.IGNORECASE,
)
_NOT_TITLE = re.compile(
    r"\b(?:approv\w*|previous|last|confirm\w*|arising|next|adopt\w*|signing|consent|adjourn\w*|clos(?:e|ed|ing))\b",
    re.IGNORECASE,
)
"""Words of business about a meeting or its papers ("Approval of the Minutes", "Consent Agenda"), not of a title."""
_SHORT_LINE = 8
"""Words of a line that may stand among the title's headings (a street, a telephone number, "Town of X")."""


def _names_the_meeting(title: str) -> bool:
    if _NOT_TITLE.search(title) or len(title.split()) < 2:
        return False  # a lone "Minutes" is the business of confirming the last meeting's
    return bool(_TITLE_NAMING.search(title) or any(f.year_printed for f in find_dates(title, 2000)))


def _title_block(heads: Sequence[ItemHeading], lines: Sequence[Line], start: int, shapes_: Sequence[Shape]) -> int:
    """How many of the first headings are the paper's title block (see `title_block`)."""
    heading_at = {h.index: h for h in heads}
    taken = 0
    above = 0
    for i in range(start, len(lines)):
        if not lines[i].is_content or lines[i].artefact or not shapes_[i].text:
            continue
        head = heading_at.get(i)
        if head is None:
            printed = [f for f in find_dates(shapes_[i].text, None) if f.year_printed]
            dated = bool(printed)
            words = len(shapes_[i].text.split())
            opening = _opening_sentence(lines, shapes_, i)
            if opening and not dated:  # the sentence wraps: its date is on a later line
                printed = [f for f in find_dates(opening, None) if f.year_printed]
                dated = bool(printed)
            short = words <= _SHORT_LINE or (dated and printed[0].start == 0 and words <= 16)
            if dated and not taken and above > 0 and (short or opening):
                # "WARRENVILLE PUBLIC LIBRARY DISTRICT" / "Budget Public Hearing" / "Wednesday, September 20, 2017"
                # (or a line that opens with the date, "Tuesday, November 12, 2024 — Fire Department Training Room"):
                # unnumbered headings over the meeting's date, or over the sentence that opens the minutes ("Minutes of
                # the Regular Meeting … held … on Tuesday, April 9, 2024."), are its title
                return above
            if dated and not taken:
                return 0  # a date printed above the headings: the title is not among them
            if len(shapes_[i].text.split()) > _SHORT_LINE:
                break
            continue
        if not head.number and head.rule not in (DATED_ENTRY, SUBMITTED_BY, NUMBER_LOST) and above == heads.index(head):
            above += 1
        else:
            above = -(10**6)  # a numbered heading came first: no title block of headings above a date
        if head.number or head.level or head.rule in (DATED_ENTRY, SUBMITTED_BY, NUMBER_LOST):
            break
        at = heads.index(head)
        if _names_the_meeting(head.title) or (
            taken == at
            and (
                _titles_the_paper(head, lines, start)
                or (taken and _place_over_date(head, lines, shapes_))
                or _place_under_title(head, lines, shapes_)
            )
        ):
            taken = at + 1
    return taken


def _opening_sentence(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> str:
    """The sentence that opens the minutes, from line i over the lines it wraps onto ("Minutes of the Regular Meeting
    of the Council of …" / "… held in the Council Chambers …" / "… on Tuesday, May 14, 2024."), or ""."""
    if not re.match(r"(?i)(?<!\W)\W*+(?:the\s+)?(?:minutes|proceedings)\s+of\b", shapes_[i].text):
        return ""
    text, k = shapes_[i].text, i + 1
    while not text.rstrip().endswith(".") and k < min(len(lines), i + 4) and lines[k].is_content:
        text, k = f"{text} {shapes_[k].text}", k + 1
    return text if _MEETING_HELD.match(text) else ""


_MEETING_HELD = re.compile(r"(?i)(?:the\s+)?(?:minutes|proceedings)\s+of\s+(?:the\s+|a\s+)?[^.]{3,200}?\bheld\b")
"""The sentence that opens minutes: "Minutes of the Regular Meeting of the Council … held in … on …"."""
_PLACE_WORD = re.compile(
    r"\b(?:hall|room|chambers?|cent(?:re|er)|building|offices?|library|school|church|pavilion|institute|"
    r"road|street|avenue|lane|zoom|online|virtual)\b",
    re.IGNORECASE,
)


def _place_over_date(head: ItemHeading, lines: Sequence[Line], shapes_: Sequence[Shape]) -> bool:
    """Whether a heading under the paper's title is its place, with the meeting's date below it ("PLATO
    TOWNSHIP ANNUAL TOWN MEETING" / "Plato Town Hall, Plato Center, IL" / "April 9, 2024, 7:00pm"): a short line
    with a comma or a word for a place, then a short dated line."""
    if len(head.title.split()) > _SHORT_LINE or not ("," in head.title or _PLACE_WORD.search(head.title)):
        return False
    k = _content(lines, head.end, min(len(lines), head.end + 3))
    if k < 0 or len(shapes_[k].text.split()) > _SHORT_LINE:
        return False
    return any(f.year_printed for f in find_dates(shapes_[k].text, None))


def _place_under_title(head: ItemHeading, lines: Sequence[Line], shapes_: Sequence[Shape]) -> bool:
    """Whether a heading set straight under the paper's dated title is its place ("Commission on Aging" /
    "Minutes Nov. 6, 2019" / "Betty J. Queen Center"): a short line with a word for a place and no date, the
    line above it short and dated."""
    if len(head.title.split()) > _SHORT_LINE or not _PLACE_WORD.search(head.title) or find_dates(head.title, 2000):
        return False
    above = head.index - 1
    while above >= 0 and (not lines[above].is_content or lines[above].artefact):
        above -= 1
    if above < 0 or above < head.index - 2 or len(shapes_[above].text.split()) > _SHORT_LINE:
        return False
    return any(f.year_printed for f in find_dates(shapes_[above].text, None))


@rule(
    BULLETED_POINTS,
    Fact.ITEM,
    example(
        "- It was agreed to appoint a new auditor.",
        "- Members noted the police report.",
        "- The clerk will write to the highways team.",
        expect=[
            ("", "It was agreed to appoint a new auditor."),
            ("", "Members noted the police report."),
            ("", "The clerk will write to the highways team."),
        ],
    ),
    example("- the gate", "- the fence", "- the bench", expect=[]),
)
def bulleted_points(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """Items of minutes written as one list of points ("- It was agreed to appoint …"): each point is one.

    Only for a document in which nothing else reads as an item, and only when
    the points are most of what follows the first of them: a list inside
    prose is not the minutes' structure. A point's title is its text, as an
    item without a heading of its own is named by its first paragraph.
    """
    content = [i for i in range(start, end) if lines[i].is_content and not lines[i].artefact and shapes_[i].text]
    points = [i for i in content if shapes_[i].bullet and not shapes_[i].indent and not shapes_[i].table]
    if len(points) < 3:
        return []
    said = [i for i in points if shapes_[i].text[:1].isupper() and len(shapes_[i].text.split()) >= 3]
    if len(said) < 2 / 3 * len(points):
        return []  # "- the gate", "- the fence": a list of things, not points of the minutes
    after = [i for i in content if i >= points[0]]
    if len(points) < 0.6 * len(after):
        return []
    return [ItemHeading(i, i + 1, "", shapes_[i].text.strip(), rule=BULLETED_POINTS, scheme="none") for i in points]


@rule(
    TOPIC_LINES,
    Fact.ITEM,
    example(
        "The Board met in regular session at 9:00 a.m. with all members present.",
        "",
        "Secondary Roads Update",
        "The County Engineer reported that frost is coming out of the ground and roads are soft.",
        "",
        "Claims",
        "Moved by Nolte, seconded by Brekke to approve the claims as listed below. Motion carried.",
        "",
        "Drainage District 14",
        "The Board acting as trustees heard the engineer's report on the tile repair in the district.",
        expect=[("", "Secondary Roads Update"), ("", "Claims"), ("", "Drainage District 14")],
    ),
    example(
        "Dale Anderson, Chairperson",
        "Hollis County Board of Supervisors",
        "",
        "Vendor Amount",
        "A-1 Sanitation 1,486.00",
        expect=[],
    ),
)
def topic_lines(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """Minutes printed as plain text, each piece of business under a short title-case line set directly over
    its first paragraph ("Secondary Roads Update" / "County Engineer Ruth Saylor reported …"), after a blank line:
    the titles are its items. Only for a document whose other readings number nothing, and only three or more:
    one such line is a paragraph's lead, not the minutes' structure."""
    heads = []
    for i in range(start, end):
        shape = shapes_[i]
        if not lines[i].is_content or lines[i].artefact or not _topic_title(shape):
            continue
        if i > start and lines[i - 1].is_content:
            continue  # a line inside a paragraph
        k = i + 1
        if k >= end or not lines[k].is_content or lines[k].artefact:
            continue
        said = shapes_[k].text
        if len(said.split()) < 6 or not said[:1].isupper() or _topic_title(shapes_[k]):
            continue
        heads.append(ItemHeading(i, i + 1, "", shape.text.strip(), rule=TOPIC_LINES, scheme="none"))
    return heads if len(heads) >= 3 else []


def _topic_title(shape: Shape) -> bool:
    """A short line in title case that ends as no sentence does: "Sheriff's Quarterly Report", "Claims"."""
    text = shape.text.strip()
    words = text.split()
    if not 1 <= len(words) <= 6 or shape.table or shape.bullet or shape.bold or shape.heading or is_caps(text):
        return False
    if re.search(r"[.,;:!?]$", text):
        return False
    if "," in text or find_dates(text, 2000):
        return False
    small = {"of", "and", "the", "for", "to", "in", "on", "at", "a", "an", "&", "–", "—", "-"}
    return all(w[:1].isupper() or w[:1].isdigit() or w in small for w in words) and words[0][:1].isupper()


_BUSINESS = re.compile(
    r"^(?:(?P<distinct>" + _BUSINESS_NAMES + r")"
    r"|(?P<alone>correspondence(?:\s+received)?|planning(?:\s+(?:applications?|matters))?|finance|accounts|payments"
    r"|police\s+(?:report|matters)|councillors['’]?\s+reports?|reports?|welcome(?:\s+and\s+introductions?)?"
    r"|election\s+of\s+(?:(?:the\s+)?(?:vice[-\s])?chair(?:man|person)?|(?:deputy\s+)?mayor|office[-\s]bearers)"
    r"|a\.?o\.?c?\.?b\.?)"
    r")(?=$|[\s:.–—-])",
    re.IGNORECASE,
)
"""A line opening with standard business: by a distinctive name, or by one that heads a line alone."""


@rule(
    STANDARD_BUSINESS,
    Fact.ITEM,
    example(
        "Apologies",
        "Cllr Hale sent apologies.",
        "Matters Arising The clerk reported on the bench.",
        "Public forum:",
        "No members of the public attended.",
        expect=[("", "Apologies"), ("", "Matters Arising"), ("", "Public forum")],
    ),
    example("Apologies were received from Cllr Hale.", expect=[]),
)
def standard_business(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """Items of minutes that set no heading apart: lines opening with the business every meeting takes.

    Only for a document in which nothing else reads as an item. A line that is
    the name alone ("Apologies", "Public forum:") opens an item; so does a
    line that runs on after a distinctive name ("Matters Arising Jan went
    through …", "Declarations of Interest: none"), the rest kept as its text.
    Two are needed, one of them a distinctive name ("Apologies", "Matters
    arising"), or else three: one "Apologies" line, or a "Finance:" and a
    "Planning:" among notes, is not a list of items.
    """
    heads: list[ItemHeading] = []
    distinct = 0
    for i in range(start, end):
        line, shape = lines[i], shapes_[i]
        if not line.is_content or line.artefact or shape.table or shape.quote or not shape.text:
            continue
        text = shape.text.strip()
        found = _BUSINESS.match(text)
        if not found or not text[:1].isupper():
            continue
        if _tail_of_attendance(lines, shapes_, i, start):
            continue  # "Present: …" / "Apologies: Ed Tull": the list goes on, no item starts
        after = text[found.end() :]
        tail = after.lstrip(" :.–—-")
        if not tail:
            title, rest = text.rstrip(" :."), ""
        elif found.group("distinct"):
            if not (after.lstrip()[:1] in (":", "–", "—", "-") or tail[:1].isupper()):
                continue  # "Apologies were received from …": a sentence
            title, rest = found.group(0), tail
        elif len(text.split()) <= 6 and not re.search(r"[.;,]$", text):
            title, rest = text.rstrip(" :"), ""  # "Planning Applications Received"
        else:
            continue
        heads.append(ItemHeading(i, i + 1, "", title, rule=STANDARD_BUSINESS, scheme="none", rest=rest))
        distinct += bool(found.group("distinct"))
    return heads if len(heads) >= 3 or (len(heads) == 2 and distinct) else []


def _tail_of_attendance(lines: Sequence[Line], shapes_: Sequence[Shape], i: int, start: int) -> bool:
    """Whether line i is an attendance label with its names ("Apologies: Ed Tull") printed straight under
    another ("Present: …"), no blank line between: the lists of who came, not the first item."""
    labelled = label_of(shapes_[i].text)
    if not labelled or not labelled[1].strip() or i <= start:
        return False
    above = lines[i - 1]
    return above.is_content and not above.artefact and bool(shapes_[i - 1].text) and bool(label_of(shapes_[i - 1].text))


_NOT_BUSINESS = re.compile(
    r"^(?:(?:the\s+)?(?:regular|special|annual|monthly)?\s*(?:meeting|board|commission|council)\b.{0,80}\bcalled\s+to\s+order"
    r"|.{0,60}\bcalled\s+(?:the\s+meeting\s+)?to\s+order\b|roll\s+call\b|present\s*:|absent\s*:|members?\s+present\b"
    r"|(?:the\s+)?meeting\s+(?:was\s+)?adjourned|adjourn(?:ed|ment)\b|respectfully\s+submitted|pledge\s+of\s+allegiance"
    r"|(?:the\s+)?next\s+(?:regular\s+)?meeting\b)",
    re.IGNORECASE,
)
"""Lines of minutes that are not business: the call to order, the roll call, the pledge, the adjournment."""
_ADJOURNED = re.compile(
    r"\b(?:meeting\s+(?:was\s+)?adjourned|adjourned\s+(?:the\s+meeting\s+)?at|motion\s+to\s+adjourn)\b", re.IGNORECASE
)


@rule(
    HOUSE_PARAGRAPHS,
    Fact.ITEM,
    example(
        "style-paragraphs",
        "The meeting was called to order at 7 pm with all members present.",
        "",
        "Public comment was heard and the agenda was approved.",
        "",
        "The treasurer's report was given and bills were paid.",
        "",
        "Meeting adjourned at 8:10 pm.",
        expect=[
            ("", "Public comment was heard and the agenda was approved."),
            ("", "The treasurer's report was given and bills were paid."),
        ],
    ),
    example("Public comment was heard.", "", "Bills were paid.", expect=[], note="no house style"),
)
def house_paragraphs(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """Minutes whose every paragraph of business is an item, as a correction taught the site's house style:
    each paragraph after the call to order and the roll call, up to the adjournment, named by its text."""
    style = housestyle.current_items()
    if not style or not style.paragraphs:
        return []
    skip = {housestyle.folded(t) for t in style.not_items}
    heads: list[ItemHeading] = []
    paragraph: list[int] = []
    adjourned = False

    def close() -> None:
        nonlocal adjourned
        if paragraph and not adjourned:
            text = " ".join(shapes_[k].text.strip() for k in paragraph).strip()
            adjourned = bool(_ADJOURNED.search(text))  # what follows is signatures and certificates
            if text and not _NOT_BUSINESS.match(text) and re.search(r"[A-Za-z]{3}", text) and not _date_line(text):
                heads.append(_paragraph_item(paragraph, text, shapes_, style))
        paragraph.clear()

    first_date = next((k for k in range(start, min(end, start + 12)) if find_dates(shapes_[k].text, 2000)), start - 1)
    for k in range(first_date + 1, end):
        line, shape = lines[k], shapes_[k]
        if line.artefact:
            continue
        if not line.is_content or not shape.text.strip() or _between_paragraphs(shape, style, skip):
            close()
            continue
        if paragraph and (
            shape.strong
            or re.search(r"[.!?:]$", shapes_[paragraph[-1]].text.strip())
            or (style.run_in and housestyle.run_in_title(shape.text.strip())[0])
        ):
            close()
        paragraph.append(k)
        if shape.strong:
            close()
    close()
    return heads if len(heads) >= 2 else []


def _paragraph_item(
    paragraph: Sequence[int], text: str, shapes_: Sequence[Shape], style: housestyle.ItemShape
) -> ItemHeading:
    """A paragraph of business as an item: titled by the words it opens with before a dash or colon where the
    style says so ("Road Projects – David went over …", the rest its text), else by its whole text."""
    head, rest = housestyle.run_in_title(shapes_[paragraph[0]].text.strip()) if style.run_in else ("", "")
    if head:
        return ItemHeading(paragraph[0], paragraph[0] + 1, "", head, rule=HOUSE_PARAGRAPHS, scheme="none", rest=rest)
    return ItemHeading(paragraph[0], paragraph[-1] + 1, "", text, rule=HOUSE_PARAGRAPHS, scheme="none")


def _between_paragraphs(shape: Shape, style: housestyle.ItemShape, skip: set[str]) -> bool:
    """A line that is no paragraph of business and ends the one before it: the attendance ("Board Members
    Present: …"), a roll call set out as a table, or a label grouping the paragraphs ("New Business:") that the
    correction left out (`skip`, folded) or that stands alone where items are titled by words run into their text."""
    text = shape.text
    if label_of(text) or shape.table:
        return True
    if skip and housestyle.folded(text.rstrip(" :")) in skip:
        return True
    return style.run_in and text.rstrip().endswith(":") and len(text.split()) <= _GROUP_LABEL_WORDS


_BULLET = re.compile(r"^[•·▪■◦\-*–]\s*")
_GROUP_LABEL_WORDS = 4
"""The most words of a label grouping paragraphs ("Unfinished Business:")."""


@rule(
    HOUSE_LINES,
    Fact.ITEM,
    example(
        "style-lines",
        "style-not-item: REPORTS",
        "PERRY TOWNSHIP BOARD MEETING",
        "AGENDA",
        "May 4, 2021, 7PM",
        "CALL TO ORDER:",
        "REPORTS:",
        "• Road Report",
        "ADJOURNMENT:",
        expect=[("", "CALL TO ORDER"), ("", "Road Report"), ("", "ADJOURNMENT")],
    ),
    example("CALL TO ORDER:", "ADJOURNMENT:", expect=[], note="no house style"),
)
def house_lines(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> list[ItemHeading]:
    """An agenda set out one item to a line, headed or not, as a correction taught the site's house style: each
    line after the heading (the lines down to the meeting's date) is an item, but the labels that group them."""
    style = housestyle.current_items()
    if not style or not style.lines:
        return []
    skip = {housestyle.folded(t) for t in style.not_items}
    first_date = next((k for k in range(start, min(end, start + 12)) if find_dates(shapes_[k].text, 2000)), start - 1)
    heads = []
    for k in range(first_date + 1, end):
        line, shape = lines[k], shapes_[k]
        if line.artefact or not line.is_content:
            continue
        title = _BULLET.sub("", shape.text.strip()).rstrip(":").strip()
        if not title or housestyle.folded(title) in skip or not re.search(r"[A-Za-z]{2}", title):
            continue
        heads.append(ItemHeading(k, k + 1, "", title, rule=HOUSE_LINES, scheme="none"))
    return heads if len(heads) >= 2 else []


HEADER_LINE_WORDS = 6
"""A line between two of a header's lines holds at most this many words (a telephone number, a town)."""
HEADER_REACH = 30
"""Content lines of a document's opening in which the attendance label its header stands above is looked for."""


@rule(
    HOUSE_HEADER,
    Fact.ITEM,
    example(
        "style-header: Roll Call",
        "**Elm Township**",
        "",
        "**Mill Road Hall**",
        "",
        "**May 4, 2021 Minutes (Approved)**",
        "The meeting was called to order at 7:00 pm.",
        "",
        "Roll Call: Board Members Present",
        "Ann Bell, Clerk",
        "",
        "**New Business**",
        "Road salt was bought.",
        "",
        "**Public Comment**",
        "None was heard.",
        expect=[("", "New Business"), ("", "Public Comment")],
    ),
    example(
        "style-header: Roll Call",
        "**Elm Township**",
        "",
        "**May 4, 2021**",
        "",
        "**Call to Order**",
        "The meeting opened at 7 pm.",
        "",
        "Present: Ann Bell, Tom Reed",
        "",
        "**New Business**",
        "Road salt was bought.",
        expect=[("", "Call to Order"), ("", "New Business")],
        note="a heading with business under it is an item, though it stands above the attendance",
    ),
    example(
        "**Elm Township**",
        "",
        "**Mill Road Hall**",
        "",
        "**May 4, 2021 Minutes (Approved)**",
        "The meeting was called to order at 7:00 pm.",
        "",
        "Roll Call: Board Members Present",
        "Ann Bell, Clerk",
        "",
        "**New Business**",
        "Road salt was bought.",
        expect=[
            ("", "Elm Township"),
            ("", "Mill Road Hall"),
            ("", "May 4, 2021 Minutes (Approved)"),
            ("", "New Business"),
        ],
        note="no house style",
    ),
)
def house_header(lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape]) -> int:
    """Minutes whose header stands above the list of who attended, as a correction taught the site's house
    style: the index of the line that labels those present, where the header ends, or -1. Headings above it
    are the header's lines (the council's name, its address, "May 4, 2021 Minutes"), not items."""
    header = housestyle.current_header()
    if not header or not header.above:
        return -1
    seen = 0
    for k in range(start, end):
        if not lines[k].is_content or lines[k].artefact or not shapes_[k].text.strip():
            continue
        seen += 1
        if seen > HEADER_REACH:
            break
        label = label_of(shapes_[k].text)
        if label and label[0] in ("present", "members", "membership"):
            return k
    return -1


def below_header(
    lines: Sequence[Line], start: int, end: int, shapes_: Sequence[Shape], heads: Sequence[ItemHeading]
) -> tuple[list[ItemHeading], tuple[int, int]]:
    """The item headings that follow the header the house style knows, and the span of the header's lines
    read as items before ((0, 0) when the lesson changed nothing): only unnumbered headings above the
    attendance label are the header's, and only while items follow the label (a paper that numbers its
    opening, or whose roll call is an item of its own, sets out its business otherwise)."""
    if not heads or not enabled(HOUSE_HEADER):
        return list(heads), (0, 0)
    top = house_header(lines, start, end, shapes_)
    if top < 0:
        return list(heads), (0, 0)
    above = [h for h in heads if h.index < top]
    below = [h for h in heads if h.index > top]
    if not above or not below or any(h.number for h in above) or any(h.index <= top < h.end for h in heads):
        return list(heads), (0, 0)
    if not any(find_dates(h.title, 2000) for h in above) or not _one_block(lines, shapes_, above):
        return list(heads), (0, 0)  # headings with business under them ("Call to Order"), not a dated header
    return below, (above[0].index, above[-1].end)


def _one_block(lines: Sequence[Line], shapes_: Sequence[Shape], heads: Sequence[ItemHeading]) -> bool:
    """Headings set one under another, with at most a short line between them (a telephone number), as a
    header's lines are; an item's heading has its business under it."""
    for head, after in itertools.pairwise(heads):
        for k in range(head.end, after.index):
            if lines[k].is_content and len(shapes_[k].text.split()) > HEADER_LINE_WORDS:
                return False
    return True


@runner(Fact.ITEM)
def _run_item_example(item_rule: Rule, case: Example) -> object:
    """A line rule: the first candidate it finds, as (number, title); a document rule: every item it finds.
    Given lines "style-number: PATTERN", "style-title: TITLE" and "style-paragraphs" make a house style."""
    style = example_style(case.given)
    lines = clean_lines("\n".join(line for line in case.given if not line.startswith("style-")) + "\n")
    shapes_ = shapes(lines)
    with housestyle.reading_with(style):
        if item_rule.id == HOUSE_HEADER:
            heads, _ = below_header(lines, 0, len(lines), shapes_, find_items(lines, 0, len(lines), shapes_))
            return [(h.number, h.title) for h in heads]
        if item_rule.id in DOCUMENT_RULES:
            return [(h.number, h.title) for h in item_rule.func(lines, 0, len(lines), shapes_)]
        for i, line in enumerate(lines):
            if not line.is_content or line.artefact:
                continue
            found = item_rule.func(lines, shapes_, i, len(lines))
            if found is not None:
                return (found.number, found.title)
    return None


def example_style(given: Sequence[str]) -> housestyle.HouseStyle:
    number, titles, not_items, paragraphs, one_a_line = "", [], [], False, False
    header = None
    for line in given:
        kind, _, value = line.partition(": ")
        if kind == "style-header":
            header = housestyle.HeaderStyle(value)
        elif kind == "style-number":
            number = value
        elif kind == "style-title":
            titles.append(value)
        elif kind == "style-not-item":
            not_items.append(value)
        elif line == "style-paragraphs":
            paragraphs = True
        elif line == "style-lines":
            one_a_line = True
    if not (number or titles or paragraphs or one_a_line):
        return housestyle.HouseStyle(header=header)
    shape_ = housestyle.ItemShape(
        number=number,
        unnumbered=paragraphs or one_a_line,
        paragraphs=paragraphs,
        lines=one_a_line,
        titles=tuple(titles),
        not_items=tuple(not_items),
    )
    return housestyle.HouseStyle(items=(shape_,), header=header)
