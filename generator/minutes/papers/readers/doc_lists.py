"""Word's automatic list numbering in a Word 97-2003 document (.doc): the "1.", "a)" and "(iii)" Word prints
before a list's paragraphs, which are not in the text.

Word keeps its lists in the table stream (MS-DOC's PlfLst and PlfLfo): each list (an LSTF, named by its
lsid) has nine levels, or one for a simple list, each level (an LVL) its start, number format (nfc) and
number text ("\\x00." prints the first level's counter and a dot, "\\x00.\\x01" the first and second
levels'). A paragraph names a list override (an LFO, by its 1-based index ilfo) and a level (ilvl), in its
own properties or its style's; the override names the list, and may restart its levels at other numbers.
Word counts each list's paragraphs level by level as it prints them: a paragraph of a level counts one on
from that level's last, and the levels below it start again.

The tables come from the file, so they are read as an attacker may have written them: every count is
checked against the bytes the stream holds, a list or a level the tables do not hold numbers nothing, and
no count, start or number text can make a label longer than Word's own.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from minutes.papers.readers.numbering import number_text

_LEVELS = 9
_LSTF_SIZE, _LVLF_SIZE, _LFO_SIZE = 28, 28, 16
_NO_LIST = 0x07FF
"""ilfo 2047: Word's "no list" for a paragraph whose style is a list's (numbering switched off)."""
MAX_NUMBER_TEXT = 64
"""Characters of a level's number text: Word's dialog allows a few words; a longer one is broken."""
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 5: "ordinal"}
_NFC |= {22: "decimalZero", 23: "bullet", 255: "none"}


class ListTableError(Exception):
    """A list table that does not hold what it says it holds; the message says which part."""


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    """The number text, its placeholders the characters \\x00 to \\x08 (the level whose counter goes there)."""
    legal: bool = False
    """Word's "legal" numbering: the counters of the levels above print as digits ("1.1.1" under "I.")."""


@dataclass(frozen=True, slots=True)
class _Override:
    lsid: int
    starts: dict[int, int]
    """Levels this override restarts, and at what number."""
    levels: dict[int, _Level]
    """Levels this override formats its own way."""


class ListNumbers:
    """The lists of one document and their counters: `label(ilfo, ilvl)` for each numbered paragraph in
    the order Word prints them."""

    def __init__(self, table: bytes, plf_lst: tuple[int, int], plf_lfo: tuple[int, int]) -> None:
        self.lists = _lists(table, *plf_lst) if plf_lst[1] else {}
        self.overrides = _overrides(table, *plf_lfo) if plf_lfo[1] and self.lists else []
        self.counters: dict[tuple[int, int], dict[int, int]] = {}

    def label(self, ilfo: int, ilvl: int) -> str | None:
        """The label Word prints before a paragraph of list override `ilfo` at level `ilvl`: "3.", "b)",
        "-" for a bullet; None for a paragraph no list numbers."""
        if not 1 <= ilfo <= len(self.overrides) or ilfo == _NO_LIST or not 0 <= ilvl < _LEVELS:
            return None
        override = self.overrides[ilfo - 1]
        levels = self.lists.get(override.lsid)
        if levels is None or ilvl >= len(levels):
            return None
        level = override.levels.get(ilvl, levels[ilvl])
        # An override that restarts levels is a list of its own; the others continue their list's numbers.
        key = (override.lsid, ilfo if override.starts else 0)
        counts = self.counters.setdefault(key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else self._start(override, levels, ilvl)
        for deeper in [n for n in counts if n > ilvl]:
            del counts[deeper]
        if level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return "-"
        out = []
        for char in level.text:
            at = ord(char)
            if at >= _LEVELS:
                out.append(char)
            elif at < len(levels):
                shown = override.levels.get(at, levels[at])
                value = counts.get(at, self._start(override, levels, at))
                out.append(number_text(value, "decimal" if level.legal and at < ilvl else shown.fmt))
        return "".join(out).strip() or None

    @staticmethod
    def _start(override: _Override, levels: tuple[_Level, ...], ilvl: int) -> int:
        return override.starts.get(ilvl, levels[ilvl].start)


def _lists(table: bytes, fc: int, lcb: int) -> dict[int, tuple[_Level, ...]]:
    """Each list's levels by its lsid: the LSTFs of PlfLst, then the LVLs that follow the PlfLst in the
    table stream, one for a simple list and nine for the others, in the LSTFs' order."""
    plf = table[fc : fc + lcb]
    if len(plf) != lcb or lcb < 2:
        raise ListTableError("list table lies past the end of its stream")
    (count,) = struct.unpack_from("<h", plf, 0)
    if count < 0 or 2 + count * _LSTF_SIZE > lcb:
        raise ListTableError(f"list table counts {count:,} lists in {lcb:,} bytes")
    found: dict[int, tuple[_Level, ...]] = {}
    at = fc + lcb
    for index in range(count):
        (lsid,) = struct.unpack_from("<i", plf, 2 + index * _LSTF_SIZE)
        simple = plf[2 + index * _LSTF_SIZE + 26] & 0x01
        levels = []
        for _ in range(1 if simple else _LEVELS):
            level, at = _level(table, at)
            levels.append(level)
        found.setdefault(lsid, tuple(levels))
    return found


def _level(table: bytes, at: int) -> tuple[_Level, int]:
    """One LVL at `at`: its LVLF, its paragraph and character properties (skipped), its number text."""
    if at + _LVLF_SIZE > len(table):
        raise ListTableError("list level lies past the end of its stream")
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    chpx, papx = table[at + 24], table[at + 25]
    at += _LVLF_SIZE + chpx + papx
    if at + 2 > len(table):
        raise ListTableError("list level's number text lies past the end of its stream")
    (length,) = struct.unpack_from("<H", table, at)
    if length > MAX_NUMBER_TEXT or at + 2 + 2 * length > len(table):
        raise ListTableError(f"list level's number text of {length:,} characters is broken")
    text = table[at + 2 : at + 2 + 2 * length].decode("utf-16-le", errors="replace")
    level = _Level(max(start, 0), _NFC.get(nfc, "decimal"), text, legal=bool(flags & 0x04))
    return level, at + 2 + 2 * length


def _overrides(table: bytes, fc: int, lcb: int) -> list[_Override]:
    """The list overrides of PlfLfo: each LFO's list, then (after all of them, within the PlfLfo) each one's
    LFOLVLs, the levels it restarts or formats anew."""
    plf = table[fc : fc + lcb]
    if len(plf) != lcb or lcb < 4:
        raise ListTableError("list override table lies past the end of its stream")
    (count,) = struct.unpack_from("<I", plf, 0)
    if 4 + count * (_LFO_SIZE + 4) > lcb:
        raise ListTableError(f"list override table counts {count:,} overrides in {lcb:,} bytes")
    heads = [struct.unpack_from("<i8xB", plf, 4 + index * _LFO_SIZE) for index in range(count)]
    at = 4 + count * _LFO_SIZE
    found = []
    for lsid, levels in heads:
        at += 4  # the LFODATA's cp, unused
        starts: dict[int, int] = {}
        formats: dict[int, _Level] = {}
        for _ in range(levels):
            if at + 8 > lcb:
                raise ListTableError("list override's levels lie past the end of its table")
            start, flags = struct.unpack_from("<iI", plf, at)
            at += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: a level of its own follows
                formats[ilvl], at = _level(plf, at)
            if flags & 0x10 and ilvl < _LEVELS:  # fStartAt
                starts[ilvl] = max(start, 0)
        found.append(_Override(lsid, starts, {n: level for n, level in formats.items() if n < _LEVELS}))
    return found
