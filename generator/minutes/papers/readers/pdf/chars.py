"""Characters of a PDF page, as pdfium gives them, gathered into runs of text.

A run is what a typesetter put down in one go: characters of one font and size on one
baseline with no wide gap between them. Later stages (lines, columns, tables) work on
runs, not characters, because a page has thousands of characters and tens of runs.

pdfium is asked for the least per character (its code point, box, origin and text
object); a font's name, flags and the object's rotation are looked up once per text
object, because every ctypes call costs about a microsecond.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

FORCE_BOLD = 1 << 18
"""PDF font descriptor flag ForceBold (bit 19)."""
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi", "extrab", ",b")
"""pdfium's weight value is unreliable (400 for Arial-BoldMT), so bold comes from the
font's name or flags."""

SOFT_HYPHEN_MARKS = {0xFFFE, 0x02, 0xAD}
"""pdfium marks a hyphen at a line end with U+FFFE (or U+0002); U+00AD is a soft hyphen."""


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


def _by_address(func, restype, *argtypes):
    """pdfium's function with plain-address arguments and result: comparing and hashing
    object handles as ints saves a ctypes cast per character."""
    address = ctypes.cast(func, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError(f"pdfium has no function {func!r}")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VP = ctypes.c_void_p
_text_object = _by_address(pdfium_c.FPDFText_GetTextObject, _VP, _VP, ctypes.c_int)
_object_font = _by_address(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_font_name = _by_address(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _VP, ctypes.c_char_p, ctypes.c_size_t)
_font_flags = _by_address(pdfium_c.FPDFFont_GetFlags, ctypes.c_int, _VP)
_object_font_size = _by_address(pdfium_c.FPDFTextObj_GetFontSize, ctypes.c_int, _VP, ctypes.POINTER(ctypes.c_float))
_object_matrix = _by_address(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, _VP, ctypes.POINTER(pdfium_c.FS_MATRIX))
# The calls made for every character take the text page, and the buffers they fill, as plain
# addresses: ctypes converts an int faster than a pointer object (about a third of each call).
_char_unicode = _by_address(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VP, ctypes.c_int)
_char_generated = _by_address(pdfium_c.FPDFText_IsGenerated, ctypes.c_int, _VP, ctypes.c_int)
_char_loose_box = _by_address(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, _VP, ctypes.c_int, _VP)
_char_angle = _by_address(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float, _VP, ctypes.c_int)
_char_font_size = _by_address(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VP, ctypes.c_int)
_char_origin = _by_address(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int, _VP, ctypes.c_int, _VP, _VP)


def _union(area, box, page_height: float):
    x0, x1, top, bottom = box.left, box.right, page_height - box.top, page_height - box.bottom
    if area is None:
        return [x0, x1, top, bottom]
    return [min(area[0], x0), max(area[1], x1), min(area[2], top), max(area[3], bottom)]


def _font(font: int, cache: dict) -> tuple[str, bool]:
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
    obj: int, page: int, index: int, fonts: dict, matrix: pdfium_c.FS_MATRIX, font_size: ctypes.c_float
) -> tuple[str, bool, int, float]:
    """Font name, bold, quarter turns and printed size of a text object (`page`: the text page's
    address; `matrix` and `font_size`: buffers to fill, made once a page)."""
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


def page_runs(textpage, page_height: float) -> PageChars:  # noqa: C901 (one loop, kept whole for speed)
    """The runs of a page in the file's own order (ties in reading order fall back to it).

    The loop runs once per character (a page has thousands), so it calls pdfium by address
    into buffers made once, and compares with `if` rather than `max` and `abs`, which cost a
    function call each."""
    raw = textpage.raw
    page = ctypes.cast(raw, ctypes.c_void_p).value
    if not page:
        return PageChars([], 0, 0)  # a text page pdfium could not make: no characters
    count = pdfium_c.FPDFText_CountChars(raw)
    box = pdfium_c.FS_RECTF()
    box_at = ctypes.addressof(box)
    origin = (ctypes.c_double * 2)()
    matrix = pdfium_c.FS_MATRIX()
    font_size = ctypes.c_float(0.0)
    ox_at = ctypes.addressof(origin)
    oy_at = ox_at + ctypes.sizeof(ctypes.c_double)
    get_unicode = _char_unicode
    # the loose box spans the glyph's advance: tight ink boxes make a "1" look spaced off
    get_box = _char_loose_box
    get_origin = _char_origin
    get_object = _text_object
    is_generated = _char_generated
    soft_hyphens = SOFT_HYPHEN_MARKS
    fonts: dict = {}
    objects: dict = {}
    runs: list[Run] = []
    rotated: list[list] = []
    chars: list[str] = []
    cur = None  # [x0, x1, baseline, size, bold, font, turn, last char's x1, last char's x0]
    space_pending = False
    visible = letters = 0

    def close(hyphen: bool = False) -> None:
        nonlocal cur, chars
        if cur is not None and chars:
            text = "".join(chars).strip()
            if text:
                runs.append(Run(text, cur[0], cur[1], cur[2], cur[3], cur[4], cur[5], cur[6], hyphen))
        cur = None
        chars = []

    for i in range(count):
        code = get_unicode(page, i)
        if code == 32 or code == 0xA0 or code == 9:
            space_pending = True
            if rotated:
                obj = get_object(page, i)
                if obj and rotated[-1][1] == obj:
                    rotated[-1][2].append(" ")
            continue
        if (code == 10 or code == 13) and is_generated(page, i):
            space_pending = True
            continue
        obj = get_object(page, i)
        if not obj:
            if code in soft_hyphens and cur is not None:
                chars.append("-")
                close(hyphen=True)
            continue
        facts = objects.get(obj)
        if facts is None:
            facts = objects[obj] = _object_facts(obj, page, i, fonts, matrix, font_size)
        font, bold, turn, size = facts
        get_box(page, i, box_at)
        if turn:
            # Text set sideways (a pack's page number in the margin of a landscape page):
            # kept apart, in stream order, with the box it covers on the page.
            visible += 1
            letters += chr(code).isalnum()
            if rotated and rotated[-1][0] == turn and rotated[-1][1] == obj:
                rotated[-1][2].append(chr(code))
                rotated[-1][3] = _union(rotated[-1][3], box, page_height)
            else:
                rotated.append([turn, obj, [chr(code)], _union(None, box, page_height), size, bold, font])
            continue
        get_origin(page, i, ox_at, oy_at)
        x0 = box.left
        x1 = box.right
        base = page_height - origin[1]
        if code in soft_hyphens:
            if cur is not None:
                chars.append("-")
                if x1 > cur[1]:
                    cur[1] = x1
                close(hyphen=True)
            continue
        ch = chr(code)
        visible += 1
        if ch.isalnum():
            letters += 1
        if cur is not None:
            last_x1 = cur[7]
            # the letters of an expanded ligature ("fl") share one box: no step back
            gap = x0 - last_x1
            if gap < 0.0 and -0.5 < x0 - cur[8] < 0.5:
                gap = 0.0
            cur_size = cur[3]
            larger = size if size > cur_size else cur_size
            step = base - cur[2]
            same_line = -0.25 * larger <= step <= 0.25 * larger and turn == cur[6]
            if not same_line or gap < -0.5 * size or gap > larger:
                close()
            elif bold != cur[4] or font != cur[5] or not -0.1 * cur_size <= size - cur_size <= 0.1 * cur_size:
                # a change of face inside a line: a new run, joined again by the line builder
                close()
                if space_pending or gap > 0.2 * size:
                    chars.append(" ")
                space_pending = False
            elif space_pending or gap > 0.2 * size:
                if chars and chars[-1] != " ":
                    chars.append(" ")
        if cur is None:
            cur = [x0, x1, base, size, bold, font, turn, x1, x0]
            if chars == [" "]:
                chars = []
                # the space before a change of face is kept as a gap, which lines see
        chars.append(ch)
        if x1 > cur[1]:
            cur[1] = x1
        cur[7] = x1
        cur[8] = x0
        space_pending = False
    close()
    for turn, _, text, (x0, x1, top, bottom), _size, bold, font in rotated:
        words = "".join(text).split()
        if words:
            runs.append(Run(" ".join(words), x0, x1, bottom, max(bottom - top, 1.0), bold, font, turn))
    return PageChars(runs, visible, letters)
