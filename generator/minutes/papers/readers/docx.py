"""Word documents (.docx), as parish and town councils often publish them.

Read with python-docx: headings come from paragraph styles ("Heading 2", "Title"),
list items from Word's numbering (bullets become "- ", numbered items get the number
Word would print), tables become rows of tab-separated cells, and running headers and
footers are kept as furniture so `explain` shows them. A .docx has no pages until Word
lays it out, so lines carry no page numbers.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from minutes.core.errors import Problem
from minutes.papers.readers.base import DEFAULT_LIMITS, LineWriter, PaperText, ReadLimits, past_limit
from minutes.papers.readers.numbering import cell_lines, item_row, number_text

if TYPE_CHECKING:  # python-docx is imported only when a Word document is read (it brings lxml)
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.IGNORECASE)
MAX_RATIO = 100
"""A part of the zip may unpack to at most this many times its packed size (Word's XML packs
five to twenty times; a decompression bomb, a thousand)."""
_RATIO_FROM = 1_000_000
"""Parts smaller than this unpacked are never a bomb, however well they pack."""


class DocxReader:
    name = "docx"

    def sniff(self, head: bytes) -> bool:
        """A zip file whose parts include Word's main document."""
        return head.startswith(b"PK\x03\x04") and b"word/" in head

    def import_parser(self) -> None:
        import docx.table  # noqa: F401

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        bomb = _unpacked_too_large(data, shown_as, limits)
        if bomb is not None:
            return PaperText(lines=(), format=self.name, problems=(bomb,))
        try:
            import docx  # python-docx; imported here so other formats do not pay for lxml
            from docx.table import Table

            document = docx.Document(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            message = f"the Word document cannot be read ({exc}); open it in Word and save it again as .docx"
            return PaperText(lines=(), format=self.name, problems=(Problem(shown_as, 0, message, "error"),))
        except Exception as exc:  # python-docx raises its own types for broken packages
            message = (
                f"the Word document cannot be read ({type(exc).__name__}); open it in Word and save it again as .docx"
            )
            return PaperText(lines=(), format=self.name, problems=(Problem(shown_as, 0, message, "error"),))
        writer = LineWriter()
        for section in document.sections[:1]:
            for part, why in ((section.header, "running header"), (section.footer, "running footer")):
                try:
                    texts = [p.text.strip() for p in part.paragraphs]
                except Exception:  # a header part python-docx cannot follow is furniture lost, not text
                    texts = []
                for text in texts:
                    if text:
                        writer.add(text, furniture=why)
        numbering = _Numbering(document)
        for block in _blocks(document):
            if isinstance(block, Table):
                _table(block, writer, numbering)
            else:
                _paragraph(block, numbering, writer)
        return PaperText(lines=tuple(writer.lines), format=self.name, meta=_meta(document))


def _unpacked_too_large(data: bytes, shown_as: str, limits: ReadLimits) -> Problem | None:
    """The error for a document that would unpack to more than the limits allow, read from the
    zip's directory before any part is unpacked; None if it is within them (or not a zip at all,
    which python-docx reports)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    fix = "open it in Word and save it again; if it is a real paper, raise max_unpacked_mb in site.yaml"
    total = sum(part.file_size for part in parts)
    if total > limits.unpacked_mb * 1_000_000:
        return past_limit(
            shown_as,
            f"the Word document unpacks to {total / 1_000_000:,.0f} MB",
            "max_unpacked_mb",
            f"{limits.unpacked_mb} MB",
            fix,
        )
    for part in parts:
        if part.file_size > _RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            return Problem(
                shown_as,
                0,
                f"the Word document's part {part.filename[:80]} unpacks to "
                f"{part.file_size // max(part.compress_size, 1):,} times its packed size, as a decompression bomb does "
                f"(limit: a part may unpack to {MAX_RATIO} times its packed size); open it in Word and save it again",
                "error",
            )
    return None


def _blocks(document: Document) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of the body, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, document)
        elif child.tag == f"{_W}tbl":
            yield Table(child, document)


def _paragraph(paragraph: Paragraph, numbering: _Numbering, writer: LineWriter) -> None:
    text = " ".join(paragraph.text.replace("\t", " ").split())
    if not text:
        return
    style = paragraph.style.name if paragraph.style is not None else ""
    level = _heading_level(style, paragraph)
    if level:
        writer.add("#" * level + " " + text, heading=level)
        return
    label = numbering.label(paragraph, style)
    if label is not None:
        previous_item = (bool(writer.lines) and writer.lines[-1].text.startswith(("- ",))) or (
            bool(writer.lines) and bool(re.match(r"^\(?\w{1,4}[.)]\s", writer.lines[-1].text))
        )
        writer.add(f"{label} {text}" if label != "-" else f"- {text}", blank_before=not previous_item)
        return
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(_is_bold(run, paragraph) for run in runs)
    # A paragraph broken into lines by hand ("Tuesday, 20 February 2024 – 9:00 a.m." / "Board Room, County
    # Government Center" / "200 Second Street NE"): each line as printed, no blank line between them.
    broken = [" ".join(part.replace("\t", " ").split()) for part in paragraph.text.split("\n")]
    for n, piece in enumerate(p for p in broken if p):
        writer.add(f"**{piece}**" if bold else piece, blank_before=n == 0, bold=bold)


def _heading_level(style: str, paragraph: Paragraph) -> int:
    if style.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(style.strip())
    if match:
        return max(1, min(6, int(match.group(1))))
    outline = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None:
        value = outline.get(f"{_W}val")
        if value and value.isdigit() and int(value) < 9:
            return min(6, int(value) + 1)
    return 0


def _is_bold(run: Run, paragraph: Paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _table(table: Table, writer: LineWriter, numbering: _Numbering) -> None:
    first = True
    for row in table.rows:
        cells: list[str] = []
        after: list[str] = []
        seen: set[int] = set()
        paragraphs: list[list[tuple[str | None, str]]] = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            paragraphs.append(_cell_paragraphs(cell.paragraphs, numbering))
        told = item_row(paragraphs)
        if told:
            for n, line in enumerate(told):
                writer.add(line, blank_before=n == 0)
            first = True
            continue
        for cell_paragraphs in paragraphs:
            texts, lines = cell_lines(cell_paragraphs, first=not cells, row=cells)
            cells += texts
            after += lines
        if any(cells):
            writer.add("\t".join(cells), blank_before=first)
            first = False
        for line in after:
            writer.add(line)
        first = first or bool(after)


def _cell_paragraphs(paragraphs: list[Paragraph], numbering: _Numbering) -> list[tuple[str | None, str]]:
    """A table cell's paragraphs, each with the number Word prints before it ("3. Planning" in a table
    of minutes whose items Word numbers itself)."""
    found: list[tuple[str | None, str]] = []
    for paragraph in paragraphs:
        text = paragraph.text.replace("\t", " ").strip()
        if text:
            style = paragraph.style.name if paragraph.style is not None else ""
            found.append((numbering.label(paragraph, style), text))
    return found


class _Numbering:
    """Word's list numbering, worked out as Word prints it: "1.", "(a)", "ii." or a bullet."""

    def __init__(self, document: Document) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in node.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = int(_val(lvl.find(f"{_W}start")) or "1")
                levels[ilvl] = (fmt, text, start)
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = _val(num.find(f"{_W}abstractNumId"))
            for ilvl, spec in abstract.get(ref or "", {}).items():
                self.formats[(num.get(f"{_W}numId", ""), ilvl)] = spec

    def label(self, paragraph: Paragraph, style: str) -> str | None:
        props = paragraph._p.find(f"{_W}pPr/{_W}numPr")
        linked = paragraph.style
        while props is None and linked is not None:
            # list styles ("List Number") carry their numbering in the style
            props = linked.element.find(f"{_W}pPr/{_W}numPr")
            linked = linked.base_style
        if props is None:
            if style.lower().startswith("list bullet"):
                return "-"
            if style.lower().startswith("list number"):
                key = (style, 0)
                self.counters[key] = self.counters.get(key, 0) + 1
                return f"{self.counters[key]}."
            return None
        num_id = _val(props.find(f"{_W}numId")) or ""
        ilvl = int(_val(props.find(f"{_W}ilvl")) or "0")
        if num_id == "0":
            return None  # numbering switched off for this paragraph
        fmt, pattern, start = self.formats.get((num_id, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        if fmt == "bullet" or fmt == "none":
            return "-" if fmt == "bullet" else None
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            spec = self.formats.get((num_id, level), ("decimal", "", 1))
            value = self.counters.get((num_id, level), spec[2])
            return number_text(value, spec[0])

        return re.sub(r"%(\d)", number, pattern).strip() or None


def _val(node: BaseOxmlElement | None) -> str | None:
    return node.get(f"{_W}val") if node is not None else None


def _meta(document: Document) -> dict[str, str]:
    props = document.core_properties
    meta: dict[str, str] = {}
    for name, value in (("title", props.title), ("author", props.author), ("subject", props.subject)):
        if value and str(value).strip():
            meta[name] = str(value).strip()
    if props.created:
        meta["created"] = props.created.isoformat()
    return meta
