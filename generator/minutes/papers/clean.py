"""Clean the export artefacts out of a paper, line by line, without losing its words.

A paper is text exported from a PDF pack or a web page. The export leaves artefacts: page
markers, running headers repeated on every page, stray HTML, bullet glyphs, unbalanced bold
markers, file-size noise from web pages, and paragraphs broken where a page ended. Each rule
below recognises one kind of artefact. `RULES` runs them in order, the way markdown-it's
core runs its rules; every rule takes and returns the whole list of lines, so a rule can
look at its neighbours.

A line a rule drops keeps its place with `artefact` naming why, so `explain` can list it
and tests can check that nothing else went missing.
"""

from __future__ import annotations

import html as html_entities
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from minutes.papers import stray_html as html
from minutes.papers.readers import PaperText, SourceLine, read_paper


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paper on its way through the cleaning rules."""

    number: int
    """1-based line number in the paper."""
    source: str
    """The line as the paper has it."""
    text: str
    """The cleaned Markdown text; empty for blank lines, artefacts and lines joined to another."""
    artefact: str = ""
    """Name of the export artefact this line is, empty for content."""
    removed: tuple[str, ...] = ()
    """Inline artefacts a rule cut out of this line (e.g. a web page's "pdf icon PDF 77 KB")."""
    page: int = 0
    """Pack page the line is on, when page markers say; 0 if unknown."""
    joined_to: int = 0
    """Line number of the line this one continues (a paragraph broken across a page)."""
    hint: SourceLine | None = None
    """What the paper's reader knew about the line (page, size, bold, OCR)."""
    kept_as_text: str = ""
    """The furniture a rule judged this line to be, undone because too much of the paper would have gone."""

    @property
    def is_content(self) -> bool:
        return bool(self.text.strip())


Rule = Callable[[list[Line]], list[Line]]

_PAGE_MARKER = re.compile(r"^\s*+(?:#{1,6}\s*+)?(?:\*\*)?\s*+Page\s+(\d{1,4})\s*+(?:\*\*)?\s*$", re.IGNORECASE)
_RUNNING_HEADER = re.compile(
    r"^\s*+(?:#{1,6}\s*+)?(?:\*\*)?\s*+(?:\d{1,4}\s++)?(?:\*\*)?\s*+"
    r"(?P<name>[A-Z][A-Z ,&'’()]{3,}?)(?<! )\s++[-–]\s*+(?P<date>\d{1,2}/\d{1,2}/\d{2,4})?\s*+(?:\*\*)?\s*$"
)
_TABLE_RULE = re.compile(r"^[\s\-|:]*--[\s\-|:]*$")
_FILE_SIZE = re.compile(
    r"(?<!\s)\s*(?:pdf icon\s*)?\b(?:PDF|DOC|DOCX|XLS|XLSX|PPT|PPTX|RTF)\s+\d+(?:\.\d+)?\s?[KMG]B\b", re.IGNORECASE
)
_SIZE_UNIT = re.compile(r"[KMG]B", re.IGNORECASE)
"""What `_FILE_SIZE` needs in a line: a line without it is not searched."""
_BULLET = re.compile(r"^\s*[·•●○◦▪■\uf0b7\uf0a7\uf0d8\uf076\u2023\u2043]\s*")
_TERMINAL = re.compile(r"[.!?:;]['’\")\]*]*$")
_BLOCK_START = re.compile(
    r"^\s*(?:#|[-*+]\s|\d+[.)]\s|\(\w{1,3}\)|(?:[a-z]|[ivx]{2,4})[.)]\s+(?=[A-Z0-9£\"'‘“(])|\||>)"
)
"""What opens a block of its own, never the rest of the line above: a heading, a bullet, a number, a letter
or roman numeral and its title ("b) To receive the accounts", "ii. Play area"), a table row, a quotation."""


def read_lines(paper: PaperText) -> list[Line]:
    """The paper as numbered lines, each still holding its source text; lines the reader
    judged page furniture arrive as artefacts."""
    return [
        Line(
            number=s.number,
            source=s.text,
            text="" if s.furniture else s.text,
            artefact=s.furniture,
            page=s.printed_page,
            hint=s,
        )
        for s in paper.lines
    ]


def blank_lines(lines: list[Line]) -> list[Line]:
    """Lines of only spaces or no-break spaces are blank; other lines lose trailing spaces."""
    out = []
    for line in lines:
        text = line.text.replace("\u00a0", " ").replace("\u200b", "")
        hard_break = text.endswith("  ") and text.strip()
        text = text.rstrip()
        text = text + ("  " if hard_break else "") if text.strip() else ""
        # a frozen line is kept as it is where nothing changes (most lines): `replace` costs microseconds
        out.append(line if text == line.text else replace(line, text=text))
    return out


_LONG_LINE = 200
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


_INLINE_MINUTE = re.compile(r"(?<=\s)(?=[A-Za-z]{1,5}/\d{1,4}/\d{2}(?:-\d{2})?\s)")


def flattened_lines(lines: list[Line]) -> list[Line]:
    """A long line that is a whole page the exporter flattened: where runs of spaces hold its
    pieces apart ("38 Request of …  (Communication)  PLACED ON FILE  39 Request …"), or where
    minute numbers run through it ("… Groby Cou/285/07-08 Present … Cou/286/07-08 Apologies …"),
    each piece becomes a line of its own so headings and lists inside it can be seen. The
    pieces keep the line's number; read together they are the line."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        minutes = _run_together_minutes(text) if "/" in text and "\t" not in text else []
        if minutes:
            # "41/19 Apologies: … 42/19 Declarations: … 43/19 …": minutes run together in one paragraph
            cuts = [0, *minutes, len(text)]
            out.extend(
                replace(line, source=piece, text=piece)
                for a, b in itertools.pairwise(cuts)
                if (piece := text[a:b].strip())
            )
            continue
        if len(text) < _LONG_LINE or "\t" in text:
            out.append(line)
            continue
        runs = list(_SPACE_RUN.finditer(text))
        # Sentences set apart by two spaces ("Motion carried.  Motion by …") are one paragraph, not pieces.
        between = [r for r in runs if not re.search(r"[.!?:;]['\")]?$", text[: r.start()])]
        if (len(runs) >= 6 and len(between) >= len(runs) // 2) or (
            len(between) >= 3 and len(between) >= 0.6 * len(runs)
        ):
            pieces = [p.strip() for p in _SPACE_RUN.split(text.strip()) if p.strip()]
            pieces = [q for p in pieces for q in _page_count_split(p)]
        elif len(text) >= 2 * _LONG_LINE and len(_INLINE_MINUTE.findall(text)) >= 2:
            pieces = [p.strip() for p in _INLINE_MINUTE.split(text.strip()) if p.strip()]
        elif len(text) >= 3 * _LONG_LINE and (_inline_items(text) or len(_capital_labels(text)) >= 3):
            cuts = sorted(set(_inline_items(text) + _inline_letters(text) + _capital_labels(text)) - {0})
            pieces = [
                text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)], strict=False) if text[a:b].strip()
            ]
        else:
            out.append(line)
            continue
        out.extend(replace(line, source=piece, text=piece) for piece in pieces)
    return out


_RUN_MINUTE = re.compile(r"(?:^|(?<=[.:!?)]\s))(?P<n>\d{1,4})/(?P<year>\d{2,4})\s+(?=[A-Z])")


def _run_together_minutes(text: str) -> list[int]:
    """Where minutes numbered like "41/19" begin inside one paragraph that opens with one of them ("41/19
    Apologies: … 42/19 Declarations: None. 43/19 Minutes: …"): the later numbers, each one more than the
    one before in the same year, each after a sentence's end; none where fewer than two follow."""
    found = list(_RUN_MINUTE.finditer(text))
    if len(found) < 3 or found[0].start() != 0:
        return []
    cuts = []
    for before, match in itertools.pairwise(found):
        if match.group("year") != before.group("year") or int(match.group("n")) != int(before.group("n")) + 1:
            break
        cuts.append(match.start())
    return cuts if len(cuts) >= 2 else []


_INLINE_ITEM = re.compile(r"(?<=[.:!?)]\s)(\d{1,2})\.\s+(?=[A-Z(])")
_LOOSE_INLINE_ITEM = re.compile(r"(?<=\s)(\d{1,2})\.\s+(?=[A-Z(])")
"""Numbers with no full stop before them ("AGENDA 1. Apologies 2. Declarations …"): trusted only in long runs."""


def _inline_items(text: str) -> list[int]:
    """Where numbered items begin inside a page flattened to one paragraph ("… 1. Welcome: The Chairman …
    2. Apologies for Absence: …"): positions of every run of numbers counting up by one from where it
    starts, at least three long (a pack flattened whole holds the agenda's run and the minutes' run),
    and where a document's own title begins among them ("… HERTINGFORDBURY PARISH COUNCIL MINUTES OF
    THE MEETING …", "… AGENDA 1. Apologies …")."""
    runs = _runs(text, _INLINE_ITEM, 3)
    taken = {p for r in runs for p in r}
    runs += [r for r in _runs(text, _LOOSE_INLINE_ITEM, 8) if not taken & set(r)]
    if not runs:
        return []
    titles = [m.start() for m in _INLINE_TITLE.finditer(text) if m.start() > 0]
    runs.sort(key=lambda r: r[0])
    # A run of its own is a document's items when a title stands between it and the run before it;
    # other runs are lists inside items, and the longest run is the paper's items.
    longest = max(runs, key=len)
    kept = [
        r for n, r in enumerate(runs) if r is longest or (n > 0 and any(runs[n - 1][-1] < t < r[0] for t in titles))
    ]
    minutes_titles = [t for t in titles if not text.startswith("AGENDA", t)]
    # Under a document's title, its attendance labels open lines of their own, as on the printed page.
    labels = [m.start() for m in _INLINE_LABEL.finditer(text) if minutes_titles and m.start() > minutes_titles[0]]
    return sorted(set([p for r in kept for p in r] + titles + labels))


def _runs(text: str, pattern: re.Pattern[str], shortest: int) -> list[list[int]]:
    """Positions of the runs of numbers counting up by one (each at least `shortest` long); a run
    starts at 1, and a number out of step inside a run is text. One run: the longest."""
    runs: list[list[int]] = []
    run: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        n = int(match.group(1))
        if run and n == run[-1][0] + 1:
            run.append((n, match.start()))
        elif n == 1 or not run:
            if len(run) >= shortest:
                runs.append([p for _, p in run])
            run = [(n, match.start())]
    if len(run) >= shortest:
        runs.append([p for _, p in run])
    return runs


_INLINE_LABEL = re.compile(
    r"(?<=\s)(?:PRESENT|Present|IN ATTENDANCE|In attendance|Also present|APOLOGIES|Apologies)\s*:"
)
_INLINE_TITLE = re.compile(
    r"(?<=[\s.])(?:(?:[A-Z][A-Z'’&,-]+\s+){1,6}(?:MINUTES|AGENDA)\s+OF\s+THE\s+(?:[A-Z]+\s+)?MEETING\b|AGENDA(?=\s+1[.)]\s))"
)


_CAPITAL_LABEL = re.compile(r"(?<=\s)(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:[A-Z][A-Z'’&/-]+ ){0,6}[A-Z][A-Z'’&/-]+:(?=\s)")


_ATTENDANCE_LABEL = re.compile(
    r"^(?:PRESENT|APOLOGIES(?: FOR ABSENCE)?|IN ATTENDANCE|ALSO PRESENT|ABSENT|ATTENDING|MEMBERS PRESENT):$"
)


def _capital_labels(text: str) -> list[int]:
    """Where headings in capitals run into their text begin in a flattened page ("… P. Rowland.
    IN ATTENDANCE: Mr. P. Gallagher … VOTES OF SYMPATHY: Votes of sympathy were …"): trusted
    when three or more stand in the page."""
    found = list(_CAPITAL_LABEL.finditer(text))
    if any(m.group(0)[0].isdigit() for m in found):
        return []  # numbered headings are the page's structure: the item numbers cut it
    if len(found) < 3:
        return []
    # Attendance labels stay where they are: the attendance reader reads them inside the paragraph,
    # "PRESENT: APOLOGIES: list. list" (two columns flattened together) included.
    return [m.start() for m in found if not _ATTENDANCE_LABEL.match(m.group(0))]


_INLINE_LETTER = re.compile(r"(?<=[.:!?]\s)([a-h])\)\s+(?=[A-Z])")


def _inline_letters(text: str) -> list[int]:
    """Where lettered sub-items begin in a flattened page ("… 5. Matters Arising: a) Memorial: … b) Public
    Toilets: …"): positions of a run of letters from "a)" on, at least two long."""
    out: list[int] = []
    run: list[tuple[str, int]] = []
    for match in _INLINE_LETTER.finditer(text):
        letter = match.group(1)
        if letter == "a":
            if len(run) >= 2:
                out += [p for _, p in run]
            run = [(letter, match.start())]
        elif run and ord(letter) == ord(run[-1][0]) + 1:
            run.append((letter, match.start()))
    if len(run) >= 2:
        out += [p for _, p in run]
    return out


_PAGE_COUNT = re.compile(r"^(\d{1,3} of \d{1,3})\s+(?=\S)")


def _page_count_split(piece: str) -> list[str]:
    """ "2 of 18 *43 Authorize …": a page count the flattening ran into the next words."""
    match = _PAGE_COUNT.match(piece)
    return [match.group(1), piece[match.end() :]] if match else [piece]


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def web_entities(lines: list[Line]) -> list[Line]:
    """HTML entities a web page's text kept ("1.&nbsp;&nbsp;&nbsp;Call to Order", "Fish &amp; Chips"):
    the characters they stand for (a no-break space becomes a space)."""
    out = []
    for line in lines:
        if "&" in line.text and _ENTITY.search(line.text):
            text = _ENTITY.sub(lambda m: html_entities.unescape(m.group(0)), line.text).replace("\u00a0", " ")
            out.append(replace(line, text=text))
        else:
            out.append(line)
    return out


_HIDDEN = re.compile(r"^\s*<(span|div|p)\b[^>]*display\s*:\s*none[^>]*>.*?</\1>\s*$", re.IGNORECASE)


def hidden_html(lines: list[Line]) -> list[Line]:
    """Markup a web page never shows (`style="display:none"`), such as a search tool's filter tags."""
    return [
        replace(line, text="", artefact="hidden web-page text") if _HIDDEN.match(line.text) else line for line in lines
    ]


_CALLOUT = re.compile(r"^(\s*>\s*)\[![\w-]+\][-+]?\s*")


def callouts(lines: list[Line]) -> list[Line]:
    """A note-taking app's callout ("> [!abstract]- Present:") is a quotation with a title."""
    return [replace(line, text=_CALLOUT.sub(r"\1", line.text)) if _CALLOUT.match(line.text) else line for line in lines]


_BREAK = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,}|={3,})\s*$")
_BARE_NUMBER = re.compile(r"^\s*(?:>\s*)?\d{1,3}\s*$")
_PAGE_OF = re.compile(r"^\s*(?:page\s+)?\d{1,3}\s+of\s+\d{1,3}\s*$", re.IGNORECASE)


