"""Web pages and HTML fragments: a council's "Agenda and minutes" page saved from the browser,
an InfoCouncil or eSCRIBE page, a fragment of a content management system's HTML.

The reader is asked of every paper (does it open with markup?); the page is parsed and walked
in `html_page`, imported when a page is first read, so a convert of PDFs does not import the
HTML parser (BeautifulSoup and its CSS selectors are a tenth of a second to import).
"""

from __future__ import annotations

import re

from minutes.papers.readers.base import DEFAULT_LIMITS, PaperText, ReadLimits

_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|h[1-6]|table|ul|ol|section|article|span)\b",
    re.IGNORECASE | re.DOTALL,
)


class HtmlReader:
    name = "html"

    def sniff(self, head: bytes) -> bool:
        """A page or fragment that opens with markup (a text export with a stray <sup> does not)."""
        return bool(_SNIFF.match(head.lstrip(b"\xef\xbb\xbf")))

    def import_parser(self) -> None:
        import minutes.papers.readers.html_page  # noqa: F401

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        from minutes.papers.readers.html_page import read_page

        return read_page(data, shown_as, limits, self.name)
