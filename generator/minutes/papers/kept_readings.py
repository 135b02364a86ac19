"""A paper's first reading, kept for the second reading of the archive.

A convert reads the archive, learns its house style from what every paper showed, and reads the papers
again when that changed the style. The second reading would read each paper's file again and convert it
once more without the style's lessons (the style trial's plain reading), both exactly as the first reading
did: together about half of what the second reading costs. So the worker of the first reading sends back
the paper's text and its plain reading (pickled, compressed: a few kB a page), the convert keeps them on
disk (in a private temporary folder, so the memory it holds does not grow with the archive), and the
worker of the second reading starts from them.

What is kept is only ever read back by the convert that wrote it, for the same paper's bytes and sidecar.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes.papers.convert import Conversion
    from minutes.papers.housestyle import HouseStyle
    from minutes.papers.readers import PaperText

Readings = list[tuple["HouseStyle", "Conversion"]]
"""A paper's conversions, each with the house style it was read with."""


def pack(paper: PaperText, readings: Sequence[tuple[HouseStyle, Conversion]]) -> bytes:
    """A paper's text and readings as bytes to send back and keep."""
    return zlib.compress(pickle.dumps((paper, list(readings)), protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> tuple[PaperText, Readings]:
    """What `pack` packed."""
    paper, readings = pickle.loads(zlib.decompress(blob))  # only ever bytes this convert packed
    return paper, readings


class KeptReadings:
    """Papers' first readings in `folder` (a private temporary folder the convert removes), one file a paper."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.kept: dict[str, tuple[str, Path]] = {}

    def put(self, shown: str, key: str, blob: bytes) -> None:
        """Keep the reading of the paper `shown` whose bytes and sidecar are `key`."""
        path = self.folder / f"{hashlib.sha256(shown.encode()).hexdigest()}.reading"
        path.write_bytes(blob)
        self.kept[shown] = (key, path)

    def take(self, shown: str, key: str) -> bytes:
        """The reading kept for the paper `shown`, or b"" when none was, or the paper is no longer the one read."""
        found = self.kept.pop(shown, None)
        if found is None:
            return b""
        kept_key, path = found
        blob = path.read_bytes() if kept_key == key else b""
        path.unlink(missing_ok=True)
        return blob
