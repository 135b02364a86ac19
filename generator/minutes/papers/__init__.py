"""The convert stage: raw papers in, Markdown documents with front-matter out.

read (decode) -> clean (export artefacts) -> split (documents) -> extract (facts)
-> convert (records, bodies, paths) -> files (write, protect hand edits)

The names below are loaded when first used: a build whose papers are as they were
when last converted (`papers.fresh`) never loads the converter, a third of its start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from minutes.papers.version import CONVERTER_VERSION

if TYPE_CHECKING:
    from minutes.papers.convert import ConvertedDocument, convert_paper, convert_paper_text
    from minutes.papers.explain import explain_paper
    from minutes.papers.files import ConvertReport, convert_papers
    from minutes.papers.sidecar import PaperOverrides

_WHERE = {
    "ConvertedDocument": "minutes.papers.convert",
    "convert_paper": "minutes.papers.convert",
    "convert_paper_text": "minutes.papers.convert",
    "explain_paper": "minutes.papers.explain",
    "ConvertReport": "minutes.papers.files",
    "convert_papers": "minutes.papers.files",
    "PaperOverrides": "minutes.papers.sidecar",
}

__all__ = [
    "CONVERTER_VERSION",
    "ConvertReport",
    "ConvertedDocument",
    "PaperOverrides",
    "convert_paper",
    "convert_paper_text",
    "convert_papers",
    "explain_paper",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'minutes.papers' has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value  # looked up once
    return value