_STAMP = re.compile(
    r"^\s*+(?:\*\*)?\s*+(?:agenda\s+item\s+\d{1,3}[a-z]?|item\s+\d{1,3}[a-z]?\s+\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4})\s*(?:\*\*)?\s*$",
    re.IGNORECASE,
)
"""A pack's stamp: "Agenda Item 5"; "Item 153b 28 Mar 18" (the later meeting that received the paper)."""
_WATERMARK = re.compile(r"^\s*+(?:\*\*)?\s*+(?:D\s?R\s?A\s?F\s?T\s*+)+(?:\*\*)?\s*$")
"""A line that is only "DRAFT" (in capitals, perhaps repeated or letter-spaced): a watermark, not text."""
_BLANK_PAGE = re.compile(
    r"^\s*+(?:\*\*)?\s*+this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank\.?\s*(?:\*\*)?\s*$",
    re.IGNORECASE,
)


def pack_stamps(lines: list[Line]) -> list[Line]:
    """What a publishing system prints on a pack's pages: "Agenda Item 5" stamped at the top
    of each paper, "This page is intentionally left blank"."""
    out = []
    for line in lines:
        if _STAMP.match(line.text):
            out.append(replace(line, text="", artefact="agenda item stamp"))
        elif _BLANK_PAGE.match(line.text):
            out.append(replace(line, text="", artefact="blank page"))
        elif _WATERMARK.match(line.text):
            out.append(replace(line, text="", artefact="watermark"))
        else:
            out.append(line)
    return out


