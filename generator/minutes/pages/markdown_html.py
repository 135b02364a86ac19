"""Markdown bodies to HTML: CommonMark + tables, heading ids, citation links.

markdown-it-py defines the HTML. When markdown-it.rs (`markdown-it-pyrs`, the
Rust port of the same parser by the same project) is installed, it renders the
same HTML an order of magnitude faster and is used instead; tests/test_markdown.py
holds the two equal on every demo body. What the site adds is done on the HTML,
which is regular enough for it: text is always escaped and there is no raw HTML.

markdown-it.rs parses nested blocks by recursion with no limit on depth: a line
of 100,000 `>` overflows its stack, which kills the process (SIGSEGV), not
raises. A body that could nest blocks more than `MAX_NESTING` deep is given to
markdown-it-py instead, whose `maxNesting` stops nesting there. markdown-it.rs
stays for every other body: it renders the demo's bodies 25 times faster, and
a build of 1,125 pages in 21 s instead of 36 s.

Raw HTML in bodies is not passed through (papers are untrusted text).
Heading levels are fitted under the page's own heading (`base_level`) and
never skip a level, so every page has one `h1` and ordered headings.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

try:
    import markdown_it_pyrs
except ImportError:  # no wheel for this platform: the pure-Python parser renders the same HTML
    markdown_it_pyrs = None  # type: ignore[assignment]  # an optional module: None says it is absent

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it_pyrs.markdown_it_pyrs import _PLUGIN_NAME as Rule

from minutes.core.slug import slugify

if markdown_it_pyrs:
    # The module's own version, the one its package declares: asking the package's metadata for it
    # imports importlib.metadata and reads the installed packages' records, a hundredth of a second of
    # every build's start.
    RENDERER = f"markdown-it-pyrs-{markdown_it_pyrs.__version__}"  # type: ignore[attr-defined]  # not in its stubs
else:
    import markdown_it

    RENDERER = f"markdown-it-py-{markdown_it.__version__}"
RENDERER_VERSION = f"3/{RENDERER}"
"""Part of every cache key of rendered Markdown: bump it when this module's output changes."""

_EXPLICIT_ID = re.compile(r"\s*\{#([A-Za-z][\w.:-]*)\}\s*$")
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_HEADER_CELL = re.compile(r"<th( [^>]*)?>(.*?)</th>", re.S)
_FIRST_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
_TABLE_OPEN, _TABLE_CLOSE = "<table>\n", "</table>\n"
# CommonMark without raw HTML: `html_block` and `html_inline` are left out, so
# tags in a paper are shown as text, never passed through.
_RULES: list[Rule] = [
    "blockquote",
    "code",
    "fence",
    "heading",
    "hr",
    "lheading",
    "list",
    "paragraph",
    "reference",
    "autolink",
    "backticks",
    "emphasis",
    "entity",
    "escape",
    "image",
    "link",
    "newline",
    "table",
]


@dataclass(frozen=True, slots=True)
class InlineLink:
    """Wrap the first occurrence of `text` in a link to `href`."""

    text: str
    href: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    headings: tuple[Heading, ...]


