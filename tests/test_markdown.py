"""Rendering bodies: heading ids and levels, citation links, no raw HTML."""

from importlib.metadata import version

import pytest

from minutes.pages import markdown_html
from minutes.pages.markdown_html import MAX_NESTING, InlineLink, may_nest_too_deep, render_markdown

LEVELS = [
    # (body, base level, expected (level, id) pairs)
    ("# A {#item-1}\n\n# B {#item-2}", 2, [(2, "item-1"), (2, "item-2")]),
    ("#### E29 {#item-e29}\n\n# E30 {#item-e30}", 3, [(3, "item-e29"), (3, "item-e30")]),
    ("# A\n\n### C\n\n## B", 2, [(2, "h-a"), (3, "h-c"), (3, "h-b")]),
    ("### Only deep", 2, [(2, "h-only-deep")]),
    ("# Same\n\n# Same", 2, [(2, "h-same"), (2, "h-same-2")]),
]


@pytest.mark.parametrize(("body", "base", "expected"), LEVELS)
def test_headings_fit_under_the_page_and_never_skip(body, base, expected):
    rendered = render_markdown(body, base_level=base)
    assert [(h.level, h.id) for h in rendered.headings] == expected
    for level, ident in expected:
        assert f'<h{level} id="{ident}">' in rendered.html


def test_explicit_id_is_removed_from_the_text():
    rendered = render_markdown("## E31. Deprived Neighbourhoods {#item-e31}")
    assert rendered.headings[0].text == "E31. Deprived Neighbourhoods"
    assert "{#" not in rendered.html


def test_ids_stay_unique_across_bodies_on_one_page():
    used: set[str] = set()
    render_markdown("# Item {#item-1}", used_ids=used)
    second = render_markdown("# Item {#item-1}", used_ids=used)
    assert second.headings[0].id == "item-1-2"


def test_citation_text_becomes_a_link_once():
    link = InlineLink("Minute No. 224 of 17th July, 2013", "/c/2013-07-17/#item-224")
    html = render_markdown(
        "In accordance with Minute No. 224 of 17th July, 2013, and again Minute No. 224 of 17th July, 2013.",
        links=(link,),
    ).html
    assert html.count('<a href="/c/2013-07-17/#item-224">') == 1


def test_raw_html_is_escaped_not_passed_through():
    html = render_markdown("<script>alert(1)</script>\n\nText <b>bold</b>").html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_tables_render_with_header_cells_in_a_focusable_scroll_box():
    html = render_markdown("| Ref | Action |\n|---|---|\n| YOS 1 | Raise |").html
    assert '<th scope="col">Ref</th>' in html and "<td>YOS 1</td>" in html
    assert '<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Ref">' in html


def test_a_blank_corner_cell_is_not_an_empty_header():
    html = render_markdown("|  | 2013 |\n|---|---|\n| Reach | 7 |").html
    assert "<th></th>" not in html and '<th scope="col">2013</th>' in html


def test_citation_text_in_code_or_a_link_stays_as_it_is():
    link = InlineLink("Minute 5", "/c/2013-07-17/#minute-5")
    html = render_markdown("`Minute 5` and [Minute 5](https://example.org/) and then Minute 5.", links=(link,)).html
    assert "<code>Minute 5</code>" in html
    assert '<a href="https://example.org/">Minute 5</a>' in html
    assert html.count('href="/c/2013-07-17/#minute-5"') == 1 and html.endswith("Minute 5</a>.</p>\n")


def test_citation_text_with_escaped_characters_is_linked():
    link = InlineLink('Children & Young People "Board"', "/b/", title="Board")
    html = render_markdown('Seen by Children & Young People "Board" in May.', links=(link,)).html
    assert '<a href="/b/" title="Board">Children &amp; Young People &quot;Board&quot;</a>' in html


def test_a_table_is_labelled_by_the_text_of_its_first_cell():
    html = render_markdown("| **Ref** | Action |\n|---|---|\n| YOS 1 | Raise |").html
    assert 'aria-label="Table: Ref"' in html


def test_both_parsers_render_every_demo_body_the_same():
    """markdown-it-py defines the HTML; markdown-it.rs, used when installed, must match it."""
    from pathlib import Path

    from minutes.pages.markdown_html import _RS, to_html

    assert _RS is not None, "markdown-it-pyrs is a dependency and should be installed"
    root = Path(__file__).resolve().parent.parent / "content" / "meetings"
    bodies = [p.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for p in sorted(root.rglob("*.md"))]
    assert bodies
    assert [b[:60] for b in bodies if to_html(b) != to_html(b, fast=False)] == []


