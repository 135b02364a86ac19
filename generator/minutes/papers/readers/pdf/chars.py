"""Characters of a PDF page, as pdfium gives them, gathered into runs of text.

A run is what a typesetter put down in one go: characters of one font and size on one
baseline with no wide gap between them. Later stages (lines, columns, tables) work on
runs, not characters, because a page has thousands of characters and tens of runs.

pdfium is asked for the least per character: the page's text comes in one call, then
each character's text object and box, and its origin only where the baseline may have
moved; a font's name, flags and the object's rotation are looked up once per text
object, because every ctypes call costs about a third of a microsecond.
"""

from __future__ import annotations

import array
import ctypes
import math
import re
from _ctypes import CFuncPtr
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

FORCE_BOLD = 1 << 18
"""PDF font descriptor flag ForceBold (bit 19)."""
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi", "extrab", ",b")
"""pdfium's weight value is unreliable (400 for Arial-BoldMT), so bold comes from the
font's name or flags."""

SOFT_HYPHEN_MARKS = {0xFFFE, 0x02, 0xAD}
"""pdfium marks a hyphen at a line end with U+FFFE (or U+0002); U+00AD is a soft hyphen."""
_SOFT_HYPHEN_CHARS = frozenset(map(chr, SOFT_HYPHEN_MARKS))


class Run(NamedTuple):
    """Text set in one go on one baseline. A NamedTuple rather than a dataclass: pages
    make many of them and they are only read."""

    text: str
    x0: float
    x1: float
    baseline: float
    """Distance of the baseline from the top of the page, in points."""
    size: float
    bold: bool
    font: str
    angle: int
    """Rotation in quarter turns, 0 for upright text. For sideways text the run's x0/x1
    and baseline/size describe the box it covers: x0..x1 across, baseline the box's
    bottom and size its height."""
    hyphen: bool = False
    """The run ends with a line-end hyphen that pdfium marked as such."""

    @property
    def top(self) -> float:
        return self.baseline - self.size * 0.8

    @property
    def bottom(self) -> float:
        return self.baseline + self.size * 0.25

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class PageChars:
    runs: list[Run]
    """Upright runs in the file's order, then sideways ones."""
    count: int
    """Characters on the text layer, spaces and line breaks pdfium made up not counted."""
    letters: int
    """Of those, how many are letters or digits (a garbled layer has almost none)."""