MAX_NESTING = 100
"""Blocks nested deeper than this (quotations in quotations, lists in lists) are shown at this depth.
No council's paper comes near it; markdown-it.rs overflows its stack some tens of thousands deep."""
# Each level of nesting takes at least one character of a line's opening (">", "- ", "1. ", two
# spaces of indent) and at most two levels per character (a tab is four columns of indent), so a
# body none of whose lines opens with MAX_NESTING // 2 such characters nests less than MAX_NESTING.
# A line's opening is sought after its newline: a pattern opening with a character is searched for that
# character, ten times faster than `^` under re.M, which is tried at every character of the body.
_DEEP_OPENING = re.compile(r"\n[ \t>*+\-0-9.)]{" + str(MAX_NESTING // 2) + "}")

_RS = markdown_it_pyrs.MarkdownIt("zero").enable_many(_RULES) if markdown_it_pyrs else None
_AUTOLINK = re.compile(r'(<a href="([^"]*)">)([^<]*%[0-9A-Fa-f]{2}[^<]*)</a>')
_PLACEHOLDER = re.compile(r'<a href="(?:#|\s*)"(?: title="[^"]*")?>(.*?)</a>', re.S)
"""A link to nowhere ("[via the Council's website](#)": the paper's link was lost in the export) is its words."""


def to_html(body: str, *, fast: bool = True) -> str:
    """CommonMark with tables, raw HTML shown as text; `fast` uses markdown-it.rs when installed
    and the body cannot nest deeper than it can safely parse."""
    if fast and _RS is not None and not may_nest_too_deep(body):
        # markdown-it-py shows an autolink's text decoded ("Public reports pack"), markdown-it.rs as encoded
        return _AUTOLINK.sub(
            lambda m: m.group(1) + (escape(unquote(m.group(3))) if m.group(3) == m.group(2) else m.group(3)) + "</a>",
            _RS.render(body, xhtml=True),
        )
    return _markdown_it_py().render(body)


@functools.cache
def _markdown_it_py() -> MarkdownIt:
    """markdown-it-py, made when a body needs it: with markdown-it.rs installed, most builds never do, and
    importing it is a tenth of the renderer's start."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "xhtmlOut": True, "maxNesting": MAX_NESTING}).enable("table")


def may_nest_too_deep(body: str) -> bool:
    """Whether a line of `body` opens with enough nesting marks to nest blocks past `MAX_NESTING`."""
    return _DEEP_OPENING.search("\n" + body) is not None  # the first line has no newline before it


def render_markdown(
    body: str, *, base_level: int = 2, links: tuple[InlineLink, ...] = (), used_ids: set[str] | None = None
) -> Rendered:
    """Render a body. `used_ids` is shared across bodies shown on one page so ids stay unique."""
    html = to_html(body)
    if '="#"' in html or '=""' in html:
        html = _PLACEHOLDER.sub(r"\1", html)
    html, headings = _fit_headings(html, base_level, used_ids if used_ids is not None else set())
    if "<table>" in html:
        html = _with_tables(html)
    if links:
        html = _link_citations(html, list(links))
    html = _with_search_forms(html)
    return Rendered(html=html, headings=headings)


def escape(text: str) -> str:
    """Escape text as the renderer does: &, <, > and the double quote."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, tags left out."""
    return htmllib.unescape(_TAG.sub("", fragment))


# --- headings -------------------------------------------------------------------


def _fit_headings(html: str, base: int, used: set[str]) -> tuple[str, tuple[Heading, ...]]:
    """Give every heading an id (an explicit trailing `{#id}` wins) and fit its level."""
    found = list(_HEADING.finditer(html))
    if not found:
        return html, ()
    levels = sorted({int(m.group(1)) for m in found})
    rank = {lvl: base + i for i, lvl in enumerate(levels)}
    previous = base - 1
    headings: list[Heading] = []
    out: list[str] = []
    at = 0
    for match in found:
        inner = match.group(2)
        explicit = _EXPLICIT_ID.search(inner)
        if explicit:
            inner = inner[: explicit.start()]
        text = plain_text(inner).strip()
        wanted = explicit.group(1) if explicit else "h-" + slugify(text)
        ident, n = wanted, 2
        while ident in used:
            ident, n = f"{wanted}-{n}", n + 1
        used.add(ident)
        level = min(rank[int(match.group(1))], previous + 1, 6)
        previous = level
        out += [html[at : match.start()], f'<h{level} id="{escape(ident)}">{inner}</h{level}>']
        at = match.end()
        headings.append(Heading(level, ident, text))
    out.append(html[at:])
    return "".join(out), tuple(headings)


# --- tables ---------------------------------------------------------------------


def _with_tables(html: str) -> str:
    """Each table of the fragment as `_table` makes it.

    The renderer opens and closes every table on a line of its own, and a table never holds
    another, so each runs from its `<table>` line to the first `</table>` line after it:
    found with `str.find`, which is many times faster than a pattern's lazy `.*?` walking
    through the table's rows a character at a time.
    """
    out: list[str] = []
    at = 0
    while (start := html.find(_TABLE_OPEN, at)) >= 0:
        end = html.find(_TABLE_CLOSE, start + len(_TABLE_OPEN))
        if end < 0:
            break
        out += [html[at:start], _table(html[start + len(_TABLE_OPEN) : end])]
        at = end + len(_TABLE_CLOSE)
    out.append(html[at:])
    return "".join(out)


def _table(rows: str) -> str:
    """Header cells name their column; a blank corner cell is a data cell, not an empty header.

    Wide tables scroll inside their own box, which keyboard users must be able to focus.
    """
    # Header cells are only in the table's head: the rest of the table is not searched for them.
    head_end = rows.find("</thead>")
    head_end = len(rows) if head_end < 0 else head_end
    inner = _HEADER_CELL.sub(_header_cell, rows[:head_end]) + rows[head_end:]
    first = next((t for t in (plain_text(m.group(1)).strip() for m in _FIRST_CELL.finditer(inner)) if t), "")
    label = escape(f"Table: {first[:60]}" if first else "Table")
    return f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">\n<table>\n{inner}</table>\n</div>\n'


def _header_cell(match: re.Match) -> str:
    attrs, inner = match.group(1) or "", match.group(2)
    if inner.strip():
        return f'<th{attrs} scope="col">{inner}</th>'
    return f"<td{attrs}>{inner}</td>"


# --- money, as searched ------------------------------------------------------------

_MONEY_SIGNS = "£$€"
# The sign first, then whether what comes before it is a word or a number (as a lookbehind over the sign).
# The pattern is tried only where `str.find` found a sign: a pattern opening with a set of characters is
# searched for that set a character at a time, several times slower than `str.find` looks for one.
_MONEY = re.compile(r"([£$€])(?<![\w.,].)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?!,?\d)")
_FORM_FREE_TAG = re.compile(r"<(/?)/*(?:code|pre|h[1-6])/*[ >]")
"""A tag opening or closing code or a heading, inside which sums are left as written."""


def _with_search_forms(html: str) -> str:
    """After each sum of money written with separators ("£1,292,599", "£1.186"), the form a search
    for it looks up, in a hidden element: "£1292599".

    Pagefind indexes a word without its punctuation and its currency sign
    ("1292599"), and its parts ("£1", "292", "599"); a query keeps the sign and
    drops the punctuation ("£1292599"), so "£1,292,599" found whatever began
    with "£129". The hidden form is read by Pagefind, and by no reader: `hidden`
    is neither shown, nor spoken, nor copied. Headings, code and tags' attributes are left as written.
    """
    # The sums are found in the whole fragment, then each is kept only where it is running text:
    # most pages have a few sums and thousands of tags, so the tags are looked at only up to each sum.
    # The renderer escapes every "<" and ">" of text and attributes, so a bare one is always a tag's.
    out: list[str] = []
    at = counted = inside = 0
    for start in _signs(html):
        match = _MONEY.match(html, start)  # a lookbehind sees before `start`: the whole text is searched
        if match is None:
            continue
        if html.rfind("<", 0, start) > html.rfind(">", 0, start):
            continue  # in a tag's attribute
        for tag in _FORM_FREE_TAG.finditer(html, counted, start):
            inside += -1 if tag.group(1) else 1
        counted = start
        if inside:
            continue
        out += [html[at : match.end()], _search_form(match)]
        at = match.end()
    if not out:
        return html
    out.append(html[at:])
    return "".join(out)


def _signs(html: str) -> list[int]:
    """Where a currency sign is, in order. Sums never overlap: one holds no sign after its first character."""
    found: list[int] = []
    for sign in _MONEY_SIGNS:
        at = html.find(sign)
        while at >= 0:
            found.append(at)
            at = html.find(sign, at + 1)
    return sorted(found)


def _search_form(match: re.Match) -> str:
    digits = match.group(2).replace(",", "").replace(".", "")
    return f"<span hidden> {match.group(1)}{digits}</span>"


# --- citation links -------------------------------------------------------------

_NO_LINKS_INSIDE = ("a", "code", "pre")


def _link_citations(html: str, pending: list[InlineLink]) -> str:
    """Turn the words of each resolved citation into a link, once per citation.

    Only running text is linked: never inside a link, code or a tag's attributes.
    """
    parts = re.split(r"(<[^>]*>)", html)
    inside = 0
    for i, part in enumerate(parts):
        if not pending:
            break
        if i % 2:  # a tag
            name = part[1:].lstrip("/").split(" ", 1)[0].rstrip(">/")
            if name in _NO_LINKS_INSIDE:
                inside += -1 if part.startswith("</") else 1
            continue
        if inside or not part:
            continue
        text = htmllib.unescape(part)
        if any(link.text and link.text in text for link in pending):
            parts[i] = _split_text(text, pending)
    return "".join(parts)


def _split_text(text: str, pending: list[InlineLink]) -> str:
    for link in list(pending):
        at = text.find(link.text) if link.text else -1
        if at < 0:
            continue
        pending.remove(link)
        before, after = text[:at], text[at + len(link.text) :]
        title = f' title="{escape(link.title)}"' if link.title else ""
        anchor = f'<a href="{escape(link.href)}"{title}>{escape(link.text)}</a>'
        return (
            (_split_text(before, pending) if before else "") + anchor + (_split_text(after, pending) if after else "")
        )
    return escape(text)
