"""Progress of long work: a bar per stage on a terminal, plain lines when the output is a log.

Stages with a count (pages rendered of the total, search shards indexed) show
a bar that redraws at most ten times a second; to a file or a pipe they print
a line at each tenth of the way and one at the end, so logs stay short.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    def __init__(
        self, say: Callable[[str], None] | None = None, *, stream: TextIO | None = None, bar: bool | None = None
    ):
        self._say = say or (lambda message: None)
        self.stream = stream or sys.stderr
        self.bar = bar if bar is not None else (say is not None and self.stream.isatty())
        self.stage = ""
        self.total = 0
        self.done = 0
        self._drawn = 0.0
        self._next_line = 0

    @classmethod
    def of(cls, progress: Progress | Callable[[str], None] | None) -> Progress:
        return progress if isinstance(progress, Progress) else cls(progress, bar=False)

    def say(self, message: str) -> None:
        self._clear_bar()
        self._say(message)

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total, self.done = stage, total, 0
        self._next_line = max(1, total // 10)
        self._drawn = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar:
            now = time.monotonic()
            if now - self._drawn >= 0.1 or self.done >= self.total:
                self._drawn = now
                self._draw()
        elif self.done >= self._next_line and self.done < self.total:
            self._say(f"{self.stage}: {self.done} of {self.total}")
            self._next_line += max(1, self.total // 10)

    def finish(self, message: str) -> None:
        self._clear_bar()
        self._say(message)
        self.stage, self.total, self.done = "", 0, 0

    def _draw(self) -> None:
        width = 30
        filled = width * self.done // max(self.total, 1)
        self.stream.write(f"\rminutes: {self.stage} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        self.stream.flush()

    def _clear_bar(self) -> None:
        if self.bar and self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = 0.0