_PAGE_ANCHORS = ("page break", "page marker", "agenda item stamp", "blank page")


def page_breaks(lines: list[Line]) -> list[Line]:
    """Where an export marks the end of a page: a rule ("---") between pages, the page number
    printed just after or before it, a note repeated at the top of every page ("Scanned page,
    text may contain errors"), and a page number standing alone in a quotation ("> 18")."""
    out = list(lines)
    breaks = [i for i, line in enumerate(out) if not line.artefact and _BREAK.match(line.text)]
    if len(breaks) >= 2:
        for i in breaks:
            out[i] = replace(out[i], text="", artefact="page break")
    near_break = _near(out, {i for i, line in enumerate(out) if line.artefact in _PAGE_ANCHORS})
    notes = Counter(_digits(out[i].text) for i in near_break if out[i].is_content)
    for i in near_break:
        line = out[i]
        if (
            line.is_content
            and not line.artefact
            and notes[_digits(line.text)] >= 2
            and not _BARE_NUMBER.match(line.text)
        ):
            out[i] = replace(line, text="", artefact="running header")
    headers = {
        _digits(line.text)
        for i, line in zip(range(len(lines)), lines, strict=False)
        if out[i].artefact == "running header"
    }
    first = next((i for i, line in enumerate(out) if line.is_content and not line.artefact), None)
    if first is not None and headers and _digits(out[first].text) in headers:
        out[first] = replace(out[first], text="", artefact="running header")  # the same note atop page 1
    near_break = _near(out, {i for i, line in enumerate(out) if line.artefact in _PAGE_ANCHORS + ("running header",)})
    for i, line in enumerate(out):
        if not line.artefact and _PAGE_OF.match(line.text):
            out[i] = replace(line, text="", artefact="page number")
            continue
        if line.artefact or not _BARE_NUMBER.match(line.text):
            continue
        if i in near_break or line.text.lstrip().startswith(">"):
            out[i] = replace(line, text="", artefact="page number")
    return out


