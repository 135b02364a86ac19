"""Legacy Word documents (.doc, Word 97-2003), as many parish and community councils still publish them.

A .doc is an OLE compound file (a small file system of streams), read with olefile. The text
is in the WordDocument stream, in pieces listed by the piece table (the CLX, in the table
stream), each piece 8-bit Windows-1252 or UTF-16; the File Information Block at the start of
WordDocument says where the table and the paragraph properties are (the public MS-DOC
specification). Of the properties, only what shapes lines is read: where a table row ends, the
paragraph's style (a heading, or bold) and outline level, the list and level it is numbered in
(its number worked out as Word prints it, by doc_lists.py), and the characters' bold (a paragraph
wholly in bold is "**…**", as the .docx reader writes it). A character style's bold is not read.

Word writes the document as one run of characters with marks for its structure: a paragraph
ends with \\r, a table cell with \\x07 (a row ends with one more \\x07, whose paragraph says it
ends a row), a page or section break is \\x0c, and a field (a page number, a hyperlink) is
\\x13 instruction \\x14 result \\x15, of which only the result is printed. Pictures, drawn
objects and comment marks are single characters standing for what is not text.

Like a .docx, a .doc has no pages until Word lays it out, so lines carry no page numbers; the
running header and footer of the first section are kept as furniture.
"""

from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from minutes.core.errors import Problem
from minutes.papers.readers.base import DEFAULT_LIMITS, LineWriter, PaperText, ReadLimits, SourceLine, past_limit
from minutes.papers.readers.doc_lists import ListNumbers, ListTableError
from minutes.papers.readers.numbering import cell_lines, item_row, labelled

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PIECES = 100_000
"""Pieces in a piece table: a document edited for years has a few thousand."""
_WORD97 = 0x00C0
"""The lowest FIB version (nFib) of Word 97 and every later .doc (Word writes 0x00C1, a few other
programs 0x00C0 or 0x00C2); Word 6 and Word 95 wrote 101 to 105, in a layout not read here."""
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.IGNORECASE)
_STI_TITLE = 62
"""The built-in style "Title" (MS-DOC's sti); 1 to 9 are "heading 1" to "heading 9"."""
_SPRM_FINTABLE, _SPRM_FTTP, _SPRM_OUTLVL, _SPRM_CFBOLD = 0x2416, 0x2417, 0x2640, 0x0835
_SPRM_ILVL, _SPRM_ILFO = 0x260A, 0x460B
_DROPPED = dict.fromkeys(range(0x20), None) | {0x0B: " ", 0x09: " ", 0x1E: "-", 0xA0: " "}
"""Characters of a paragraph's text: a line break within it (\\x0b) and a tab are a space, a
non-breaking hyphen a hyphen; the other control characters (pictures, drawn objects, comment and
footnote marks, optional hyphens) stand for nothing printed and are dropped."""


class DocError(Exception):
    """A .doc that cannot be read; the message says why and what to do."""


class DocReader:
    name = "doc"

    def sniff(self, head: bytes) -> bool:
        """An OLE compound file: a Word 97-2003 document, or (reported when read) another Office file."""
        return head.startswith(OLE_MAGIC)

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        try:
            document = _open(data, limits)
            lines = _lines(document, limits)
        except _PastLimit as exc:
            return PaperText(lines=(), format=self.name, problems=(exc.problem(shown_as),))
        except DocError as exc:
            return PaperText(lines=(), format=self.name, problems=(Problem(shown_as, 0, str(exc), "error"),))
        return PaperText(lines=lines, format=self.name, meta=document.meta)


class _PastLimit(Exception):
    """A document past one of the site's limits: refused whole, the error naming the setting."""

    def __init__(self, what: str, setting: str, limit: int | str, fix: str) -> None:
        super().__init__(what)
        self.parts = (what, setting, limit, fix)

    def problem(self, shown_as: str) -> Problem:
        return past_limit(shown_as, *self.parts)


_RESAVE = "open it in Word and save it again as .docx"


