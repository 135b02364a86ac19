"""Web pages and HTML fragments, parsed and walked: a council's "Agenda and minutes" page saved from the browser,
an InfoCouncil or eSCRIBE page, a fragment of a content management system's HTML.

The page is parsed with a real HTML parser (BeautifulSoup over Python's own parser, which
copes with the broken markup such pages often have) and walked block by block: headings
keep their level, paragraphs and line breaks their lines, lists their bullets and numbers
(an ordered list's numbers are written out, as a browser shows them), tables their rows.
A table used for layout (cells holding paragraphs, lists or long text, as ModernGov's
items table does) is read cell by cell instead. What a browser never shows (scripts,
styles, `display:none`) and the site's own navigation are marked as page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag
from bs4.element import NavigableString, PageElement

from minutes.core.errors import Problem
from minutes.papers.readers.base import PaperText, ReadLimits, SourceLine, past_limit
from minutes.papers.readers.numbering import number_text
from minutes.papers.readers.text import decode_text

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "button",
        "select",
        "form",
        "input",
        "head",
        "title",
        "meta",
        "link",
        "base",
    }
)
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_FURNITURE = frozenset({"nav", "header", "footer", "aside"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "html",
        "blockquote",
        "address",
        "center",
        "fieldset",
        "figure",
        "figcaption",
        "details",
        "summary",
        "dl",
        "dt",
        "dd",
        "pre",
        "hr",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
    }
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_FURNITURE_CLASS = re.compile(
    r"\b(?:breadcrumb|nav|navigation|menu|cookie|footer|header|skip|sidebar|banner|share|social)\b", re.IGNORECASE
)


def read_page(data: bytes, shown_as: str, limits: ReadLimits, name: str) -> PaperText:
    """The lines of a web page or fragment (`name`: the reader's, for the paper's format)."""
    text, problems = decode_text(data, shown_as)
    if not text.strip():
        return PaperText(lines=(), format=name, problems=tuple(problems))
    try:
        soup = BeautifulSoup(text, "html.parser")
    except Exception as exc:
        problems.append(
            Problem(
                shown_as,
                0,
                f"the page could not be read as HTML ({exc.__class__.__name__}); read it as text",
                "warning",
            )
        )
        from minutes.papers.readers.text import TextReader

        return TextReader().read(data, shown_as)
    depth = nesting_depth(soup, limits.nesting)
    if depth > limits.nesting:
        # The walk below follows the tree by recursion, as every reader of nested markup does.
        problem = past_limit(
            shown_as,
            f"the page nests elements more than {limits.nesting} deep",
            "max_nesting",
            limits.nesting,
            "save the page again from a browser, or raise max_nesting in site.yaml",
        )
        return PaperText(lines=(), format=name, problems=(*problems, problem))
    meta = _meta(soup)
    lines: list[SourceLine] = []
    for text_line, furniture in _Walker().walk(soup):
        if not text_line.strip() and (not lines or not lines[-1].text.strip()):
            continue  # one blank line between blocks is enough
        lines.append(
            SourceLine(text=text_line, number=len(lines) + 1, furniture=furniture if text_line.strip() else "")
        )
    return PaperText(lines=tuple(lines), format=name, problems=tuple(problems), meta=meta)


def nesting_depth(soup: BeautifulSoup, stop: int) -> int:
    """How deep elements nest in the page, counted without recursion; counting stops past `stop`."""
    deepest = 0
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > stop:
            break
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return deepest


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    if soup.title and soup.title.get_text(strip=True):
        meta["title"] = soup.title.get_text(" ", strip=True)
    for tag in soup.find_all("meta"):
        name = (_attr(tag, "name") or _attr(tag, "property")).lower()
        content = _attr(tag, "content")
        if content and name in ("og:title", "dc.title", "title") and "title" not in meta:
            meta["title"] = content
        if content and name in ("date", "dc.date", "article:published_time"):
            meta.setdefault("published", content)
    return meta


def _attr(tag: Tag, name: str) -> str:
    """An attribute's value as text: bs4 gives a multi-valued one (`class`) as a list of words."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _hidden(tag: Tag) -> bool:
    style = _attr(tag, "style").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")


