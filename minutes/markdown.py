"""Markdown bodies to HTML: CommonMark + tables, heading ids, citation links.

Raw HTML in bodies is not passed through (papers are untrusted text).
Heading levels are fitted under the page's own heading (`base_level`) and
never skip a level, so every page has one `h1` and ordered headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from .slug import slugify

_EXPLICIT_ID = re.compile(r"\s*\{#([A-Za-z][\w.:-]*)\}\s*$")


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


def _heading_ids(state: StateCore) -> None:
    """Give every heading an id (an explicit trailing `{#id}` wins) and fit its level."""
    base = state.env.get("base_level", 2)
    used: set[str] = state.env.setdefault("used_ids", set())
    headings: list[Heading] = state.env.setdefault("headings", [])
    levels = sorted({int(t.tag[1]) for t in state.tokens if t.type == "heading_open"})
    rank = {lvl: base + i for i, lvl in enumerate(levels)}
    previous = base - 1
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        explicit = _EXPLICIT_ID.search(inline.content)
        if explicit:
            inline.content = inline.content[: explicit.start()]
            last = inline.children[-1] if inline.children else None
            if last is not None and last.type == "text":
                last.content = _EXPLICIT_ID.sub("", last.content)
        text = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline")).strip()
        wanted = explicit.group(1) if explicit else "h-" + slugify(text)
        ident, n = wanted, 2
        while ident in used:
            ident, n = f"{wanted}-{n}", n + 1
        used.add(ident)
        level = min(rank[int(token.tag[1])], previous + 1, 6)
        previous = level
        token.tag = tokens[_closing(tokens, i)].tag = f"h{level}"
        token.attrSet("id", ident)
        headings.append(Heading(level, ident, text))


def _closing(tokens: list[Token], opening: int) -> int:
    return next(j for j in range(opening + 1, len(tokens)) if tokens[j].type == "heading_close")


def _citation_links(state: StateCore) -> None:
    """Turn the words of each resolved citation into a link, once per citation."""
    pending: list[InlineLink] = list(state.env.get("links", ()))
    if not pending:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children or not pending:
            continue
        children: list[Token] = []
        for child in block.children:
            if child.type != "text" or not pending:
                children.append(child)
                continue
            children.extend(_split_text(child, pending))
        block.children = children


def _split_text(token: Token, pending: list[InlineLink]) -> list[Token]:
    text = token.content
    for link in list(pending):
        at = text.find(link.text)
        if at < 0:
            continue
        pending.remove(link)
        before, after = text[:at], text[at + len(link.text) :]
        out = []
        if before:
            out.extend(_split_text(_text(before), pending))
        opening = Token("link_open", "a", 1)
        opening.attrSet("href", link.href)
        if link.title:
            opening.attrSet("title", link.title)
        out += [opening, _text(link.text), Token("link_close", "a", -1)]
        if after:
            out.extend(_split_text(_text(after), pending))
        return out
    return [token]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _tables(state: StateCore) -> None:
    """Header cells name their column; a blank corner cell is a data cell, not an empty header."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "th_open":
            if tokens[i + 1].content.strip():
                token.attrSet("scope", "col")
            else:
                token.tag = tokens[i + 2].tag = "td"
        elif token.type == "table_open":
            first = next((t.content.strip() for t in tokens[i:] if t.type == "inline" and t.content.strip()), "")
            token.meta["label"] = f"Table: {first[:60]}" if first else "Table"


def _table_open(self, tokens: list[Token], idx: int, options, env) -> str:
    # Wide tables scroll inside their own box, which keyboard users must be able to focus.
    label = escapeHtml(tokens[idx].meta.get("label", "Table"))
    return f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">\n<table>\n'


def _table_close(self, tokens: list[Token], idx: int, options, env) -> str:
    return "</table>\n</div>\n"


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.core.ruler.push("heading_ids", _heading_ids)
    md.core.ruler.push("citation_links", _citation_links)
    md.core.ruler.push("tables", _tables)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    return md


_MD = _parser()


def render_markdown(
    body: str, *, base_level: int = 2, links: tuple[InlineLink, ...] = (), used_ids: set[str] | None = None
) -> Rendered:
    """Render a body. `used_ids` is shared across bodies shown on one page so ids stay unique."""
    env = {"base_level": base_level, "links": links, "used_ids": used_ids if used_ids is not None else set()}
    html = _MD.render(body, env)
    return Rendered(html=html, headings=tuple(env.get("headings", ())))