@dataclass(frozen=True, slots=True)
class _Piece:
    cp: int
    """The first character of the piece, in the document's character positions."""
    end: int
    fc: int
    """Where its first character is in the WordDocument stream, in bytes."""
    compressed: bool
    """One byte a character (Windows-1252) rather than two (UTF-16)."""


@dataclass(frozen=True, slots=True)
class _Document:
    text: str
    """The whole document, every story (body, footnotes, headers…) one after another."""
    pieces: tuple[_Piece, ...]
    word: bytes
    table: bytes
    fib: _Fib
    meta: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Fib:
    ccp_text: int
    ccp_ftn: int
    ccp_hdd: int
    pairs: tuple[tuple[int, int], ...]
    """(fc, lcb) of each structure in the table stream, in MS-DOC's FibRgFcLcb order."""

    def pair(self, index: int) -> tuple[int, int]:
        return self.pairs[index] if index < len(self.pairs) else (0, 0)


_STSHF, _PLCF_HDD, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _CLX, _PLF_LST, _PLF_LFO = 1, 11, 12, 13, 33, 73, 74


def _open(data: bytes, limits: ReadLimits) -> _Document:
    import olefile

    budget = limits.unpacked_mb * 1_000_000
    fix = "open it in Word and save it again; if it is a real paper, raise max_unpacked_mb in site.yaml"
    try:
        # Always a file object: olefile takes a short bytes value for a file name to open.
        ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    except Exception as exc:  # olefile raises OSError, OleFileError, struct and index errors for broken files
        raise DocError(f"the Word 97-2003 document's container is broken ({_why(exc)}); {_RESAVE}") from exc
    with ole:
        if not ole.exists("WordDocument"):
            raise DocError(
                "the file is an Office 97-2003 container but not a Word document (it holds no WordDocument "
                "stream: an Excel or PowerPoint file, or an e-mail?); save its text as a Word document or a PDF"
            )
        try:
            word = _stream(ole, "WordDocument", budget, fix)
            if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
                raise DocError(f"the Word document's WordDocument stream does not start as Word's do; {_RESAVE}")
            n_fib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
            if n_fib < _WORD97:
                raise DocError(
                    "the document was saved by Word 6 or Word 95, whose format is not read; "
                    "open it in Word and save it as .docx"
                )
            if flags & 0x0100:
                raise DocError("the Word document is encrypted (saved with a password); save a copy without one")
            table_name = "1Table" if flags & 0x0200 else "0Table"
            if not ole.exists(table_name):
                raise DocError(f"the Word document has no {table_name} stream, which holds its piece table; {_RESAVE}")
            table = _stream(ole, table_name, budget - len(word), fix)
            meta = _meta(ole)
        except (OSError, struct.error, ValueError, IndexError) as exc:
            raise DocError(f"the Word 97-2003 document cannot be read ({_why(exc)}); {_RESAVE}") from exc
    fib = _fib(word)
    pieces = _pieces(table, fib, len(word))
    text = "".join(
        word[p.fc : p.fc + (p.end - p.cp) * (1 if p.compressed else 2)].decode(
            "cp1252" if p.compressed else "utf-16-le", errors="replace"
        )
        for p in pieces
    )
    return _Document(text, pieces, word, table, fib, meta)


