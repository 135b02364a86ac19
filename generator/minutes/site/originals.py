"""How an original paper is published beside the records made from it: as an inert file, never a live document.

Readers check a record against the paper it came from, so each paper is
published under `papers/`. A static host chooses a file's type by its name
and most hosts cannot be told to send `Content-Disposition: attachment` or
`X-Content-Type-Options: nosniff`, so the name alone must make the file
harmless on the site's own origin: a saved web page, an SVG or an XML file
served as itself would run its scripts there, with the site's address and
cookies. Formats no browser runs (PDF, Word, OpenDocument, RTF, plain text)
keep their names; every other paper (HTML, SVG, XML, Markdown, unknown or no
extension) is published with `.txt` added, byte for byte: every host serves it
as `text/plain`, which browsers show as text and never sniff into a page, and
its digest is still the one its records give as `source.sha256`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from minutes.core.paths import paper_address

INERT_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt"})
"""Types a static host serves as downloads or in a viewer that runs nothing on the site's origin.

Markdown is not among them: some hosts render it (GitHub Pages' Jekyll turns a
`.md` with front-matter into an HTML page, raw HTML and all)."""
AS_TEXT = ".txt"


def published_name(paper: str) -> str:
    """The file name under `papers/` of the paper at `paper` (a path or a name): "pack.html" -> "pack.html.txt"."""
    name = PurePosixPath(paper).name
    return name if PurePosixPath(name).suffix.lower() in INERT_SUFFIXES else name + AS_TEXT


def published_address(papers_dir: PurePosixPath, paper: str) -> str:
    """Where the paper a record names is published, below `papers/`: its safe path inside the papers
    folder (`core.paths.paper_address`) under an inert name; "" when it is not inside that folder."""
    address = paper_address(papers_dir, paper)
    if not address:
        return ""
    folder, _, name = address.rpartition("/")
    return f"{folder}/{published_name(name)}" if folder else published_name(name)