def _by_address(
    func: CFuncPtr, restype: type[ctypes._CData] | None, *argtypes: type[ctypes._CData]
) -> Callable[..., Any]:
    """pdfium's function with plain-address arguments and result: comparing and hashing
    object handles as ints saves a ctypes cast per character. What the call takes and gives is
    said where each function is named below."""
    address = ctypes.cast(func, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError(f"pdfium has no function {func!r}")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def unchecked(func: CFuncPtr, restype: type[ctypes._CData]) -> Callable[..., Any]:
    """pdfium's function called with no argument types (each argument is passed as it is: a pointer object
    as its address, an int as a C int) and without releasing the GIL, for the calls made once a character or
    once a page object."""
    address = ctypes.cast(func, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError(f"pdfium has no function {func!r}")
    return ctypes.PYFUNCTYPE(restype)(address)


_VP = ctypes.c_void_p
_Pointer: TypeAlias = ctypes.c_void_p
"""An address wrapped once in a ctypes object, to be passed to an `unchecked` function."""
# A handle or address is an int; a handle pdfium gives back is None when it has none (NULL).
_Address = int
_object_font: Callable[[_Address], _Address | None] = _by_address(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_font_name: Callable[[_Address, ctypes.Array[ctypes.c_char] | None, int], int] = _by_address(
    pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _VP, ctypes.c_char_p, ctypes.c_size_t
)
_font_flags: Callable[[_Address], int] = _by_address(pdfium_c.FPDFFont_GetFlags, ctypes.c_int, _VP)
_object_font_size: Callable[[_Address, ctypes._CArgObject], int] = _by_address(
    pdfium_c.FPDFTextObj_GetFontSize, ctypes.c_int, _VP, ctypes.POINTER(ctypes.c_float)
)
_object_matrix: Callable[[_Address, ctypes._CArgObject], int] = _by_address(
    pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, _VP, ctypes.POINTER(pdfium_c.FS_MATRIX)
)
# The calls made for every character are the cheapest ctypes has: no argument types to check and
# convert (the text page and the buffers are passed as pointer objects made once a page, a
# character's index as an int, which ctypes passes as a C int) and the GIL kept (pdfium's text
# calls never call back into Python), which together halve each call's cost.
_char_unicode: Callable[[_Pointer, int], int] = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_page_text: Callable[[_Address, int, int, _Address], int] = _by_address(
    pdfium_c.FPDFText_GetText, ctypes.c_int, _VP, ctypes.c_int, ctypes.c_int, _VP
)
_char_generated: Callable[[_Pointer, int], int] = unchecked(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_char_loose_box: Callable[[_Pointer, int, _Pointer], int] = unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_char_angle: Callable[[_Address, int], float] = _by_address(
    pdfium_c.FPDFText_GetCharAngle, ctypes.c_float, _VP, ctypes.c_int
)
_char_font_size: Callable[[_Address, int], float] = _by_address(
    pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VP, ctypes.c_int
)
_char_origin: Callable[[_Pointer, int, _Pointer, _Pointer], int] = unchecked(
    pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int
)
_char_object: Callable[[_Pointer, int], _Address | None] = unchecked(pdfium_c.FPDFText_GetTextObject, _VP)


_Box: TypeAlias = "array.array[float]"
"""pdfium's FS_RECTF as an array of its four floats, in its order: left, top, right, bottom (y up)."""
_LEFT, _TOP, _RIGHT, _BOTTOM = 0, 1, 2, 3

_Area = tuple[float, float, float, float]
"""x0, x1, top and bottom of a box on the page, y measured from the top."""


def _union(area: _Area | None, box: _Box, page_height: float) -> _Area:
    x0, x1, top, bottom = box[_LEFT], box[_RIGHT], page_height - box[_TOP], page_height - box[_BOTTOM]
    if area is None:
        return (x0, x1, top, bottom)
    return (min(area[0], x0), max(area[1], x1), min(area[2], top), max(area[3], bottom))


def _font(font: _Address, cache: dict[_Address, tuple[str, bool]]) -> tuple[str, bool]:
    """A font's name and whether it is bold, once per font."""
    facts = cache.get(font)
    if facts is None:
        name = ""
        length = _font_name(font, None, 0)
        if length > 1:
            buf = ctypes.create_string_buffer(length)
            _font_name(font, buf, length)
            name = buf.value.decode("utf-8", "replace").split("+")[-1]
        lowered = name.lower()
        bold = bool(_font_flags(font) & FORCE_BOLD) or any(mark in lowered for mark in _BOLD_NAMES)
        facts = cache[font] = (name, bold)
    return facts


def _object_facts(
    obj: _Address, page: _Address, index: int, fonts: dict[_Address, tuple[str, bool]], buffers: _Buffers
) -> _Facts:
    """Font name, bold, quarter turns and printed size of a text object (`page`: the text page's
    address)."""
    matrix, font_size = buffers.matrix, buffers.font_size
    font = _object_font(obj)
    name, bold = _font(font, fonts) if font else ("", False)
    # the angle of the object's first character stands for the object: text objects
    # are set in one direction, and asking once per object saves a call per character
    turn = round(_char_angle(page, index) / (math.pi / 2)) % 4
    size = _char_font_size(page, index)
    # The printed size is the font size times the object's matrix: InDesign sets text in a
    # 1-point font scaled up (pdfium's per-character size then says 1), and a browser's
    # print sets pixel sizes scaled down to points (14.67 "px" printed at 11 pt).
    font_size.value = 0.0
    if _object_font_size(obj, ctypes.byref(font_size)) and _object_matrix(obj, ctypes.byref(matrix)):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        size = round(font_size.value * scale, 2) or size or 1.0
    return name, bold, turn, size


_Facts = tuple[str, bool, int, float]
"""A text object's font name, bold, quarter turns and printed size."""


class _Buffers:
    """What pdfium fills for one character or text object, made once a page, with the plain addresses the
    per-character calls take."""

    __slots__ = ("box", "box_at", "font_size", "matrix", "origin", "ox_at", "oy_at")

    def __init__(self) -> None:
        # plain arrays rather than ctypes structures: an array's item is read several times faster
        # than a structure's field, and three are read for every character
        self.box: _Box = array.array("f", bytes(ctypes.sizeof(pdfium_c.FS_RECTF)))
        self.box_at = _Pointer(self.box.buffer_info()[0])
        self.origin = array.array("d", (0.0, 0.0))
        ox_at = self.origin.buffer_info()[0]
        self.ox_at = _Pointer(ox_at)
        self.oy_at = _Pointer(ox_at + self.origin.itemsize)
        self.matrix = pdfium_c.FS_MATRIX()
        self.font_size = ctypes.c_float(0.0)


def page_text(page: _Address, count: int) -> str:
    """The page's characters, one a character index, from one call for the whole page.

    pdfium's page text holds a character for each index, in UTF-16: a character outside the
    Basic Multilingual Plane takes two units and a character with no code point none, so where
    the units are not one a character the page is asked character by character (rare). The
    page text marks a line-end hyphen U+FFFE where a character's own code point is U+0002:
    both are soft hyphen marks, and a mark's own code point is asked for where it is kept."""
    if count <= 0:
        return ""
    units = (ctypes.c_uint16 * (count + 1))()
    written = _page_text(page, 0, count, ctypes.addressof(units))
    text = bytes(units)[: 2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    if len(text) == count and not _SURROGATES.search(text):
        return text
    pointer = _Pointer(page)
    return "".join(_character(_char_unicode(pointer, i)) for i in range(count))


_SURROGATES = re.compile("[\ud800-\udfff]")


def _character(code: int) -> str:
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def page_runs(textpage: pdfium.PdfTextPage, page_height: float) -> PageChars:
    """The runs of a page in the file's own order (ties in reading order fall back to it).

    The page's text comes in one call; the loop, once a character, asks pdfium for its text object
    and box by address into buffers made once. Its origin is asked only where the baseline may have
    moved: one text object's characters share a baseline, and their loose boxes' bottom, until the
    object turns or rises."""
    raw = textpage.raw
    page = ctypes.cast(raw, ctypes.c_void_p).value
    if not page:
        return PageChars([], 0, 0)  # a text page pdfium could not make: no characters
    text = page_text(page, pdfium_c.FPDFText_CountChars(raw))
    buffers = _Buffers()
    box, origin, box_at, ox_at, oy_at = buffers.box, buffers.origin, buffers.box_at, buffers.ox_at, buffers.oy_at
    # (the loose box spans the glyph's advance: tight ink boxes make a "1" look spaced off)
    get_object, is_generated, get_box, get_origin = _char_object, _char_generated, _char_loose_box, _char_origin
    soft_hyphens, at = _SOFT_HYPHEN_CHARS, _Pointer(page)
    fonts: dict[_Address, tuple[str, bool]] = {}
    objects: dict[_Address, _Facts] = {}
    upright = _UprightRuns()
    add = upright.add
    sideways = _SidewaysRuns(page_height)
    # the text object, loose box bottom and baseline of the last character whose origin was asked
    origin_obj: _Address | None = None
    origin_bottom = base = 0.0
    for i, ch in enumerate(text):
        if ch == " " or ch == "\xa0" or ch == "\t":
            upright.space_pending = True
            if sideways.pieces:
                sideways.space(get_object(at, i))
            continue
        if (ch == "\n" or ch == "\r") and is_generated(at, i):
            upright.space_pending = True
            continue
        obj = get_object(at, i)
        if not obj:
            if ch in soft_hyphens:
                upright.hyphen(None)
            continue
        facts = objects.get(obj)
        if facts is None:
            facts = objects[obj] = _object_facts(obj, page, i, fonts, buffers)
        get_box(at, i, box_at)
        if facts[2]:
            if ch in soft_hyphens:
                ch = _character(_char_unicode(at, i))  # kept as its own code point says
            sideways.add(ch, obj, box, facts)
            continue
        if ch in soft_hyphens:
            upright.hyphen(box[2])  # (the box's items by number: _LEFT, _RIGHT and _BOTTOM are globals)
            continue
        bottom = box[3]
        if obj != origin_obj or bottom != origin_bottom:
            get_origin(at, i, ox_at, oy_at)
            origin_obj, origin_bottom, base = obj, bottom, page_height - origin[1]
        add(ch, box[0], box[2], base, facts)
    upright.close()
    return PageChars(
        upright.runs + sideways.runs(), upright.visible + sideways.visible, upright.letters + sideways.letters
    )


class _OpenRun:
    """The run being gathered: where it is, its face, and the last character added (a slotted class: its
    fields are read and set for every character)."""

    __slots__ = ("baseline", "bold", "font", "last_facts", "last_x0", "last_x1", "size", "turn", "x0", "x1")

    def __init__(self, x0: float, x1: float, baseline: float, facts: _Facts) -> None:
        self.font, self.bold, self.turn, self.size = facts
        self.x0 = x0
        self.x1 = x1
        self.baseline = baseline
        self.last_x1 = x1
        self.last_x0 = x0
        self.last_facts = facts
        """The text object's facts of the last character: only a character of another object can
        change the face."""


class _UprightRuns:
    """The upright runs of a page, gathered as its characters arrive in the file's order."""

    __slots__ = ("chars", "cur", "letters", "runs", "space_pending", "visible")

    def __init__(self) -> None:
        self.runs: list[Run] = []
        self.chars: list[str] = []
        self.cur: _OpenRun | None = None
        self.space_pending = False
        """A space (or a line break pdfium made up) since the last character."""
        self.visible = 0
        self.letters = 0

    def close(self, hyphen: bool = False) -> None:
        cur, chars = self.cur, self.chars
        if cur is not None and chars:
            joined = "".join(chars)
            # Counted once a run rather than once a character: all but the spaces put between its words
            # (a space on the page never joins a run) and the marked hyphen that ends it.
            self.visible += len(chars) - chars.count(" ") - hyphen
            self.letters += sum(map(str.isalnum, joined))
            text = joined.strip()
            if text:
                self.runs.append(
                    Run(text, cur.x0, cur.x1, cur.baseline, cur.size, cur.bold, cur.font, cur.turn, hyphen)
                )
        self.cur = None
        self.chars = []

    def hyphen(self, x1: float | None) -> None:
        """A line-end hyphen pdfium marked, which ends the open run; `x1`: its right edge, None if it has no box."""
        cur = self.cur
        if cur is not None:
            self.chars.append("-")
            if x1 is not None and x1 > cur.x1:
                cur.x1 = x1
            self.close(hyphen=True)

    def add(self, ch: str, x0: float, x1: float, base: float, facts: _Facts) -> None:
        """An upright character (`facts` of its text object), compared with `if` rather than `max` and `abs`,
        which cost a function call each."""
        size = facts[3]
        cur = self.cur
        if cur is not None:
            # the letters of an expanded ligature ("fl") share one box: no step back
            gap = x0 - cur.last_x1
            if gap < 0.0 and -0.5 < x0 - cur.last_x0 < 0.5:
                gap = 0.0
            cur_size = cur.size
            larger = size if size > cur_size else cur_size
            step = base - cur.baseline
            if (
                not -0.25 * larger <= step <= 0.25 * larger
                or gap < -0.5 * size
                or gap > larger
                # A change of face inside a line: a new run, joined again by the line builder, which sees
                # the space before it as the gap between the runs. The last character's text object
                # was of the run's face, so only a character of another object can change it.
                or (
                    facts is not cur.last_facts
                    and (
                        facts[1] != cur.bold
                        or facts[0] != cur.font
                        or not -0.1 * cur_size <= size - cur_size <= 0.1 * cur_size
                    )
                )
            ):
                self.close()
                cur = None
            elif self.space_pending or gap > 0.2 * size:
                chars = self.chars
                if chars and chars[-1] != " ":
                    chars.append(" ")
        if cur is None:
            cur = self.cur = _OpenRun(x0, x1, base, facts)
        self.chars.append(ch)
        if x1 > cur.x1:
            cur.x1 = x1
        cur.last_x1 = x1
        cur.last_x0 = x0
        cur.last_facts = facts
        self.space_pending = False


@dataclass(slots=True)
class _SidewaysPiece:
    """The characters of one sideways text object, gathered into a run."""

    turn: int
    obj: _Address
    chars: list[str]
    area: _Area
    """The box the characters cover on the page."""
    bold: bool
    font: str


class _SidewaysRuns:
    """Text set sideways (a pack's page number in the margin of a landscape page): kept apart, in the
    file's order, each text object's characters as one run with the box they cover on the page."""

    __slots__ = ("letters", "page_height", "pieces", "visible")

    def __init__(self, page_height: float) -> None:
        self.page_height = page_height
        self.pieces: list[_SidewaysPiece] = []
        self.visible = 0
        self.letters = 0

    def space(self, obj: _Address | None) -> None:
        if obj and self.pieces[-1].obj == obj:
            self.pieces[-1].chars.append(" ")

    def add(self, ch: str, obj: _Address, box: _Box, facts: _Facts) -> None:
        font, bold, turn, _size = facts
        self.visible += 1
        self.letters += ch.isalnum()
        pieces = self.pieces
        if pieces and pieces[-1].turn == turn and pieces[-1].obj == obj:
            pieces[-1].chars.append(ch)
            pieces[-1].area = _union(pieces[-1].area, box, self.page_height)
        else:
            pieces.append(_SidewaysPiece(turn, obj, [ch], _union(None, box, self.page_height), bold, font))

    def runs(self) -> list[Run]:
        runs = []
        for piece in self.pieces:
            words = "".join(piece.chars).split()
            if words:
                x0, x1, top, bottom = piece.area
                runs.append(
                    Run(" ".join(words), x0, x1, bottom, max(bottom - top, 1.0), piece.bold, piece.font, piece.turn)
                )
        return runs