def _why(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _stream(ole: Any, name: str, budget: int, fix: str) -> bytes:
    size = ole.get_size(name)
    if size > budget:
        raise _PastLimit(
            f"the Word document's {name} stream is {size / 1_000_000:,.0f} MB",
            "max_unpacked_mb",
            f"{budget // 1_000_000 if budget > 0 else 0} MB",
            fix,
        )
    with ole.openstream(name) as stream:
        data: bytes = stream.read()
    _no_loop(ole, name)
    return data


def _no_loop(ole: Any, name: str) -> None:
    """Refuse a stream whose sector chain comes back on itself: olefile reads such a chain for as many
    sectors as the stream's size says, so the text would be its first sectors over and over."""
    entry = next((e for e in ole.direntries if e is not None and e.name.lower() == name.lower()), None)
    if entry is None:
        return
    small = entry.size < ole.minisectorcutoff
    table = (ole.minifat if small else ole.fat) or ()
    seen: set[int] = set()
    sector = entry.isectStart
    while 0 <= sector < len(table) and len(seen) <= len(table):
        if sector in seen:
            raise DocError(f"the Word document's {name} stream loops back on itself (a broken sector chain); {_RESAVE}")
        seen.add(sector)
        sector = table[sector]


def _fib(word: bytes) -> _Fib:
    """The counts and (fc, lcb) pairs of the File Information Block, each part found by the count before it."""
    try:
        at = 32
        (csw,) = struct.unpack_from("<H", word, at)
        at += 2 + 2 * csw
        (cslw,) = struct.unpack_from("<H", word, at)
        longs = at + 2
        ccp_text, ccp_ftn, ccp_hdd = struct.unpack_from("<iii", word, longs + 12)
        at = longs + 4 * cslw
        (count,) = struct.unpack_from("<H", word, at)
        count = min(count, (len(word) - at - 2) // 8)
        pairs = struct.unpack_from(f"<{2 * count}I", word, at + 2)
    except struct.error as exc:
        raise DocError(f"the Word document's File Information Block is cut short; {_RESAVE}") from exc
    if min(ccp_text, ccp_ftn, ccp_hdd) < 0:
        raise DocError(f"the Word document's File Information Block counts fewer than no characters; {_RESAVE}")
    return _Fib(ccp_text, ccp_ftn, ccp_hdd, tuple(zip(pairs[::2], pairs[1::2], strict=True)))


def _pieces(table: bytes, fib: _Fib, word_size: int) -> tuple[_Piece, ...]:
    """The piece table: where each run of the document's characters is in the WordDocument stream."""
    fc, lcb = fib.pair(_CLX)
    clx = table[fc : fc + lcb] if lcb else b""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting changes of pieces, not text
        if at + 3 > len(clx):
            break
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise DocError(f"the Word document has no piece table, so its text cannot be found; {_RESAVE}")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    if count < 1 or len(plc) != 4 + 12 * count:
        raise DocError(f"the Word document's piece table is cut short; {_RESAVE}")
    if count > MAX_PIECES:
        raise DocError(
            f"the Word document's text is in {count:,} pieces (limit: {MAX_PIECES:,} pieces); "
            "open it in Word and save it again, which joins them"
        )
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    if cps[0] != 0:
        raise DocError(f"the Word document's piece table does not start at its first character; {_RESAVE}")
    if cps[-1] > word_size:
        # Each character Word writes takes at least a byte of the stream of its own; pieces that tell
        # of more characters than that overlap, as a file made to swell when read does.
        raise DocError(
            f"the Word document's piece table counts {cps[-1]:,} characters in a text stream of {word_size:,} bytes "
            f"(limit: a character a byte, as Word writes them); {_RESAVE}"
        )
    pieces: list[_Piece] = []
    for index in range(count):
        start, end = cps[index], cps[index + 1]
        if end < start:
            raise DocError(f"the Word document's piece table runs backwards at piece {index + 1}; {_RESAVE}")
        (encoded,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)
        compressed = bool(encoded & 0x40000000)
        offset = (encoded & 0x3FFFFFFF) // 2 if compressed else encoded & 0x3FFFFFFF
        if offset + (end - start) * (1 if compressed else 2) > word_size:
            raise DocError(f"the Word document's piece {index + 1} lies past the end of its text stream; {_RESAVE}")
        if end > start:
            pieces.append(_Piece(start, end, offset, compressed))
    return tuple(pieces)


def _meta(ole: Any) -> dict[str, str]:
    """Title, author and the date written, from the document's summary information (weak evidence)."""
    try:
        props = ole.get_metadata()
    except Exception:  # a broken summary stream costs the meta, not the text
        return {}
    meta: dict[str, str] = {}
    for name in ("title", "author", "subject"):
        value = getattr(props, name, None)
        if isinstance(value, bytes):
            value = value.decode("cp1252", errors="replace")
        if isinstance(value, str) and value.strip():
            meta[name] = " ".join(value.split())[:500]
    created = getattr(props, "create_time", None)
    if created is not None and hasattr(created, "isoformat"):
        meta["created"] = created.isoformat()
    return meta


# --- paragraph properties ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Para:
    istd: int = 0
    in_table: bool = False
    row_end: bool = False
    outline: int = 9
    """Outline level 0-8 (level 1-9 headings), 9 for body text."""
    ilfo: int | None = None
    """The list override numbering the paragraph (1-based; 0 none), None for its style's."""
    ilvl: int | None = None
    """The paragraph's level in its list, None for its style's."""


class _Properties:
    """Each paragraph's properties, found from the character position of its mark."""

    def __init__(self, document: _Document) -> None:
        self.word = document.word
        self.pieces = document.pieces
        self.starts = [p.cp for p in document.pieces]
        fc, lcb = document.fib.pair(_PLCF_BTE_PAPX)
        plc = document.table[fc : fc + lcb] if lcb >= 8 else b""
        n = (len(plc) - 4) // 8
        self.bounds: tuple[int, ...] = struct.unpack_from(f"<{n + 1}I", plc, 0) if n > 0 else ()
        self.pages: tuple[int, ...] = (
            tuple(pn & 0x3FFFFF for pn in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))) if n > 0 else ()
        )
        self.styles = _styles(document)

    def at(self, cp: int) -> _Para:
        fc = self._fc(cp)
        if fc < 0:
            return _Para()
        page = bisect_right(self.bounds, fc) - 1
        if page < 0 or page >= len(self.pages):
            return _Para()
        fkp = self.word[self.pages[page] * 512 : self.pages[page] * 512 + 512]
        if len(fkp) < 512 or not 0 < fkp[511] <= 101:
            return _Para()
        runs = fkp[511]
        fcs = struct.unpack_from(f"<{runs + 1}I", fkp, 0)
        run = bisect_right(fcs, fc) - 1
        if run < 0 or run >= runs:
            return _Para()
        offset = 2 * fkp[4 * (runs + 1) + 13 * run]
        if offset == 0 or offset >= 511:
            return _Para()
        size = fkp[offset]
        body = fkp[offset + 2 : offset + 2 + 2 * fkp[offset + 1]] if size == 0 else fkp[offset + 1 : offset + 2 * size]
        return _paragraph_properties(body)

    def _fc(self, cp: int) -> int:
        index = bisect_right(self.starts, cp) - 1
        if index < 0:
            return -1
        piece = self.pieces[index]
        return piece.fc + (cp - piece.cp) * (1 if piece.compressed else 2) if cp < piece.end else -1

    def heading(self, para: _Para) -> int:
        if para.outline < 9:
            return min(6, para.outline + 1)
        return self.styles.headings.get(para.istd, 0)


