"""OCR for pages with no usable text layer: Tesseract on the page rendered at 300 dpi.

The `tesseract` program (Debian: tesseract-ocr and tesseract-ocr-eng) is run once per
page; no Python binding is needed, and nothing is downloaded at run time. Its words come
back as runs with positions in points, so OCR pages go through the same layout as
born-digital ones (furniture, columns, paragraphs).

OCR is slow (seconds a page), so results are kept in a content-addressed cache: the
digest of the rendered page image, Tesseract's version and the language name the file.
Converting a paper again, or another paper holding the same scanned page, reads the
cache. `MINUTES_OCR_CACHE` names the folder ("off" turns it off); the default is
`minutes/ocr` in the user's cache folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from minutes.papers.readers.pdf.chars import Run

DPI = 300
LANGUAGE = "eng"
TIMEOUT = 120


def tesseract() -> str | None:
    """The tesseract program on PATH, or None."""
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=4)
def _version(program: str) -> str:
    try:
        out = subprocess.run([program, "--version"], capture_output=True, timeout=30, text=True)
        return (out.stdout or out.stderr).split("\n", 1)[0].strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def cache_dir() -> Path | None:
    setting = os.environ.get("MINUTES_OCR_CACHE", "")
    if setting.lower() in ("off", "0", "no", "none"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "minutes" / "ocr"


def render_gray(page: pdfium.PdfPage, dpi: int = DPI) -> tuple[bytes, int, int]:
    """The page as an 8-bit grey PGM image (Tesseract reads it from standard input)."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = bytes(bitmap.buffer)
    if bitmap.n_channels != 1:  # pdfium gave colour after all: keep one channel
        step = bitmap.n_channels
        rows = b"".join(buffer[y * stride : y * stride + width * step : step] for y in range(height))
    elif stride != width:
        rows = b"".join(buffer[y * stride : y * stride + width] for y in range(height))
    else:
        rows = buffer
    return b"P5\n%d %d\n255\n" % (width, height) + rows, width, height


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page rendered for OCR, with the key its text is cached under."""

    image: bytes
    key: str
    cached: str | None
    """Tesseract's TSV from the cache, if this image was read before."""


def prepare(page: pdfium.PdfPage, program: str) -> PageImage:
    """Render the page and look its text up in the cache (pdfium work: one thread)."""
    image, _, _ = render_gray(page)
    key = hashlib.sha256(image + _version(program).encode() + LANGUAGE.encode()).hexdigest()
    path = _cache_path(key)
    cached = path.read_text(encoding="utf-8") if path and path.is_file() else None
    return PageImage(image, key, cached)


def recognise(page: PageImage, program: str) -> list[Run]:
    """The page's words as runs (points from the top-left), from the cache or Tesseract.
    Safe to run in threads: Tesseract is a process of its own. Raises OSError or
    subprocess.SubprocessError when Tesseract fails."""
    if page.cached is not None:
        return runs_from_tsv(page.cached, 72 / DPI)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # pages and papers are read in parallel already
    out = subprocess.run(
        [program, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
        input=page.image,
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
    )
    if out.returncode != 0:
        last = out.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["tesseract failed"]
        raise subprocess.SubprocessError(last[0])
    tsv = out.stdout.decode("utf-8", "replace")
    path = _cache_path(page.key)
    if path:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            partial.write_text(tsv, encoding="utf-8")
            partial.replace(path)
        except OSError:
            pass  # a read-only cache only costs time
    return runs_from_tsv(tsv, 72 / DPI)


def workers() -> int:
    """How many pages Tesseract reads at once: MINUTES_OCR_WORKERS, else one per core (a pool
    converting several papers at once gives each worker its share: `workers_at_most`)."""
    setting = os.environ.get("MINUTES_OCR_WORKERS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return os.cpu_count() or 1


@contextlib.contextmanager
def workers_at_most(count: int) -> Iterator[None]:
    """While inside, `workers()` is at most `count` here and in the processes started meanwhile
    (they inherit the environment); a smaller MINUTES_OCR_WORKERS the user set is kept."""
    before = os.environ.get("MINUTES_OCR_WORKERS")
    os.environ["MINUTES_OCR_WORKERS"] = str(min(workers(), max(1, count)))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("MINUTES_OCR_WORKERS", None)
        else:
            os.environ["MINUTES_OCR_WORKERS"] = before


def _cache_path(key: str) -> Path | None:
    folder = cache_dir()
    return folder / key[:2] / f"{key}.tsv" if folder else None


MARGIN_FIGURE_GAP = 0.6
"""A line's first word, a figure, stands apart from the rest by more than this many ems: a run of its own."""


def runs_from_tsv(tsv: str, scale: float) -> list[Run]:
    """Tesseract's TSV words grouped into runs: one per stretch of a line without a
    wide gap, sized from the height of the line's words."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, int, int, str]]] = {}
    for row in tsv.split("\n")[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        left, top, width, height = (int(v) for v in parts[6:10])
        lines.setdefault((int(parts[2]), int(parts[3]), int(parts[4])), []).append((left, top, width, height, text))
    runs: list[Run] = []
    for words in lines.values():
        words.sort()
        heights = sorted(h for _, _, _, h, _ in words)
        size_px = heights[len(heights) // 2] / 0.75
        baseline = max(t + h for _, t, _, h, _ in words)
        size = size_px * scale
        start = 0
        for i in range(1, len(words) + 1):
            gap = words[i][0] - (words[i - 1][0] + words[i - 1][2]) if i < len(words) else 0
            # A figure set apart before the line ("42   Fire Boat Relocation"): a run of its own, as a text layer
            # has it, so a margin's line numbers are found as one (`furniture.line_numbers`).
            figure = i == 1 and words[0][4].isdigit() and len(words[0][4]) <= 4 and gap > MARGIN_FIGURE_GAP * size_px
            if i == len(words) or gap > 1.2 * size_px or figure:
                chunk = words[start:i]
                x0 = chunk[0][0]
                x1 = chunk[-1][0] + chunk[-1][2]
                runs.append(
                    Run(" ".join(w[4] for w in chunk), x0 * scale, x1 * scale, baseline * scale, size, False, "ocr", 0)
                )
                start = i
    return runs
