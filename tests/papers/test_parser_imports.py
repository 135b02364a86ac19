"""A convert imports a format's parser (the HTML parser, python-docx) only when it has a paper in that format,
and then itself, before it forks the paper's worker: a convert of PDFs never pays for them, and an archive of
Word papers does not import python-docx again in every worker."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest

# A fresh interpreter: what the convert process has imported is the point, and the test process has imported much.
_CONVERT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from minutes.core.config import load_config
    from minutes.papers import convert_papers
    report = convert_papers(load_config(Path(sys.argv[1])), jobs=1)
    print(len(report.written), *(name for name in ("bs4", "docx") if name in sys.modules))
    """
)

_MINUTES = "Minutes of the Parish Council meeting held on 14 January 2025\n\nPresent: Cllr A Hale (Chair)\n"


def _word(path: Path) -> None:
    document = docx.Document()
    for line in _MINUTES.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


@pytest.mark.parametrize(
    ("name", "imported"),
    [
        ("minutes.txt", []),
        ("minutes.html", ["bs4"]),
        ("minutes.docx", ["docx"]),
    ],
)
def test_the_convert_imports_a_parser_only_for_a_paper_that_needs_it(
    tmp_path: Path, name: str, imported: list[str]
) -> None:
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    paper = papers / name
    if name.endswith(".docx"):
        _word(paper)
    elif name.endswith(".html"):
        paper.write_text(
            "<html><body>" + "".join(f"<p>{line}</p>" for line in _MINUTES.splitlines()) + "</body></html>"
        )
    else:
        paper.write_text(_MINUTES)
    out = subprocess.run(
        [sys.executable, "-c", _CONVERT, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) >= 1, "the paper was read and written"
    assert out[1:] == imported