def _paragraph_properties(body: bytes) -> _Para:
    if len(body) < 2:
        return _Para()
    (istd,) = struct.unpack_from("<H", body, 0)
    in_table = row_end = False
    outline = 9
    for sprm, operand in _sprms(body[2:]):
        if sprm == _SPRM_FINTABLE:
            in_table = operand != b"\x00"
        elif sprm == _SPRM_FTTP:
            row_end = operand != b"\x00"
        elif sprm == _SPRM_OUTLVL and operand:
            outline = min(operand[0], 9)
    ilfo, ilvl = _list_sprms(body[2:])
    return _Para(istd, in_table, row_end, outline, ilfo, ilvl)


def _list_sprms(grpprl: bytes) -> tuple[int | None, int | None]:
    """The list override and level a property list sets (the last of each), None where it sets none."""
    ilfo = ilvl = None
    for sprm, operand in _sprms(grpprl):
        if sprm == _SPRM_ILFO and len(operand) == 2:
            (ilfo,) = struct.unpack("<h", operand)
        elif sprm == _SPRM_ILVL and operand:
            ilvl = operand[0]
    return ilfo, ilvl


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """A property list's (sprm, operand) pairs; the operand's size is in the sprm's top three bits."""
    found: list[tuple[int, bytes]] = []
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm in (0xD608, 0xC615) and at + 2 <= len(grpprl):  # table and tab definitions: a two-byte size
                size = struct.unpack_from("<H", grpprl, at)[0] + 1
            else:
                size = grpprl[at] + 1 if at < len(grpprl) else 1
        else:
            size = (1, 1, 2, 4, 2, 2, 0, 3)[spra]
        found.append((sprm, grpprl[at : at + size]))
        at += size
    return found