def _near(lines: list[Line], anchors: set[int], reach: int = 1) -> set[int]:
    """Indexes of the content lines within `reach` content lines of an anchor line."""
    near: set[int] = set()
    for anchor in anchors:
        for step in (-1, 1):
            i, seen = anchor + step, 0
            while 0 <= i < len(lines) and seen < reach:
                if lines[i].is_content and not lines[i].artefact:
                    near.add(i)
                    seen += 1
                i += step
    return near


def _digits(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


_MIRROR = (
    re.compile(r"^Size: ?px$"),
    re.compile(r"^Start display at page:?$"),
    re.compile(r"^Download \".*\"$"),
    re.compile(r"^(?:Transcription|TRANSCRIPT|Documents|Category:|Report this (?:document|link)|Embed)$"),
    re.compile(r"^Upload: .{0,40}$"),
    re.compile(r"^Post on \d{1,2}-\w{3}-\d{4}$"),
    re.compile(r"^\d+ (?:views?|downloads?)$"),
)


def mirror_site_furniture(lines: list[Line]) -> list[Line]:
    """A document-sharing site's page around the text ("Size: px", "Start display at page:",
    "Upload: others", "3 views", "TRANSCRIPT"): recognised when several of its labels appear."""
    hits = [i for i, line in enumerate(lines) if any(p.match(line.text.strip()) for p in _MIRROR)]
    if len(hits) < 3:
        return lines
    out = list(lines)
    for i in hits:
        out[i] = replace(out[i], text="", artefact="document-sharing site furniture")
    titles = {m.group(1).strip() for i in hits if (m := re.match(r'^Download "(.*)"$', lines[i].text.strip()))}
    for i in range(hits[0]):
        if lines[i].text.strip() in titles:  # the page's title, which the download link repeats
            out[i] = replace(out[i], text="", artefact="document-sharing site furniture")
    # Such sites print each page of the transcript as one paragraph led by its page number:
    # "1 MINUTES OF THE MONTHLY MEETING …", "2 … continued". The numbers run 1, 2, 3 in order.
    expected = 1
    for i in range(hits[-1] + 1, len(out)):
        led = re.match(r"^(\d{1,3}) (?=\S)", out[i].text)
        if led and int(led.group(1)) == expected and len(out[i].text.split()) >= 12:
            out[i] = replace(out[i], text=out[i].text[led.end() :], removed=out[i].removed + (led.group(1),))
            expected += 1
    return out


_SPACED = re.compile(r"(?<![\w])(?:[A-Z] ){3,}[A-Z](?![\w])")


def unspace_letters(text: str) -> str:
    """ "A G E N D A" -> "AGENDA"."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def letter_spacing(lines: list[Line]) -> list[Line]:
    """Words printed with their letters spaced out for emphasis ("A G E N D A", "T H A T")."""
    return [replace(line, text=unspace_letters(line.text)) if _SPACED.search(line.text) else line for line in lines]


def bold_spans(lines: list[Line]) -> list[Line]:
    """A bold phrase wrapped over two or three lines ("**6. Review of the Risk Assessment" /
    "insurance**"): the lines are joined so the phrase, and its marks, sit on one line.
    Only an opening mark left open is followed; a list entry or heading never joins."""
    out = list(lines)
    i = 0
    while i < len(out):
        line = out[i]
        if line.artefact or not _opens_bold(line.text):
            i += 1
            continue
        for k in range(i + 1, min(len(out), i + 4)):
            nxt = out[k]
            if not nxt.is_content or nxt.artefact or "\t" in nxt.text or _BLOCK_START.match(nxt.text):
                break
            if nxt.text.count("**") % 2:
                if not _closes_bold(nxt.text):
                    break
                text = " ".join(out[m].text.strip() for m in range(i, k + 1))
                out[i] = replace(line, text=text)
                for m in range(i + 1, k + 1):
                    out[m] = replace(out[m], text="", joined_to=line.number)
                i = k
                break
        i += 1
    return out


def _opens_bold(text: str) -> bool:
    """An odd number of "**" whose last mark opens a phrase ("**6. Review of the")."""
    if text.count("**") % 2 == 0:
        return False
    at = text.rfind("**")
    return at + 2 < len(text) and not text[at + 2].isspace()


def _closes_bold(text: str) -> bool:
    at = text.find("**")
    return at > 0 and not text[at - 1].isspace()


def page_markers(lines: list[Line]) -> list[Line]:
    """ "## Page 6" or "Page 175" on a line of its own: where a pack page starts.

    The number is kept on every following line (`page`) so a document can be tied to the
    agenda item whose page range it falls in.
    """
    out, page = [], 0
    for line in lines:
        match = _PAGE_MARKER.match(line.text)
        if match:
            page = int(match.group(1))
            out.append(replace(line, text="", artefact="page marker", page=page))
        else:
            # A paged reader may already know the printed page; a marker in the text says it otherwise.
            known = line.page or page
            out.append(line if known == line.page else replace(line, page=known))
    return out


_DETACHED_SUPERSCRIPT = re.compile(r"^\s*(?:\*\*)?(?:st|nd|rd|th|ST|ND|RD|TH)(?:\*\*)?\s*$")


def detached_superscripts(lines: list[Line]) -> list[Line]:
    """ "th" on a line of its own: a date's raised ordinal ("15<sup>th</sup>") that a PDF's text set apart
    from its date, which would otherwise run into the heading above it ("… Community Council th")."""
    return [
        replace(line, text="", artefact="superscript") if _DETACHED_SUPERSCRIPT.match(line.text) else line
        for line in lines
    ]


def running_headers(lines: list[Line]) -> list[Line]:
    """A committee name in capitals ending in a dash, with or without a page number or short date.

    PDF packs of minutes repeat "COMMUNITIES AND COHESION - 18/11/13" or
    "6 IMPROVING LIVES SELECT COMMISSION -" at the top of each page.
    """
    matches = {i: _RUNNING_HEADER.match(line.text) for i, line in enumerate(lines)}
    repeats = Counter(_digits(lines[i].text) for i, m in matches.items() if m)
    return [
        replace(line, text="", artefact="running header")
        if (m := matches[i]) and (m.group("date") or repeats[_digits(line.text)] >= 2)
        else line
        for i, line in enumerate(lines)
    ]


def repeated_page_lines(lines: list[Line]) -> list[Line]:
    """A short line that opens the paper and is printed again beside each later page's number
    ("APM Mins 24.04.19" … "1" … "APM Mins 24.04.19"): a running header, and the bare numbers
    beside it page numbers."""
    content = [i for i, line in enumerate(lines) if line.is_content and not line.artefact]
    if len(content) < 4:
        return lines
    position = {i: n for n, i in enumerate(content)}

    def neighbours(i: int) -> list[int]:
        n = position[i]
        return [content[k] for k in (n - 1, n + 1) if 0 <= k < len(content)]

    short = [
        i
        for i in content
        if len(lines[i].text.split()) <= 8
        and len(lines[i].text) <= 80
        and not _BARE_NUMBER.match(lines[i].text)
        and not lines[i].text.lstrip().startswith("#")
    ]
    groups: dict[str, list[int]] = {}
    for i in short:
        groups.setdefault(_digits(lines[i].text), []).append(i)
    out = list(lines)
    for _key, where in groups.items():
        if len(where) < 2 or where[0] != content[0]:
            continue  # a running header is printed at the top of the first page too
        if re.fullmatch(r"[A-Za-z]{1,6}\.?", lines[where[0]].text.strip()):
            continue  # "PAR" above each "1", "2": a minute number's prefix
        beside = {i: [k for k in neighbours(i) if _BARE_NUMBER.match(lines[k].text)] for i in where}
        if not all(beside[i] or i == content[0] for i in where):
            continue
        for i in where:
            out[i] = replace(out[i], text="", artefact="running header")
            for k in beside[i]:
                out[k] = replace(out[k], text="", artefact="page number")
    return out


def table_rules(lines: list[Line]) -> list[Line]:
    """Rows of dashes between tab-separated cells ("-----\\t---"): the exporter's table borders."""
    return [
        replace(line, text="", artefact="table rule")
        if line.text and _TABLE_RULE.match(line.text) and ("\t" in line.text or "|" in line.text)
        else line
        for line in lines
    ]


def web_page_noise(lines: list[Line]) -> list[Line]:
    """ModernGov page furniture: "pdf icon PDF 77 KB" after a title, "Additional documents:",
    and the "Items" / "No. Item" header of the items table."""
    is_web_page = any(_SIZE_UNIT.search(line.text) and _FILE_SIZE.search(line.text) for line in lines) or any(
        line.text.strip().lower() in ("agenda and minutes", "agenda, decisions and minutes") for line in lines[:12]
    )
    if not is_web_page:
        return lines
    out = []
    for line in lines:
        stripped = line.text.strip()
        if stripped in (
            "Additional documents:",
            "Items",
            "No. Item",
            "No.",
            "Item",
            "- Share this item",
            "Share this item",
            "• Share this item",
            "Media",
        ):
            out.append(replace(line, text="", artefact="web page furniture"))
            continue
        found = _FILE_SIZE.findall(line.text)
        if found:
            out.append(
                replace(
                    line, text=_FILE_SIZE.sub("", line.text), removed=line.removed + tuple(f.strip() for f in found)
                )
            )
        else:
            out.append(line)
    return out


def stray_html(lines: list[Line]) -> list[Line]:
    """HTML left by the exporter: <sup>th</sup> becomes "th", <b> bold, <h1> a heading;
    lists and paragraphs inside table cells become text joined by "; "."""
    out = []
    for line in lines:
        if "<" not in line.text:
            out.append(line)
            continue
        if "\t" in line.text:
            text = "\t".join(html.cell_text(cell) for cell in line.text.split("\t"))
        else:
            text = html.line_markdown(line.text)
        out.append(replace(line, text=text.rstrip()))
    return out


def bullet_glyphs(lines: list[Line]) -> list[Line]:
    """Bullets drawn as characters ("·", "•", the Symbol-font "\\uf0b7") become Markdown list items;
    a list item indented by one space (" - a well-trained…") is nested under the one before."""
    out = []
    for line in lines:
        text = line.text
        if _BULLET.match(text) and "\t" not in text:
            rest = _BULLET.sub("", text, count=1)
            text = "- " + rest if rest else ""
        elif re.match(r"^ [-*] ", text):
            text = "  " + text[1:]
        out.append(line if text == line.text else replace(line, text=text))
    return out


def stray_bold(lines: list[Line]) -> list[Line]:
    """A line with an odd number of "**" has lost half a bold pair in the export; drop its markers
    ("- Venue:-** Microsoft Teams" becomes "- Venue:- Microsoft Teams")."""
    return [replace(line, text=line.text.replace("**", "")) if line.text.count("**") % 2 else line for line in lines]


_MEETING_KEY = re.compile(r"^(?:\*\*)?(?i:date|time|place|venue|location|where|when)(?:\*\*)?\s*+:?(?:\*\*)?$")


def key_value_rows(lines: list[Line]) -> list[Line]:
    """A row of two cells, a meeting's key and its value ("DATE: | February 3, 2025", a letterhead's table or a
    scan's layout), is the line "DATE: February 3, 2025" the heading would print; a row of a wider table, its key in
    a later column ("| BRIEFING | TO: | …" / "|   | DATE: | 28 July 2020 |"), stays the table's."""
    out = []
    for line in lines:
        cells = [cell.strip() for cell in line.text.split("\t")] if "\t" in line.text else []
        filled = [cell for cell in cells if cell]
        if len(filled) == 2 and cells[0] and _MEETING_KEY.match(filled[0]):  # a key in its row's first cell
            key = filled[0].replace("**", "").rstrip(": ")
            line = replace(line, text=f"{key}: {filled[1]}")
        out.append(line)
    return out


def repeated_table_headers(lines: list[Line]) -> list[Line]:
    """A table's header row printed again at the top of the next page ("ACTION\tDELIVERY
    MILESTONES\t…" fifty times over): the repeat is dropped and the table runs on."""
    out = list(lines)
    header = ""
    last_was_table = False
    for i, line in enumerate(out):
        if line.artefact or not line.is_content:
            continue
        if "\t" not in line.text:
            header, last_was_table = "", False
            continue
        if not last_was_table or not header:
            header = line.text.strip()
        elif line.text.strip() == header and out[i - 1].text.strip() != header:
            if not out[i - 1].is_content or out[i - 1].artefact:
                out[i] = replace(line, text="", artefact="repeated table header")
        last_was_table = True
    return out


def double_spaced(lines: list[Line]) -> list[Line]:
    """An export that set every printed line as a paragraph of its own (a blank line after
    each): where that is the paper's habit, a line left unfinished joins the next one, so
    "the Cathaoirleach declared Councillor Stephen" / "Keary elected" reads as one sentence."""
    content = [i for i, line in enumerate(lines) if line.is_content and not line.artefact]
    pairs = [(a, b) for a, b in itertools.pairwise(content) if b == a + 2 and not lines[a + 1].is_content]
    unfinished = [(a, b) for a, b in pairs if _unfinished(lines[a].text) and _plain_text(lines[b].text)]
    if len(content) < 20 or len(unfinished) < 0.3 * len(content):
        return lines
    out = list(lines)
    head = -1
    for a, b in unfinished:
        target = head if head >= 0 and out[a].joined_to else a
        if out[target].joined_to:
            continue
        out[target] = replace(out[target], text=out[target].text.rstrip() + " " + out[b].text.strip())
        out[b] = replace(out[b], text="", joined_to=out[target].number)
        head = target
    return out


_ENDS_WITH_WHEN = re.compile(r"(?:\d{1,2}[.:]\d\d|\d)\s*(?:[ap]\.?m\.?|hrs|noon)$|\b(?:19|20)\d\d$", re.IGNORECASE)


def _unfinished(text: str) -> bool:
    text = text.strip()
    if _ENDS_WITH_WHEN.search(text):
        return False  # "Cabinet - Monday, 2nd October, 2023 6.00 pm": a title that ends with its date or time
    return len(text.split()) >= 5 and not _TERMINAL.search(text) and _plain_text(text)


def _plain_text(text: str) -> bool:
    """Running text: not a heading, list entry, table row, number or bold heading."""
    text = text.strip()
    return (
        bool(text)
        and not _BLOCK_START.match(text)
        and "\t" not in text
        and not text.startswith("**")
        and not re.match(r"^\d", text)
    )


def broken_paragraphs(lines: list[Line]) -> list[Line]:
    """A paragraph the page ended in the middle of: the next paragraph starts in lower case, or
    a page marker or running header sits between two long lines and the first has no full stop.
    The continuation is joined onto the first line so the sentence reads whole."""
    out = list(lines)
    previous = -1  # index of the last content line
    artefact_between = False
    for i, line in enumerate(out):
        if line.artefact:
            # a date's raised ordinal set apart is no page's end: the paragraphs around it stay apart
            artefact_between = artefact_between or line.artefact != "superscript"
            continue
        if not line.is_content:
            continue
        if (
            previous >= 0
            and not _set_apart(out[previous])
            and not _NUMBERED_HEADING.match(out[previous].text)
            and _continues(out[previous].text, line.text, artefact_between)
        ):
            head = out[previous]
            out[previous] = replace(head, text=head.text.rstrip() + " " + line.text.strip())
            out[i] = replace(line, text="", joined_to=head.number)
        else:
            previous = i
        artefact_between = False
    return out


def _set_apart(line: Line) -> bool:
    """A heading the layout set apart (a PDF's bold or larger line) ends where it ends."""
    hint = line.hint
    return hint is not None and bool(hint.heading or hint.bold)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


_NUMBERED_HEADING = re.compile(r"^\s*\d{1,3}[.)]?\s+\S+(?:\s+\S+){0,4}\s*$")
"""A number and a short title ("2         Apologies"): an item's heading, never a sentence the page broke."""
_LABEL_START = re.compile(r"^(?:resolved|agreed|decision|present|apologies|recommendations?)\b\s*[:\-–]", re.IGNORECASE)


def _continues(before: str, after: str, artefact_between: bool) -> bool:
    if _LABEL_START.match(after.lstrip()):
        return False  # "Resolved: - That …" opens its own paragraph
    if "\t" in before or "\t" in after or before.lstrip().startswith("#") or _BLOCK_START.match(after):
        return False
    if before.endswith("  ") or _TERMINAL.search(before.rstrip()) or before.rstrip().endswith("**"):
        return False
    first = after.lstrip()[:1]
    if first.islower():
        return True
    if _in_capitals(before):
        return False  # a heading in capitals, then a new paragraph over the page break
    if _ENDS_WITH_WHEN.search(before.rstrip()):
        return False  # a meeting's title line, ending with its date or time
    return artefact_between and first.isalpha() and len(before.split()) >= 6 and len(after.split()) >= 6


MAX_FURNITURE_SHARE = 0.15
"""Most of a paper's text that repetition may take away as running headers and footers.
Real headers and footers are a few per cent of a paper (under ten in every test corpus)."""
_FURNITURE_FLOOR = 2000
"""Characters that may always go: a short paper's header can be a large share of it."""
_BY_REPETITION = ("running header", "running footer", "repeated table header")


def furniture_share(lines: list[Line]) -> list[Line]:
    """Lines taken away for repeating on page after page are put back when they are too much of the
    paper (a 2,000-page pack whose pages each open with a resolution): past MAX_FURNITURE_SHARE of its
    text, the repeated lines are kept as text again, longest first, until what goes is within it.
    Each such line says why in `kept_as_text`; `furniture_warning` tells the user."""
    removed = [i for i, line in enumerate(lines) if line.artefact in _BY_REPETITION and line.source.strip()]
    total = sum(len(line.source) for line in lines if line.is_content or line.artefact)
    gone = sum(len(lines[i].source) for i in removed)
    allowed = max(MAX_FURNITURE_SHARE * total, _FURNITURE_FLOOR)
    if gone <= allowed:
        return lines
    groups: dict[str, list[int]] = {}
    for i in removed:
        groups.setdefault(_digits(lines[i].source), []).append(i)
    out = list(lines)
    # Headers are short; long lines that repeat are the likelier mistake, so they come back first.
    for _key, where in sorted(groups.items(), key=lambda kv: (-max(len(lines[i].source) for i in kv[1]), kv[0])):
        if gone <= allowed:
            break
        for i in where:
            line = lines[i]
            out[i] = replace(line, text=line.source, artefact="", kept_as_text=line.artefact)
            gone -= len(line.source)
    return out


def furniture_warning(lines: list[Line]) -> str:
    """The warning for a paper whose repeated lines `furniture_share` kept as text, "" if none were."""
    kept = [line for line in lines if line.kept_as_text]
    if not kept:
        return ""
    taken = sum(1 for line in lines if line.artefact in _BY_REPETITION and line.source.strip())
    return (
        f"{len(kept) + taken} lines repeat on page after page like running headers or footers, more than "
        f"{MAX_FURNITURE_SHARE:.0%} of the paper's text; {taken} were removed as such and {len(kept)} kept as text "
        f"(limit: {MAX_FURNITURE_SHARE:.0%} of a paper): check them, `minutes convert --explain` lists them"
    )


RULES: tuple[Rule, ...] = (
    blank_lines,
    flattened_lines,
    web_entities,
    hidden_html,
    callouts,
    mirror_site_furniture,
    page_markers,
    detached_superscripts,
    pack_stamps,
    page_breaks,
    running_headers,
    repeated_page_lines,
    table_rules,
    web_page_noise,
    stray_html,
    letter_spacing,
    bullet_glyphs,
    bold_spans,
    stray_bold,
    key_value_rows,
    repeated_table_headers,
    furniture_share,
    double_spaced,
    broken_paragraphs,
)
"""The cleaning rules in the order they run; later rules see earlier rules' output."""


def clean_lines(paper: PaperText | str, rules: tuple[Rule, ...] = RULES) -> list[Line]:
    """Run every rule over the paper's lines (a text is read as a text paper would be)."""
    if isinstance(paper, str):
        paper = read_paper(paper.encode("utf-8"), "paper.txt")
    lines = read_lines(paper)
    for rule in rules:
        lines = rule(lines)
    return lines
