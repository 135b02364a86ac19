"""A long report's contents list holds every heading, nested as the report nests them."""

from minutes.pages.contents import contents
from minutes.pages.markdown_html import Heading


def shape(entries):
    return [(e.heading.id, shape(e.children)) for e in entries]


def test_headings_nest_under_the_nearest_higher_heading():
    headings = [
        Heading(2, "a", "A"),
        Heading(3, "a1", "A1"),
        Heading(4, "a1x", "A1x"),
        Heading(3, "a2", "A2"),
        Heading(2, "b", "B"),
        Heading(4, "b1", "B1"),
    ]
    assert shape(contents(headings)) == [
        ("a", [("a1", [("a1x", [])]), ("a2", [])]),
        ("b", [("b1", [])]),
    ]


def test_a_long_report_lists_every_heading(demo_build):
    import re

    _root, result = demo_build
    page = (
        result.output
        / "overview-and-scrutiny-management-board"
        / "2017-10-11"
        / "report-scrutiny-review-emergency-planning"
        / "index.html"
    ).read_text(encoding="utf-8")
    toc = page.split('id="toc-heading"')[1].split("</nav>")[0]
    body = page.split('id="toc-heading"')[1].split("</nav>", 1)[1]
    ids = re.findall(r'<h[2-6] id="(h-[^"]+)"', body)
    assert len(ids) > 5
    assert [i for i in ids if f'href="#{i}"' not in toc] == []
