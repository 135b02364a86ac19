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

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from minutes.core.i18n import N_
from minutes.core.paths import Confinement, OutsideRoot, paper_address

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


# --- the originals a site publishes --------------------------------------------------------

_FORMATS = {
    ".pdf": N_("PDF"),
    ".docx": N_("Word document"),
    ".doc": N_("Word document"),
    ".odt": N_("OpenDocument text"),
    ".rtf": N_("Rich Text"),
    ".txt": N_("Text"),
    ".html": N_("Web page, as text"),
    ".htm": N_("Web page, as text"),
    ".xhtml": N_("Web page, as text"),
    ".md": N_("Markdown, as text"),
    ".markdown": N_("Markdown, as text"),
    ".svg": N_("SVG image, as text"),
    ".xml": N_("XML, as text"),
}


_MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".txt": "text/plain",
}


@dataclass(frozen=True, slots=True)
class Original:
    """A paper as the site publishes it beside the records made from it."""

    paper: str
    """As records name it: "content/papers/2014/pack.pdf"."""
    address: str
    """Below papers/ on the site: "2014/pack.pdf", "pack.html.txt"."""
    size: int
    """Bytes of the file published (the paper itself, byte for byte)."""
    format: str
    """What it is, for a reader: "PDF", "Word document", "Web page, as text"."""

    @property
    def url(self) -> str:
        """Site-relative URL without the base."""
        return "papers/" + self.address

    @property
    def media_type(self) -> str:
        """The type a host serves it as: everything not inert is published as plain text."""
        return _MEDIA_TYPES.get(PurePosixPath(self.address).suffix.lower(), "text/plain")

    @property
    def paged(self) -> bool:
        """Whether `#page=N` opens the file at a page (browsers' PDF viewers do; RFC 8118)."""
        return PurePosixPath(self.address).suffix.lower() == ".pdf"

    def at_page(self, page: int) -> str:
        """The URL opening the file at `page` (as a PDF viewer counts), or the file when it has no pages."""
        return f"{self.url}#page={page}" if page and self.paged else self.url


@dataclass(frozen=True, slots=True)
class Clash:
    """A paper that would be published under the name another paper already takes."""

    paper: str
    relative: str
    first: str
    """The file name of the paper that takes it."""


def file_format(name: str) -> str:
    return _FORMATS.get(PurePosixPath(name).suffix.lower(), N_("File, as text"))


def published_papers(
    root: Path, papers_dir: PurePosixPath, papers: Iterable[str]
) -> tuple[dict[str, Original], dict[str, Path], list[Clash]]:
    """The papers records name that are published: each as an `Original`, the file behind it, and
    the papers refused because another one takes their published name (the first, in sorted order,
    keeps it). A paper outside the papers folder, or missing, is not published."""
    # Each folder is resolved once, not every paper's whole path twice (a paper costs an lstat).
    site, folder = Confinement(root, "the site"), Confinement(root / Path(papers_dir), "the papers folder")
    originals: dict[str, Original] = {}
    files: dict[str, Path] = {}
    taken: dict[str, Path] = {}
    clashes: list[Clash] = []
    for paper in sorted(set(papers)):
        address = published_address(papers_dir, paper)
        try:
            source = site.resolve(paper)
        except OutsideRoot:
            continue
        if not (address and folder.holds(source) and source.is_file()):
            continue
        first = taken.setdefault(address, source)
        if first != source:
            clashes.append(Clash(paper, "papers/" + address, first.name))
            continue
        originals[paper] = Original(paper, address, source.stat().st_size, file_format(source.name))
        files[paper] = source
    return originals, files, clashes
