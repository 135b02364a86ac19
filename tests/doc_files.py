"""Small Word 97-2003 documents (.doc) made byte by byte for the .doc reader's tests.

A .doc is an OLE compound file holding a WordDocument stream (the File Information Block,
then the text) and a table stream (the piece table, the paragraph properties, the style
sheet, the header story's list); the layout is the public MS-DOC and MS-CFB specifications'.
Only what the reader reads is written. Each part can be spoiled on purpose (`flags`, `n_fib`,
`clx`, `streams`, …) for the hostile cases.
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass, field

SECTOR = 512
FREE, END, FAT_SECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF
TEXT_AT = 1024
"""Where the text starts in the WordDocument stream (after the FIB)."""


def compound_file(streams: dict[str, bytes], *, chain: dict[int, int] | None = None) -> bytes:
    """An OLE compound file (version 3, 512-byte sectors) holding `streams`, each padded to 4,096 bytes
    so that all live in the FAT's sectors (none in the mini stream). `chain` overrides FAT entries
    (sector -> next) to break a sector chain on purpose."""
    names = list(streams)
    data_sectors: list[bytes] = []
    starts: list[int] = []
    fat: list[int] = []
    for name in names:
        body = streams[name].ljust(4096, b"\x00")
        padded = body + b"\x00" * (-len(body) % SECTOR)
        first = len(data_sectors)
        starts.append(first)
        count = len(padded) // SECTOR
        data_sectors += [padded[i * SECTOR : (i + 1) * SECTOR] for i in range(count)]
        fat += [first + i + 1 for i in range(count - 1)] + [END]
    entries = [_entry("Root Entry", 5, END, 0, child=1 if names else NO_STREAM)]
    for index, name in enumerate(names):
        sibling = index + 2 if index + 1 < len(names) else NO_STREAM
        entries.append(_entry(name, 2, starts[index], len(streams[name].ljust(4096, b"\x00")), right=sibling))
    directory = b"".join(entries)
    directory += b"\x00" * (-len(directory) % SECTOR)
    dir_first = len(data_sectors)
    dir_count = len(directory) // SECTOR
    data_sectors += [directory[i * SECTOR : (i + 1) * SECTOR] for i in range(dir_count)]
    fat += [dir_first + i + 1 for i in range(dir_count - 1)] + [END]
    fat_count = 1
    while len(fat) + fat_count > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_first = len(data_sectors)
    fat += [FAT_SECT] * fat_count
    for sector, following in (chain or {}).items():
        fat[sector] = following
    fat += [FREE] * (fat_count * (SECTOR // 4) - len(fat))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    data_sectors += [fat_bytes[i * SECTOR : (i + 1) * SECTOR] for i in range(fat_count)]
    difat = [fat_first + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, fat_count, dir_first, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    return header + b"".join(data_sectors)


def _entry(name: str, kind: int, start: int, size: int, *, child: int = NO_STREAM, right: int = NO_STREAM) -> bytes:
    raw = (name + "\x00").encode("utf-16-le")
    return (
        raw.ljust(64, b"\x00")
        + struct.pack("<HBB", len(raw), kind, 1)
        + struct.pack("<III", NO_STREAM, right, child)
        + b"\x00" * 16  # class id
        + b"\x00" * 4  # state bits
        + b"\x00" * 16  # created, modified
        + struct.pack("<IQ", start, size)
    )


@dataclass(frozen=True)
class Para:
    """One paragraph: its text, the mark that ends it (\\r, or \\x07 for a table cell) and its properties."""

    text: str
    mark: str = "\r"
    style: int = 0
    in_table: bool = False
    row_end: bool = False
    outline: int | None = None
    bold: int = 0
    """How many of the text's first characters are set in bold (sprmCFBold on); -1 for all, 0x80 and
    0x81 (less 0x100: -0x80, -0x7F) to set the whole paragraph "as its style" or "the opposite"."""
    ilfo: int | None = None
    """The list override numbering the paragraph (sprmPIlfo), None for none set."""
    ilvl: int | None = None
    """The paragraph's list level (sprmPIlvl), None for none set."""


