"""Errors a user can act on: one line naming the file, the line and the fix."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class UserError(Exception):
    """Bad input or a failed step, reported as `file:line: message` without a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int = 0):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        """`path:line: error: message`, or the message alone when no file is named."""
        return format_problem(self.path, self.line, f"error: {self.message}" if self.path else self.message)

    def __reduce__(self):
        # Raised in a render worker, it crosses to the main process with its file and line.
        return (type(self), (self.message, self.path, self.line))


@dataclass(frozen=True, slots=True)
class Problem:
    """A non-fatal finding: the build goes on without the file it names."""

    path: str
    line: int
    message: str
    severity: str = "error"
    """error | warning | note (a point for a reviewer, not a problem)"""
    skipped: str = ""
    """What the build left out because of it ("this record"); "" when nothing was."""

    def __str__(self) -> str:
        """`path:line: error: what — how to fix (skipped: this record)`, as the command line prints it."""
        text = f"{self.severity}: {self.message}"
        if self.skipped:
            text += f" (skipped: {self.skipped})"
        return format_problem(self.path, self.line, text)


MAX_MESSAGE = 2000
"""Characters of a message printed: the last guard against a value from a file filling the terminal."""


def format_problem(path: Path | str | None, line: int, message: str) -> str:
    where = str(path) if path else ""
    if where and line:
        where = f"{where}:{line}"
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return f"{where}: {message}" if where else message


_EXCERPT = reprlib.Repr()
_EXCERPT.maxstring = 60
_EXCERPT.maxother = 60
_EXCERPT.maxlist = _EXCERPT.maxtuple = _EXCERPT.maxset = _EXCERPT.maxdict = 4
_EXCERPT.maxlevel = 1


def excerpt(value: Any) -> str:
    """A value as a message quotes it: its repr, cut to a short excerpt ('Lorem ips...t amet'),
    however long or deeply nested the value a file gave. Quotes strings like repr does."""
    return _EXCERPT.repr(value)
