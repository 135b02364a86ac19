"""A paper's first reading, kept for the second reading of the archive.

A convert reads the archive, learns its house style from what every paper showed, and reads the papers
again when that changed the style. The second reading would read each paper's file again and convert it
once more without the style's lessons (the style trial's plain reading), both exactly as the first reading
did: together about half of what the second reading costs. So the worker of the first reading sends back
the paper's text and its plain reading (pickled, compressed: a few kB a page), the convert keeps them on
disk (in a private temporary folder, so the memory it holds does not grow with the archive), and the
worker of the second reading starts from them. What the first reading remembered of the paper's lines
(`memo`) goes with them: the second reading asks the same of most of the same lines.

What is kept is only ever read back by the convert that wrote it, for the same paper's bytes and sidecar.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import operator
import pickle
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from minutes.papers import memo

if TYPE_CHECKING:
    from minutes.papers.convert import Conversion
    from minutes.papers.housestyle import HouseStyle
    from minutes.papers.readers import PaperText

Readings = list[tuple["HouseStyle", "Conversion"]]
"""A paper's conversions, each with the house style it was read with."""


def pack(
    paper: PaperText, readings: Sequence[tuple[HouseStyle, Conversion]], remembered: memo.Remembered | None = None
) -> bytes:
    """A paper's text and readings as bytes to send back and keep, with what its reading `remembered` of its
    lines (`memo.since`), which spares the second reading working it out again."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _FIELDS_AT_ONCE
    pickler.dump((paper, list(readings), remembered or {}))
    return zlib.compress(out.getbuffer(), 1)


def _set_fields(obj: object, values: tuple[object, ...]) -> None:
    """What a frozen dataclass's own `__setstate__` does with its fields' values."""
    for name, value in zip(_field_names(type(obj)), values, strict=True):
        object.__setattr__(obj, name, value)


def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's fields' names (asked again by the process that unpacks, which may not have packed)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_NAMES: dict[type, tuple[str, ...]] = {}


class _FieldsAtOnce(dict[type, Callable[[Any], Any]]):
    """A pickler's reductions for frozen dataclasses with slots, made for each class when first met.

    Such a class pickles its fields' values as its `__getstate__` gives them, and that looks its fields up
    again for every object (a third of packing a paper's readings); here their values are taken at once,
    and set back as its `__setstate__` would. Any other class is pickled as it pickles itself."""

    def __init__(self) -> None:
        super().__init__()
        self.others: set[type] = set()

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        if cls in self.others or getattr(cls, "__getstate__", None) is not _DATACLASS_GETSTATE:
            self.others.add(cls)
            raise KeyError(cls)
        names = _field_names(cls)
        if not names:
            self.others.add(cls)
            raise KeyError(cls)
        # (one name's getter gives its value alone, not in a tuple)
        values: Callable[[Any], Any] = (
            operator.attrgetter(*names, *names[:1]) if len(names) == 1 else operator.attrgetter(*names)
        )
        count = len(names)

        def reduce(obj: object) -> tuple[object, ...]:
            return (_NEW_OBJECT, (cls,), values(obj)[:count], None, None, _set_fields)

        self[cls] = reduce
        return reduce


@dataclasses.dataclass(frozen=True, slots=True)
class _Probe:
    field: int = 0
    other: int = 0


_NEW_OBJECT = cast("Callable[..., object]", copyreg.__newobj__)  # type: ignore[attr-defined]
"""What an object pickled by its class's `__new__` is made with (protocol 2 and later)."""
_DATACLASS_GETSTATE = getattr(_Probe, "__getstate__", None)
"""The `__getstate__` dataclasses gives a frozen class with slots."""
_FIELDS_AT_ONCE = _FieldsAtOnce()


def unpack(blob: bytes) -> tuple[PaperText, Readings]:
    """The paper's text and readings `pack` packed."""
    paper, readings, _ = unpack_all(blob)
    return paper, readings


def unpack_all(blob: bytes) -> tuple[PaperText, Readings, memo.Remembered]:
    """What `pack` packed: the paper's text, its readings, and what its reading remembered."""
    paper, readings, *remembered = pickle.loads(zlib.decompress(blob))  # only ever bytes this convert packed
    return paper, readings, remembered[0] if remembered else {}


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
