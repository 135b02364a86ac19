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


def _object_facts(obj: int, raw, index: int, fonts: dict) -> tuple[str, bool, int, float]:
    """Font name, bold, quarter turns and printed size of a text object."""
    font = _object_font(obj)
    name, bold = _font(font, fonts) if font else ("", False)
    # the angle of the object's first character stands for the object: text objects
    # are set in one direction, and asking once per object saves a call per character
    turn = round(pdfium_c.FPDFText_GetCharAngle(raw, index) / (math.pi / 2)) % 4
    size = pdfium_c.FPDFText_GetFontSize(raw, index)
    # The printed size is the font size times the object's matrix: InDesign sets text in a
    # 1-point font scaled up (pdfium's per-character size then says 1), and a browser's
    # print sets pixel sizes scaled down to points (14.67 "px" printed at 11 pt).
    matrix = pdfium_c.FS_MATRIX()
    font_size = ctypes.c_float(0.0)
    if _object_font_size(obj, ctypes.byref(font_size)) and _object_matrix(obj, ctypes.byref(matrix)):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        size = round(font_size.value * scale, 2) or size or 1.0
    return name, bold, turn, size


def page_runs(textpage, page_height: float) -> PageChars:  # noqa: C901 (to be split)
    """The runs of a page in the file's own order (ties in reading order fall back to it)."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    box = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    # the loose box spans the glyph's advance: tight ink boxes make a "1" look spaced off
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    get_object = _text_object
    is_generated = pdfium_c.FPDFText_IsGenerated
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
        code = get_unicode(raw, i)
        if code in (10, 13):
            if is_generated(raw, i):
                space_pending = True
                continue
        if code == 32 or code == 0xA0 or code == 9:
            space_pending = True
            if rotated:
                obj = get_object(raw, i)
                if obj and rotated[-1][1] == obj:
                    rotated[-1][2].append(" ")
            continue
        obj = get_object(raw, i)
        if not obj:
            if code in SOFT_HYPHEN_MARKS and cur is not None:
                chars.append("-")
                close(hyphen=True)
            continue
        facts = objects.get(obj)
        if facts is None:
            facts = objects[obj] = _object_facts(obj, raw, i, fonts)
        font, bold, turn, size = facts
        get_box(raw, i, box)
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
        get_origin(raw, i, ox, oy)
        x0, x1, base = box.left, box.right, page_height - oy.value
        if code in SOFT_HYPHEN_MARKS:
            if cur is not None:
                chars.append("-")
                cur[1] = max(cur[1], x1)
                close(hyphen=True)
            continue
        ch = chr(code)
        visible += 1
        if ch.isalnum():
            letters += 1
        if cur is not None:
            # the letters of an expanded ligature ("fl") share one box: no step back
            gap = max(x0 - cur[7], 0.0) if abs(x0 - cur[8]) < 0.5 else x0 - cur[7]
            same_line = abs(base - cur[2]) <= 0.25 * max(size, cur[3]) and turn == cur[6]
            if not same_line or gap < -0.5 * size or gap > 1.0 * max(size, cur[3]):
                close()
            elif bold != cur[4] or abs(size - cur[3]) > 0.1 * cur[3] or font != cur[5]:
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
        cur[1] = max(cur[1], x1)
        cur[7] = x1
        cur[8] = x0
        space_pending = False
    close()
    for turn, _, text, (x0, x1, top, bottom), _size, bold, font in rotated:
        words = "".join(text).split()
        if words:
            runs.append(Run(" ".join(words), x0, x1, bottom, max(bottom - top, 1.0), bold, font, turn))
    return PageChars(runs, visible, letters)