@pytest.mark.parametrize(
    ("body", "html"),
    [
        # (Markdown, HTML): after a sum written with separators, the form a search looks up, hidden.
        ("would be £1,292,599 with", "<p>would be £1,292,599<span hidden> £1292599</span> with</p>"),
        ("of £1.186 million.", "<p>of £1.186<span hidden> £1186</span> million.</p>"),
        (
            "£5,000, £36 and €3,000.00.",
            "<p>£5,000<span hidden> £5000</span>, £36 and €3,000.00<span hidden> €300000</span>.</p>",
        ),
        ("costs $2.50 each", "<p>costs $2.50<span hidden> $250</span> each</p>"),
        # Left as written: no sign, no separator, not a sum, in code, in a heading.
        ("1,292,599 and £36 and £1,2345 and x£1,000", "<p>1,292,599 and £36 and £1,2345 and x£1,000</p>"),
        ("`£1,234`", "<p><code>£1,234</code></p>"),
        ("## Budget £1,000,000", '<h2 id="h-budget-1-000-000">Budget £1,000,000</h2>'),
        ("    £1,234 in a block", "<pre><code>£1,234 in a block\n</code></pre>"),
        # In a link's title, a tag's attribute: left; the link's words are running text.
        (
            '[£2,500](https://example.org "£1,234")',
            '<p><a href="https://example.org" title="£1,234">£2,500<span hidden> £2500</span></a></p>',
        ),
        # Once code or a heading closes, sums are running text again.
        (
            "`£1,234` then £5,678",
            "<p><code>£1,234</code> then £5,678<span hidden> £5678</span></p>",
        ),
        (
            "# £1,000\n\n£2,000",
            '<h2 id="h-1-000">£1,000</h2>\n<p>£2,000<span hidden> £2000</span></p>',
        ),
        # Each sign is looked for on its own; the sums are taken in the order they are written.
        (
            "$1,000.50, £2,000 and €3.5; then $4,000",
            "<p>$1,000.50<span hidden> $100050</span>, £2,000<span hidden> £2000</span> and €3.5<span hidden>"
            " €35</span>; then $4,000<span hidden> $4000</span></p>",
        ),
    ],
)
def test_sums_of_money_carry_the_form_search_looks_up(body, html):
    assert render_markdown(body).html.strip() == html


def test_every_table_of_a_body_gets_its_box_and_header_cells():
    html = render_markdown("| A | B |\n|---|---|\n| 1 | 2 |\n\nBetween.\n\n|  | C |\n|---|---|\n| | 3 |").html
    box = '<div class="table-scroll" role="region" tabindex="0" aria-label="Table: {}">\n<table>\n'
    assert html == (
        box.format("A") + '<thead>\n<tr>\n<th scope="col">A</th>\n<th scope="col">B</th>\n</tr>\n</thead>\n'
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</div>\n<p>Between.</p>\n"
        + box.format("C")
        + '<thead>\n<tr>\n<td></td>\n<th scope="col">C</th>\n</tr>\n</thead>\n'
        "<tbody>\n<tr>\n<td></td>\n<td>3</td>\n</tr>\n</tbody>\n</table>\n</div>\n"
    )


DEEP = MAX_NESTING // 2


@pytest.mark.parametrize(
    ("body", "deep"),
    [
        # (body, whether a line opens with enough nesting marks to nest past MAX_NESTING)
        (">" * DEEP, True),
        (">" * (DEEP - 1), False),
        ("Minutes\n\n" + "- " * (DEEP // 2) + "item", True),
        ("Minutes\n" + "1." * (DEEP // 2), True),
        ("Minutes " + ">" * DEEP, False),  # not at a line's opening
        ("Minutes\n\t" + " " * (DEEP - 1), True),
        ("", False),
    ],
)
def test_a_body_that_may_nest_too_deep_is_told_apart(body, deep):
    assert may_nest_too_deep(body) is deep


@pytest.mark.skipif(markdown_html.markdown_it_pyrs is None, reason="markdown-it.rs is not installed")
def test_the_renderers_version_is_its_packages():
    """The version in every cache key of rendered Markdown is read from the module, not its package's records."""
    assert markdown_html.RENDERER == f"markdown-it-pyrs-{version('markdown-it-pyrs')}"
