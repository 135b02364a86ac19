"""The convert stage: raw papers in, Markdown documents with front-matter out.

read (decode) -> clean (export artefacts) -> split (documents) -> extract (facts)
-> convert (records, bodies, paths) -> files (write, protect hand edits)
"""

from minutes.papers.convert import CONVERTER_VERSION, ConvertedDocument, convert_paper, convert_paper_text
from minutes.papers.explain import explain_paper
from minutes.papers.files import ConvertReport, convert_papers
from minutes.papers.sidecar import PaperOverrides

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