@dataclass(frozen=True, slots=True)
class _Styles:
    headings: dict[int, int]
    """Heading level of each paragraph style that is a heading."""
    bold: frozenset[int]
    """The styles whose text is bold."""
    lists: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    """The list override and level of each paragraph style that numbers its paragraphs ("List Number")."""


def _styles(document: _Document) -> _Styles:
    """The style sheet: which paragraph styles are headings (Word's built-in "heading 1" to "heading 9"
    and "Title", or a style of the document named like them) and which set their text in bold (their
    own character properties, or those of the style they are based on)."""
    fc, lcb = document.fib.pair(_STSHF)
    stsh = document.table[fc : fc + lcb]
    levels: dict[int, int] = {}
    own_bold: dict[int, int] = {}
    own_lists: dict[int, tuple[int | None, int | None]] = {}
    bases: dict[int, int] = {}
    if len(stsh) < 6:
        return _Styles(levels, frozenset())
    (header,) = struct.unpack_from("<H", stsh, 0)
    if header + 2 > len(stsh) or header < 4:
        return _Styles(levels, frozenset())
    count, base = struct.unpack_from("<HH", stsh, 2)
    at = 2 + header
    for istd in range(count):
        if at + 2 > len(stsh):
            break
        (size,) = struct.unpack_from("<H", stsh, at)
        std = stsh[at + 2 : at + 2 + size]
        at += 2 + size
        if len(std) < max(base, 6):
            continue
        first, kind, upx_count = struct.unpack_from("<HHH", std, 0)
        sti = first & 0x0FFF
        bases[istd] = kind >> 4
        name = _style_name(std[base:])
        match = _HEADING_STYLE.match(name.strip())
        if 1 <= sti <= 9:
            levels[istd] = sti
        elif sti == _STI_TITLE or name.strip().lower() == "title":
            levels[istd] = 1
        elif match:
            levels[istd] = max(1, min(6, int(match.group(1))))
        bold = _style_bold(std, base, kind & 0x000F, upx_count & 0x000F)
        if bold is not None:
            own_bold[istd] = bold
        own_lists[istd] = _list_sprms(_style_upx(std, base, 0, upx_count & 0x000F)[2:] if kind & 0x000F == 1 else b"")
    headings = {istd: min(level, 6) for istd, level in levels.items()}
    return _Styles(headings, _resolve_bold(own_bold, bases), _resolve_lists(own_lists, bases))


def _style_bold(std: bytes, base: int, kind: int, upx_count: int) -> int | None:
    """The bold operand a style's own character properties set, None if they set none. A paragraph
    style (kind 1) keeps its paragraph properties first, then its character properties; a character
    style (kind 2) only the character properties."""
    if kind not in (1, 2):
        return None
    operands = [
        op for sprm, op in _sprms(_style_upx(std, base, 1 if kind == 1 else 0, upx_count)) if sprm == _SPRM_CFBOLD
    ]
    operands = [op for op in operands if op]
    return operands[-1][0] if operands else None


