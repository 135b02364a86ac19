"""Read a paper's bytes into text, reporting anything odd about the file.

Papers arrive as text exported from PDF packs or web pages. Most are UTF-8; older exports
are Windows-1252. A file of NUL bytes or mostly control characters is not a paper at all;
an empty file is a paper with nothing in it. None of these stop a conversion: the caller
gets whatever text there is and the problems to show the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


@dataclass(frozen=True, slots=True)
class PaperText:
    text: str
    problems: tuple[Problem, ...] = ()


def decode_paper(data: bytes, path: str) -> PaperText:
    """Text of a paper: UTF-8, else Windows-1252 with a warning; binary and empty files are problems."""
    if not data.strip():
        return PaperText("", (Problem(path, 0, "the paper is empty; nothing to convert", "warning"),))
    problems: list[Problem] = []
    if b"\x00" in data:
        problems.append(
            Problem(path, 0, "the paper looks like a binary file (it contains NUL bytes); export it as text", "error")
        )
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        problems.append(
            Problem(path, line, "the paper is not UTF-8; read it as Windows-1252 (save it as UTF-8 to silence this)", "warning")
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not problems and _mostly_control(text):
        problems.append(Problem(path, 0, "the paper looks like a binary file, not text; export it as text", "error"))
    text = "".join(ch if ch.isprintable() or ch in _CONTROL_OK else " " for ch in text)
    return PaperText(text, tuple(problems))


def _mostly_control(text: str) -> bool:
    sample = text[:20000]
    odd = sum(1 for ch in sample if not (ch.isprintable() or ch in _CONTROL_OK) or ch == "\ufffd")
    return odd > len(sample) * 0.1