def _furniture(tag: Tag) -> bool:
    if tag.name == "header" and tag.find_parent(("article", "main")) is not None:
        return False  # an article's own header: its title, date and place, not the site's banner
    if tag.name in _FURNITURE:
        return True
    role = _attr(tag, "role").lower()
    if role in ("navigation", "banner", "contentinfo", "search"):
        return True
    if tag.name not in ("div", "ul", "section", "span", "p"):
        return False
    words = (_attr(tag, "class") + " " + _attr(tag, "id")).split()
    return any(_FURNITURE_CLASS.search(word) and not _OWN_HEADER.match(word) for word in words)


_OWN_HEADER = re.compile(r"(?i)(?:minutes|agenda|meeting|doc|document|entry|post|article|content|paper)[-_]header$")
"""A class naming the header of the paper itself ("minutes-header", "entry-header"): its title block, not chrome."""


def _inline_text(node: PageElement) -> str:
    """The words of an inline run, with bold and italics as Markdown and line breaks as newlines."""
    if isinstance(node, _NOT_TEXT):
        return ""
    if isinstance(node, NavigableString):
        return str(node)
    if not isinstance(node, Tag) or node.name in _SKIP or _hidden(node):
        return ""
    if node.name == "br":
        return "\n"
    inner = "".join(_inline_text(child) for child in node.children)
    if node.name in ("strong", "b") and inner.strip():
        return f"**{inner.strip()}**" if "\n" not in inner.strip() else inner
    if node.name in ("em", "i") and inner.strip() and "\n" not in inner.strip():
        return f"*{inner.strip()}*"
    if node.name == "sup":
        return inner.strip()
    return inner