def _style_upx(std: bytes, base: int, wanted: int, upx_count: int) -> bytes:
    """A style's own properties of one kind (its UPX number `wanted`, after the style's name), b"" if it has none."""
    if len(std) < base + 2:
        return b""
    (length,) = struct.unpack_from("<H", std, base)
    at = base + 2 + 2 * length + 2
    for index in range(min(upx_count, 2)):
        if at + 2 > len(std):
            return b""
        (size,) = struct.unpack_from("<H", std, at)
        if index == wanted:
            return std[at + 2 : at + 2 + size]
        at += 2 + size + (size & 1)
    return b""


def _resolve_lists(
    own: dict[int, tuple[int | None, int | None]], bases: dict[int, int]
) -> dict[int, tuple[int | None, int | None]]:
    """Each paragraph style's list override and level: its own, or as the style it is based on has them,
    followed up a chain of styles at most as long as the style sheet (a chain that loops back stops)."""
    resolved: dict[int, tuple[int | None, int | None]] = {}
    for istd in own:
        ilfo, ilvl = own[istd]
        at, steps = bases.get(istd, 0x0FFF), 0
        while (ilfo is None or ilvl is None) and at in own and steps < len(own):
            ilfo, ilvl = ilfo if ilfo is not None else own[at][0], ilvl if ilvl is not None else own[at][1]
            at, steps = bases.get(at, 0x0FFF), steps + 1
        if ilfo:
            resolved[istd] = (ilfo, ilvl)
    return resolved


def _resolve_bold(own: dict[int, int], bases: dict[int, int]) -> frozenset[int]:
    """The styles that are bold, each following the styles it is based on (a toggle's "as the style"
    and "the opposite of the style" read against its base). Each style is resolved once, so a long
    chain of styles costs its length, and a chain that loops back starts from "not bold"."""
    resolved: dict[int, bool] = {}
    for istd in bases:
        chain: list[int] = []
        on_chain: set[int] = set()
        at: int | None = istd
        while at is not None and at in bases and at not in resolved and at not in on_chain:
            chain.append(at)
            on_chain.add(at)
            at = bases[at] if bases[at] != 0x0FFF else None
        value = resolved.get(at, False) if at is not None else False
        for step in reversed(chain):
            value = resolved[step] = _toggle(own.get(step, 0x80), value)
    return frozenset(istd for istd, bold in resolved.items() if bold)


def _toggle(operand: int, inherited: bool) -> bool:
    """A bold operand: 0 off, 1 on, 0x80 as inherited, 0x81 the opposite."""
    if operand == 0x80:
        return inherited
    if operand == 0x81:
        return not inherited
    return bool(operand)


def _style_name(rest: bytes) -> str:
    if len(rest) < 2:
        return ""
    (length,) = struct.unpack_from("<H", rest, 0)
    return rest[2 : 2 + 2 * length].decode("utf-16-le", errors="replace")