@dataclass(frozen=True)
class Level:
    """One level of a list (an LVL): its number text (\\x00 to \\x08 stand for the levels' counters),
    number format (MS-DOC's nfc: 0 digits, 1 and 2 Roman, 3 and 4 letters, 23 bullet, 255 none), start."""

    text: str = "\x00."
    nfc: int = 0
    start: int = 1
    legal: bool = False


def list_tables(
    lists: list[tuple[int, list[Level]]], overrides: list[tuple[int, dict[int, int]]]
) -> tuple[bytes, bytes, bytes]:
    """The table stream's list tables: PlfLst (one LSTF per list: its lsid, simple when it has one level),
    the LVLs that follow it (nine for a list that is not simple, the levels not given numbering nothing),
    and PlfLfo (one LFO per override: the list's lsid, then the levels it restarts and at what number)."""
    lstfs, lvls = b"", b""
    for lsid, levels in lists:
        simple = len(levels) == 1
        lstfs += struct.pack("<iI", lsid, 0) + struct.pack("<9H", *[0x0FFF] * 9) + bytes([1 if simple else 0, 0])
        for level in levels if simple else (levels + [Level("", 255)] * 9)[:9]:
            lvlf = struct.pack("<iBB", level.start, level.nfc, 0x04 if level.legal else 0) + b"\x00" * 22
            lvls += lvlf + struct.pack("<H", len(level.text)) + level.text.encode("utf-16-le")
    lfos, data = b"", b""
    for lsid, starts in overrides:
        lfos += struct.pack("<iiiBBBB", lsid, 0, 0, len(starts), 0, 0, 0)
        data += b"\xff" * 4 + b"".join(struct.pack("<iI", start, 0x10 | ilvl) for ilvl, start in starts.items())
    return struct.pack("<h", len(lists)) + lstfs, lvls, struct.pack("<I", len(overrides)) + lfos + data


def cells(*texts: str) -> list[Para]:
    """A table row: each text a cell, then the row's end mark."""
    return [Para(t, "\x07", in_table=True) for t in texts] + [Para("", "\x07", in_table=True, row_end=True)]


