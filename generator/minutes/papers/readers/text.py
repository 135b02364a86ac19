"""Plain text: text exported from a PDF or a web page, or typed.

Most exports are UTF-8; older ones are Windows-1252, and some tools write UTF-16 with a
byte-order mark. A file of NUL bytes or mostly control characters is not text at all.
None of these stop a conversion: the caller gets whatever text there is and the problems.
"""

from __future__ import annotations

import codecs
import unicodedata

from minutes.core.errors import Problem
from minutes.papers.readers.base import DEFAULT_LIMITS, PaperText, ReadLimits, text_lines

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


class TextReader:
    name = "text"

    def sniff(self, head: bytes) -> bool:
        return True  # the last resort: anything no other reader claims is read as text

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        text, problems = decode_text(data, shown_as)
        return PaperText(lines=text_lines(text), format=self.name, problems=tuple(problems))


def decode_text(data: bytes, shown_as: str) -> tuple[str, list[Problem]]:
    """The text of a file: UTF-8 (or UTF-16 with a BOM), else Windows-1252 with a warning;
    binary and empty files are reported. Line endings become "\\n"."""
    if not data.strip():
        return "", [
            Problem(
                shown_as,
                0,
                "the paper is empty (or only blank space); put the paper's text in it, or remove it",
                "error",
            )
        ]
    problems: list[Problem] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if data.startswith(b"%PDF-"):
            return "", [
                Problem(shown_as, 0, "the paper is a PDF named like a text file; rename it to end in .pdf", "error")
            ]
        if b"\x00" in data:
            problems.append(
                Problem(
                    shown_as,
                    0,
                    "the paper looks like a binary file (it contains NUL bytes); export it as text",
                    "error",
                )
            )
            data = data.replace(b"\x00", b"")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            text = data.decode("cp1252", errors="replace")
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "the paper is not UTF-8; read it as Windows-1252 (save it as UTF-8 to silence this)",
                    "warning",
                )
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not problems and _mostly_control(text):
        problems.append(
            Problem(shown_as, 0, "the paper looks like a binary file, not text; export it as text", "error")
        )
    text = "".join(" " if _is_control(ch) else ch for ch in text)
    return text, problems


def _is_control(ch: str) -> bool:
    """A control character a text should not hold (private-use glyphs such as Word's
    Symbol-font bullet U+F0B7 are kept: they are text)."""
    return ch not in _CONTROL_OK and unicodedata.category(ch) in ("Cc", "Cs")


def _mostly_control(text: str) -> bool:
    sample = text[:20000]
    odd = sum(1 for ch in sample if _is_control(ch) or ch == "\ufffd")
    return odd > len(sample) * 0.1