class _Bold:
    """Which characters are bold: Word keeps character properties in runs of the WordDocument stream
    (CHPX pages), each run's bold set, cleared, or as its paragraph's style has it."""

    def __init__(self, document: _Document, styles: _Styles) -> None:
        self.document = document
        self.styles = styles
        fc, lcb = document.fib.pair(_PLCF_BTE_CHPX)
        plc = document.table[fc : fc + lcb] if lcb >= 8 else b""
        n = (len(plc) - 4) // 8
        runs: list[tuple[int, int, int]] = []  # first byte, end, bold operand (0x80: as the style)
        # Each page once: a list naming one page a million times would stand for a hundred million runs.
        pages = dict.fromkeys(pn & 0x3FFFFF for pn in (struct.unpack_from(f"<{n}I", plc, 4 * (n + 1)) if n > 0 else ()))
        for pn in pages:
            page = document.word[pn * 512 : pn * 512 + 512]
            if len(page) < 512 or not 0 < page[511] <= 101:
                continue
            count = page[511]
            fcs = struct.unpack_from(f"<{count + 1}I", page, 0)
            for index in range(count):
                offset = 2 * page[4 * (count + 1) + index]
                operand = 0x80
                if 0 < offset < 511:
                    found = [
                        op for sprm, op in _sprms(page[offset + 1 : offset + 1 + page[offset]]) if sprm == _SPRM_CFBOLD
                    ]
                    operand = found[-1][0] if found and found[-1] else 0x80
                runs.append((fcs[index], fcs[index + 1], operand))
        runs.sort()
        self.runs = runs
        self.starts = [run[0] for run in runs]
        self.piece_starts = [piece.cp for piece in document.pieces]

    def whole(self, cp: int, end: int, istd: int) -> bool:
        """Whether every letter and digit of the characters [cp, end) is bold."""
        styled = istd in self.styles.bold
        seen = False
        pieces = self.document.pieces
        for piece in pieces[max(bisect_right(self.piece_starts, cp) - 1, 0) :]:
            if piece.cp >= end:
                break
            width = 1 if piece.compressed else 2
            first, last = max(cp, piece.cp), min(end, piece.end)
            fc, fc_end = piece.fc + (first - piece.cp) * width, piece.fc + (last - piece.cp) * width
            index = max(bisect_right(self.starts, fc) - 1, 0)
            while fc < fc_end:
                runs = self.runs
                if index < len(runs) and runs[index][1] <= fc:
                    index += 1
                    continue
                if index < len(runs) and runs[index][0] <= fc:
                    stop, operand = min(runs[index][1], fc_end), runs[index][2]
                else:  # characters no run covers are as their style has them
                    stop, operand = (min(runs[index][0], fc_end) if index < len(runs) else fc_end), 0x80
                text = self.document.text[piece.cp + (fc - piece.fc) // width : piece.cp + (stop - piece.fc) // width]
                if any(ch.isalnum() for ch in text):
                    if not _toggle(operand, styled):
                        return False
                    seen = True
                fc = stop
        return seen


# --- lines -------------------------------------------------------------------------------------------


def _printed(text: str, depth_limit: int) -> str:
    """The text as printed: each field's instruction dropped and its result kept."""
    if "\x13" not in text:
        return text
    out: list[str] = []
    stack: list[bool] = []  # per open field: whether its result has begun
    at = 0
    for match in re.finditer("[\x13\x14\x15]", text):
        if all(stack):
            out.append(text[at : match.start()])
        mark = match.group()
        if mark == "\x13":
            if len(stack) >= depth_limit:
                raise _PastLimit(
                    f"the Word document nests fields more than {depth_limit} deep",
                    "max_nesting",
                    depth_limit,
                    "open it in Word and save it again, or raise max_nesting in site.yaml",
                )
            stack.append(False)
        elif mark == "\x14" and stack:
            stack[-1] = True
        elif mark == "\x15" and stack:
            stack.pop()
        at = match.end()
    if all(stack):
        out.append(text[at:])
    return "".join(out)


def _clean(text: str) -> str:
    return " ".join(text.translate(_DROPPED).split())


def _lines(document: _Document, limits: ReadLimits) -> tuple[SourceLine, ...]:
    properties = _Properties(document)
    bold = _Bold(document, properties.styles)
    numbers = _list_numbers(document)
    writer = LineWriter()
    for text, why in _header_footer(document):
        for line in text.replace("\x07", "\r").split("\r"):
            cleaned = _clean(_printed(line, limits.nesting))
            if cleaned:
                writer.add(cleaned, furniture=why)
    body = document.text[: document.fib.ccp_text]
    rows = _Rows(writer)
    listed = False  # the paragraph before was a list's, so no blank line parts them
    at = 0
    for match in re.finditer("[\r\x07\x0c]", body):
        start, chunk = at, body[at : match.start()]
        at = match.end()
        mark = match.group()
        para = properties.at(match.start()) if mark != "\x0c" else _Para()
        if mark == "\x07" and para.row_end:
            rows.end_row()
            continue
        label = _label(numbers, properties.styles, para) if mark != "\x0c" else None
        line = _clean(_printed(chunk, limits.nesting))
        if mark == "\x07" or (para.in_table and mark == "\r"):
            rows.paragraph(label, line, cell_ends=mark == "\x07")
            continue
        rows.close()
        if not line:
            continue
        level = properties.heading(para)
        if level:
            writer.add(f"{'#' * level} {labelled(label, line)}", heading=level)
        elif label:
            writer.add(labelled(label, line), blank_before=not listed)
        elif bold.whole(start, match.start(), para.istd):
            writer.add(f"**{line}**", bold=True)
        else:
            writer.add(line)
        listed = bool(label) and not level
    rows.close()
    return tuple(writer.lines)


def _list_numbers(document: _Document) -> ListNumbers:
    try:
        return ListNumbers(document.table, document.fib.pair(_PLF_LST), document.fib.pair(_PLF_LFO))
    except ListTableError as exc:
        raise DocError(f"the Word document's {exc}, so its list numbers cannot be read; {_RESAVE}") from exc


def _label(numbers: ListNumbers, styles: _Styles, para: _Para) -> str | None:
    """The list label Word prints before a paragraph, from its own list override and level or its style's."""
    style_ilfo, style_ilvl = styles.lists.get(para.istd, (None, None))
    ilfo = para.ilfo if para.ilfo is not None else style_ilfo
    ilvl = para.ilvl if para.ilvl is not None else style_ilvl
    return numbers.label(ilfo, ilvl or 0) if ilfo else None


class _Rows:
    """The table being read, a row at a time: each cell's paragraphs with their list labels, the row's
    cells tab-separated on one line, and the lines a cell of list paragraphs sets after its row."""

    def __init__(self, writer: LineWriter) -> None:
        self.writer = writer
        self.cells: list[str] = []
        self.cell: list[tuple[str | None, str]] = []
        self.row: list[list[tuple[str | None, str]]] = []
        self.after: list[str] = []
        self.first = True
        """The next row is its table's first (a blank line before it), as after a paragraph outside it."""

    def paragraph(self, label: str | None, text: str, cell_ends: bool) -> None:
        self.cell.append((label, text))
        if cell_ends:
            self.row.append(self.cell)
            self.cell = []

    def end_row(self, blank_before: bool | None = None) -> None:
        row, self.row = self.row, []
        told = item_row(row)
        if told:
            for n, line in enumerate(told):
                self.writer.add(line, blank_before=n == 0)
            self.first = True
            return
        for cell in row:
            texts, lines = cell_lines(cell, first=not self.cells, row=self.cells)
            self.cells += texts
            self.after += lines
        if any(self.cells):
            self.writer.add("\t".join(self.cells), blank_before=self.first if blank_before is None else blank_before)
            self.first = False
        for line in self.after:
            self.writer.add(line)
        self.first = self.first or bool(self.after)
        self.cells, self.after = [], []

    def close(self) -> None:
        """A paragraph outside any table: a row Word did not close with a row mark is written as it stands."""
        if self.cell:
            self.paragraph(None, "", cell_ends=True)
        if self.row:
            self.end_row(blank_before=False)
        self.first = True


def _header_footer(document: _Document) -> list[tuple[str, str]]:
    """The first section's running header and footer (its odd-page ones, which every page has when
    odd and even are not set apart), from the header story's list of stories."""
    fib = document.fib
    if not fib.ccp_hdd:
        return []
    fc, lcb = fib.pair(_PLCF_HDD)
    plc = document.table[fc : fc + lcb]
    count = len(plc) // 4
    if count < 11:
        return []
    cps = struct.unpack_from(f"<{count}I", plc, 0)
    start = fib.ccp_text + fib.ccp_ftn
    story = document.text[start : start + fib.ccp_hdd]
    found: list[tuple[str, str]] = []
    for index, why in ((7, "running header"), (9, "running footer")):
        if cps[index] < cps[index + 1] <= len(story):
            found.append((story[cps[index] : cps[index + 1]], why))
    return found