@dataclass
class Doc:
    """A .doc to make: its body paragraphs, how its text is cut into pieces, and what to spoil."""

    body: list[Para]
    unicode: bool = False
    """The text stored as UTF-16 rather than 8-bit Windows-1252."""
    cut_at: tuple[int, ...] = ()
    """Character positions where a new piece starts (the pieces are stored in the stream in order)."""
    styles: list[tuple[int, str] | tuple[int, str, int | None, int]] = field(default_factory=list)
    """The style sheet: (sti, name) or (sti, name, bold operand or None, based-on istd) per style,
    istd = index."""
    header: str = ""
    footer: str = ""
    flags: int = 0x0200
    """The FIB's flags: 0x0200 says the table stream is 1Table; 0x0100 is encryption."""
    n_fib: int = 0x00C1
    clx: bytes | None = None
    """The CLX as written, instead of the one made from the pieces."""
    pieces: int = 0
    """If set, this many extra empty pieces (a piece table past its limit)."""
    chpx_repeat: int = 1
    """How many times the list of character-property pages names each page."""
    streams: dict[str, bytes] = field(default_factory=dict)
    """Streams added, or put in place of the ones made (b"" drops one)."""
    lists: tuple[bytes, bytes, bytes] | None = None
    """The list tables (`list_tables`): PlfLst, the LVLs after it, PlfLfo."""
    style_lists: dict[int, tuple[int, int]] = field(default_factory=dict)
    """The list override and level of each style (by istd) that numbers its paragraphs."""

    def bytes(self) -> bytes:
        text = "".join(p.text + p.mark for p in self.body)
        story = ""
        hdd: list[int] = []
        if self.header or self.footer:
            parts = ["", "", "", "", "", "", "", self.header + "\r", "", self.footer + "\r", "", ""]
            for part in parts:
                hdd.append(len(story))
                story += part
            hdd.append(len(story))
            story += "\r"
        whole = text + story
        bounds = [0, *self.cut_at, len(whole)]
        word = bytearray(TEXT_AT)
        pieces: list[tuple[int, int, int]] = []  # cp start, cp end, fc
        for start, end in itertools.pairwise(bounds):
            fc = len(word)
            chunk = whole[start:end]
            word += chunk.encode("utf-16-le") if self.unicode else chunk.encode("cp1252")
            pieces.append((start, end, fc))
        table = bytearray()
        pairs: dict[int, tuple[int, int]] = {}
        # piece table
        cps = [p[0] for p in pieces] + [len(whole)] + [len(whole)] * self.pieces
        pcds = (
            b"".join(struct.pack("<HIH", 0, fc if self.unicode else (fc * 2) | 0x40000000, 0) for _, _, fc in pieces)
            + struct.pack("<HIH", 0, 0x40000000 | TEXT_AT * 2, 0) * self.pieces
        )
        plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
        clx = self.clx if self.clx is not None else b"\x02" + struct.pack("<I", len(plc)) + plc
        pairs[33] = (len(table), len(clx))
        table += clx
        # paragraph properties: one FKP page, one run per paragraph
        fcs = [_fc(0, pieces, self.unicode)]
        at = 0
        for para in self.body:
            at += len(para.text) + len(para.mark)
            fcs.append(_fc(at - 1, pieces, self.unicode) + (2 if self.unicode else 1))
        word += b"\x00" * (-len(word) % SECTOR)
        bounds_fc, pages = [fcs[0]], []
        for first in range(0, len(self.body), 10):  # ten paragraphs a page leaves room for their properties
            pages.append(len(word) // SECTOR)
            word += _fkp(fcs[first : first + 11], self.body[first : first + 10])
            bounds_fc.append(fcs[min(first + 10, len(self.body))])
        bte = struct.pack(f"<{2 * len(pages) + 1}I", *bounds_fc, *pages)
        pairs[13] = (len(table), len(bte))
        table += bte
        chpx_pages, chpx_bounds = [], [fcs[0]]
        runs = _bold_runs(self.body, fcs, self.unicode)
        for first in range(0, len(runs), 90):  # 90 runs, 3 properties: a page nearly full, as Word fills them
            chpx_pages.append(len(word) // SECTOR)
            word += _chpx_fkp(runs[first : first + 90])
            chpx_bounds.append(runs[min(first + 90, len(runs)) - 1][1])
        chpx_pages *= self.chpx_repeat
        chpx_bounds = [chpx_bounds[0]] * (len(chpx_pages) + 1 - len(chpx_bounds)) + chpx_bounds
        plcf_chpx = struct.pack(f"<{2 * len(chpx_pages) + 1}I", *chpx_bounds, *chpx_pages)
        pairs[12] = (len(table), len(plcf_chpx))
        table += plcf_chpx
        if self.lists is not None:
            plf_lst, lvls, plf_lfo = self.lists
            pairs[73] = (len(table), len(plf_lst))
            table += plf_lst + lvls
            pairs[74] = (len(table), len(plf_lfo))
            table += plf_lfo
        if self.styles:
            stsh = _stsh(self.styles, self.style_lists)
            pairs[1] = (len(table), len(stsh))
            table += stsh
        if hdd:
            plcf = struct.pack(f"<{len(hdd)}I", *hdd)
            pairs[11] = (len(table), len(plcf))
            table += plcf
        fib = bytearray(TEXT_AT)
        struct.pack_into("<HH", fib, 0, 0xA5EC, self.n_fib)
        struct.pack_into("<H", fib, 0x0A, self.flags)
        struct.pack_into("<H", fib, 32, 14)
        struct.pack_into("<H", fib, 62, 22)
        struct.pack_into("<iii", fib, 76, len(text), 0, len(story))
        struct.pack_into("<H", fib, 152, 93)
        for index, (fc, lcb) in pairs.items():
            struct.pack_into("<II", fib, 154 + 8 * index, fc, lcb)
        word[:TEXT_AT] = fib
        made = {"WordDocument": bytes(word), "1Table" if self.flags & 0x0200 else "0Table": bytes(table)}
        made.update(self.streams)
        return compound_file({name: data for name, data in made.items() if data})


def _fc(cp: int, pieces: list[tuple[int, int, int]], unicode: bool) -> int:
    for start, end, fc in pieces:
        if start <= cp < end:
            return fc + (cp - start) * (2 if unicode else 1)
    raise ValueError(cp)


def _fkp(fcs: list[int], body: list[Para]) -> bytes:
    """A PapxFkp: each paragraph's run, and its istd and sprms (fInTable, fTtp, outline level)."""
    runs = len(body)
    page = bytearray(SECTOR)
    struct.pack_into(f"<{runs + 1}I", page, 0, *fcs)
    end = 511
    for index, para in enumerate(body):
        grpprl = struct.pack("<H", para.style)
        if para.in_table:
            grpprl += struct.pack("<HB", 0x2416, 1)
        if para.row_end:
            grpprl += struct.pack("<HB", 0x2417, 1)
        if para.outline is not None:
            grpprl += struct.pack("<HB", 0x2640, para.outline)
        grpprl += _list_sprms(para.ilfo, para.ilvl)
        if len(grpprl) % 2:
            grpprl += b"\x00"
        papx = bytes([0, len(grpprl) // 2]) + grpprl
        end = (end - len(papx)) & ~1
        page[end : end + len(papx)] = papx
        page[4 * (runs + 1) + 13 * index] = end // 2
    page[511] = runs
    return bytes(page)


def _bold_runs(body: list[Para], fcs: list[int], unicode: bool) -> list[tuple[int, int, int | None]]:
    """Character runs (first byte, end, bold operand or None): each paragraph one run, or two when
    only its first characters are bold."""
    width = 2 if unicode else 1
    runs: list[tuple[int, int, int | None]] = []
    for para, start, end in zip(body, fcs, fcs[1:], strict=False):
        if para.bold > 0 and start + para.bold * width < end:
            runs += [(start, start + para.bold * width, 1), (start + para.bold * width, end, None)]
        elif para.bold:
            runs.append((start, end, {-1: 1, -0x80: 0x80, -0x7F: 0x81}.get(para.bold, 1)))
        else:
            runs.append((start, end, None))
    return runs


def _chpx_fkp(runs: list[tuple[int, int, int | None]]) -> bytes:
    page = bytearray(SECTOR)
    count = len(runs)
    struct.pack_into(f"<{count + 1}I", page, 0, *[run[0] for run in runs], runs[-1][1])
    chpx_at = 510 - 4  # one CHPX (cb, sprmCFBold, operand) per operand, shared by the runs that set it
    places: dict[int, int] = {}
    for index, (_, _, operand) in enumerate(runs):
        if operand is None:
            continue
        if operand not in places:
            page[chpx_at : chpx_at + 4] = bytes([3]) + struct.pack("<HB", 0x0835, operand)
            places[operand] = chpx_at
            chpx_at -= 4
        page[4 * (count + 1) + index] = places[operand] // 2
    page[511] = count
    return bytes(page)


def _list_sprms(ilfo: int | None, ilvl: int | None) -> bytes:
    return (struct.pack("<Hh", 0x460B, ilfo) if ilfo is not None else b"") + (
        struct.pack("<HB", 0x260A, ilvl) if ilvl is not None else b""
    )


def _stsh(styles: list[tuple[int, str] | tuple[int, str, int | None, int]], lists: dict[int, tuple[int, int]]) -> bytes:
    stshi = struct.pack("<HH", len(styles), 10) + b"\x00" * 14
    out = struct.pack("<H", len(stshi)) + stshi
    for istd, style in enumerate(styles):
        sti, name = style[0], style[1]
        bold, based_on = (style[2], style[3]) if len(style) == 4 else (None, 0x0FFF)
        base = struct.pack("<HHH", sti, 1 | based_on << 4, 2) + b"\x00" * 4
        # a paragraph style's own paragraph properties: its istd, and the list it numbers its paragraphs in
        sprms = _list_sprms(*lists[istd]) if istd in lists else b""
        papx = struct.pack("<HH", 2 + len(sprms), 0) + sprms + b"\x00" * (len(sprms) & 1)
        chpx = struct.pack("<HB", 0x0835, bold) if bold is not None else b""
        upx = papx + struct.pack("<H", len(chpx)) + chpx + b"\x00" * (len(chpx) & 1)
        std = base + struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0" + upx
        out += struct.pack("<H", len(std)) + std
    return out
