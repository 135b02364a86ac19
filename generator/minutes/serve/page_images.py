"""A PDF's pages as PNG images, for the review view of `minutes serve`.

pdfium renders the page (under the reader's lock: it is not thread-safe); the
grey pixels are written as a PNG here. PNG is a small, fixed format (RFC 2083:
a signature and three chunks, the pixels zlib-compressed), so the standard
library writes it and the package needs no imaging library for one use.
"""

from __future__ import annotations

import struct
import zlib

import pypdfium2 as pdfium

from minutes.papers.readers.pdf.reader import PDFIUM

SCALE = 2.0
"""Pixels per PDF point: 144 dpi, sharp enough to read small print beside the highlights."""
MAX_SIDE = 4000
"""The largest side of an image, in pixels: a poster-sized page is rendered smaller, never gigabytes."""


class NotAPdf(ValueError):
    """The bytes are not a PDF pdfium can open, or the page is not in it."""


def page_sizes(data: bytes) -> tuple[tuple[float, float], ...]:
    """Each page's (width, height) in points, in order."""
    with PDFIUM:
        pdf = _open(data)
        try:
            sizes = []
            for index in range(len(pdf)):
                page = pdf[index]
                sizes.append(tuple(page.get_size()))
                page.close()
            return tuple(sizes)
        finally:
            pdf.close()


def page_png(data: bytes, number: int) -> bytes:
    """Page `number` (1-based) as a grey PNG image."""
    with PDFIUM:
        pdf = _open(data)
        try:
            if not 1 <= number <= len(pdf):
                raise NotAPdf(f"the paper has no page {number}")
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = min(SCALE, MAX_SIDE / max(width, height, 1))
            bitmap = page.render(scale=scale, grayscale=True)
            pixels = _grey_rows(bitmap)
            size = (bitmap.width, bitmap.height)
            page.close()
        finally:
            pdf.close()
    return png(size[0], size[1], pixels)


def _open(data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise NotAPdf(str(exc)) from None


def _grey_rows(bitmap) -> bytes:
    """One byte per pixel, rows top to bottom, whatever layout pdfium chose."""
    width, height, stride, step = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
    buffer = bytes(bitmap.buffer)
    if step == 1 and stride == width:
        return buffer
    return b"".join(buffer[y * stride : y * stride + width * step : step] for y in range(height))


def png(width: int, height: int, grey: bytes) -> bytes:
    """An 8-bit greyscale PNG of `grey` (width × height bytes, rows top to bottom)."""
    # Each row is led by its filter type; 0 (none) compresses well enough for pages of text.
    raw = b"".join(b"\x00" + grey[y * width : (y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8 bits, greyscale, deflate, no interlace
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