def _tidy(text: str) -> str:
    text = text.replace("\u00a0", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _is_block(tag: Tag) -> bool:
    """A tag laid out as a block: a block element, or any element holding one (a <nav> of lists)."""
    if tag.name in _BLOCKS or tag.name in _HEADINGS or tag.name in _FURNITURE:
        return True
    return tag.find(list(_BLOCKS - {"br"})) is not None


class _Walker:
    """Walks the tree and yields (line, furniture) pairs in reading order."""

    def walk(self, node: PageElement, furniture: str = "") -> Iterator[tuple[str, str]]:
        if isinstance(node, _NOT_TEXT) or not isinstance(node, (Tag, NavigableString)):
            return
        if isinstance(node, NavigableString):
            text = _tidy(str(node)).strip()
            if text:
                yield text, furniture
            return
        if node.name in _SKIP or node.name == "head":
            return
        if _hidden(node):
            furniture = furniture or "hidden web-page text"
        elif _furniture(node):
            furniture = furniture or "web page navigation"
        if node.name in _HEADINGS:
            text = " ".join(_tidy(_inline_text(node)).split())
            if text:
                yield "", furniture
                yield "#" * _HEADINGS[node.name] + " " + text.replace("**", ""), furniture
                yield "", furniture
            return
        if node.name in ("ul", "ol"):
            yield from self._list(node, furniture)
            return
        if node.name == "table":
            yield from self._table(node, furniture)
            return
        if node.name == "hr":
            yield "", furniture
            return
        yield from self._container(node, furniture)

    def _container(self, node: Tag, furniture: str) -> Iterator[tuple[str, str]]:
        """A block holding inline text and other blocks: each run of inline text is a paragraph."""
        run: list[PageElement] = []

        def flush() -> Iterator[tuple[str, str]]:
            if not run:
                return
            text = _tidy("".join(_inline_text(child) for child in run))
            run.clear()
            lines = list(text.split("\n"))
            if any(line.strip() for line in lines):
                yield "", furniture
                for line in lines:
                    if line.strip():
                        yield line.strip(), furniture
                yield "", furniture

        for child in node.children:
            if isinstance(child, Tag) and ((_is_block(child) and child.name != "br") or child.name in _SKIP):
                yield from flush()
                yield from self.walk(child, furniture)
            else:
                run.append(child)
        yield from flush()

    def _list(self, node: Tag, furniture: str, depth: int = 0) -> Iterator[tuple[str, str]]:
        ordered = node.name == "ol"
        try:
            number = int(_attr(node, "start") or 1)
        except (TypeError, ValueError):
            number = 1
        counter = _LIST_TYPES.get(_attr(node, "type") or "1", "decimal")
        yield "", furniture
        for item in node.find_all("li", recursive=False):
            if item.find(_LAYOUT_BLOCKS, recursive=False):
                # "<li><p>LIC.19 Apologies</p><div>Apologies were received …</div></li>": a list that lays out a
                # page's items, each a block of paragraphs, not a list of points: its blocks are read as they stand.
                yield from self._container(item, furniture)
                number += 1
                continue
            nested = [child for child in item.children if isinstance(child, Tag) and child.name in ("ul", "ol")]
            raw = _tidy("".join(_inline_text(child) for child in item.children if child not in nested))
            heading, below = _bold_head(raw)
            text = " ".join((heading or raw).split())
            marker = f"{number_text(number, counter)}. " if ordered else "- "
            if ordered and _OWN_NUMBER.match(text):
                marker = ""  # "<li><span class='num'>6.1</span> New development …": the item prints its own number
            if text:
                yield "  " * depth + marker + text, furniture
            if below:
                yield "  " * depth + below, furniture  # "<li><strong>Tree Works</strong><br>To note …": its text
            number += 1
            for sub in nested:
                for line, f in self._list(sub, furniture, depth + 1):
                    if line:
                        yield line, f
        yield "", furniture

    def _table(self, node: Tag, furniture: str) -> Iterator[tuple[str, str]]:
        rows = [row for row in node.find_all("tr") if row.find_parent("table") is node]
        if not rows:
            yield from self._container(node, furniture)
            return
        if _layout_table(rows):
            for row in rows:
                for cell in row.find_all(["td", "th"], recursive=False):
                    yield from self._container(cell, furniture)
            return
        yield "", furniture
        for row in rows:
            cells = [_cell_text(_tidy(_inline_text(cell))) for cell in row.find_all(["td", "th"], recursive=False)]
            if any(cells):
                yield "\t".join(cell.replace("\t", " ") for cell in cells), furniture
        yield "", furniture


def _bold_head(text: str) -> tuple[str, str]:
    """An entry whose first line, before a line break, is all bold, and its text after the break: ("**Tree Works
    Notifications**", "To note notifications …"); ("", "") for any other entry."""
    first, _, after = text.partition("\n")
    if not after.strip() or not re.fullmatch(r"\*\*[^*]+\*\*", first.strip()):
        return "", ""
    return first.strip(), " ".join(after.split())


_OWN_NUMBER = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,2}){1,2}\.?|\d{1,3}[.)]|[A-Za-z][.)])\s")
"""An ordered list's entry that opens with a number of its own, printed in the text ("1.0 Apologies")."""
_LIST_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
"""An ordered list's `type` (how its counter prints) as Word's number formats name them."""
_LAYOUT_BLOCKS = ["p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]
"""Blocks inside a list's entry that make the list a page's layout, not a list of points."""
LISTED_LINES = 3
"""A table cell of this many short lines or more, parted by line breaks, is a list: its entries are kept apart."""
LISTED_LINE_WORDS = 8


def _cell_text(text: str) -> str:
    """A data cell's text on one line: a list of short lines ("Tanya Rich, CAO/Clerk<br>Dave Hale, Director of Public
    Works<br>…") keeps its entries apart with semicolons; other breaks are spaces."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) >= LISTED_LINES and all(len(line.split()) <= LISTED_LINE_WORDS for line in lines):
        return "; ".join(line.rstrip(";,") for line in lines)
    return " ".join(lines)


def _layout_table(rows: Sequence[Tag]) -> bool:
    """A table used to lay a page out, not to hold data: its cells hold paragraphs, lists,
    headings or long text, or it has a single column."""
    widths = {len(row.find_all(["td", "th"], recursive=False)) for row in rows}
    if widths <= {0, 1}:
        return True
    for row in rows:
        for cell in row.find_all(["td", "th"], recursive=False):
            if cell.find(["p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table"]):
                return True
            if len(cell.get_text(" ", strip=True).split()) > 60:
                return True
    return False
