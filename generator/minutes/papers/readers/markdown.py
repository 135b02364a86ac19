"""Markdown papers: a council website's page source, often with YAML front-matter.

Sites built with static generators keep a meeting's facts in front-matter ("title",
"date", "chairman", sometimes the whole agenda as a list). Those facts are weak
evidence for the converter (`PaperText.meta`); the front-matter lines themselves are
marked as furniture so they never print as body text, and `explain` still shows them.
"""

from __future__ import annotations

import re

import yaml

from minutes.core.errors import Problem
from minutes.core.yamlfile import load_yaml
from minutes.papers.readers.base import DEFAULT_LIMITS, PaperText, ReadLimits, SourceLine, text_lines
from minutes.papers.readers.text import decode_text

_FENCE = re.compile(r"^---\s*$")
_LIKELY_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")


class MarkdownReader:
    name = "markdown"

    def sniff(self, head: bytes) -> bool:
        """A file that opens with a YAML front-matter block."""
        try:
            start = head.lstrip(b"\xef\xbb\xbf").decode("utf-8", errors="ignore")
        except Exception:  # pragma: no cover - decode with errors="ignore" does not raise
            return False
        lines = start.split("\n", 3)
        return len(lines) > 2 and bool(_FENCE.match(lines[0])) and bool(_LIKELY_KEY.match(lines[1].strip()))

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        text, problems = decode_text(data, shown_as)
        lines = list(text_lines(text))
        meta, end, problem = split_front_matter(lines, shown_as)
        if problem:
            problems.append(problem)
        for i in range(end):
            lines[i] = _as_furniture(lines[i], "front-matter of the paper")
        return PaperText(lines=tuple(lines), format=self.name, problems=tuple(problems), meta=meta)


def _as_furniture(line: SourceLine, why: str) -> SourceLine:
    return SourceLine(text=line.text, number=line.number, furniture=why if line.text.strip() else "")


def split_front_matter(lines: list[SourceLine], shown_as: str) -> tuple[dict[str, object], int, Problem | None]:
    """(front-matter mapping, number of lines it takes, a problem if it is not valid YAML)."""
    if not lines or not _FENCE.match(lines[0].text):
        return {}, 0, None
    for i in range(1, len(lines)):
        if _FENCE.match(lines[i].text):
            block = "\n".join(line.text for line in lines[1:i])
            try:
                data = load_yaml(block)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                return (
                    {},
                    0,
                    Problem(shown_as, line, "the paper's front-matter is not valid YAML; read it as text", "warning"),
                )
            if not isinstance(data, dict):
                return {}, 0, None
            return data, i + 1, None
    return {}, 0, None
