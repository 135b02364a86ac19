"""Committees and pages named like the site's own folders get a suffix; every other name stays as it is.

The reserved names are written out here, not read from core/reserved.py, so a name
dropped from that list fails this table.
"""

from __future__ import annotations

import pytest

SITE_FOLDERS = ("committees", "data", "decisions", "meetings", "pagefind", "papers", "people", "search", "static")
OTHER_NAMES = ("about", "cabinet", "people-page", "peoples", "static-files", "accessibility", "Papers", "data-1")


@pytest.mark.parametrize("name", SITE_FOLDERS)
def test_a_reserved_name_gets_a_suffix(name):
    from minutes.core.reserved import committee_slug, page_slug

    assert page_slug(name) == f"{name}-page"
    assert committee_slug(name) == f"{name}-committee"


@pytest.mark.parametrize("name", OTHER_NAMES)
def test_any_other_name_is_kept(name):
    from minutes.core.reserved import committee_slug, page_slug

    assert page_slug(name) == name
    assert committee_slug(name) == name


def test_a_page_named_like_a_site_folder_is_published_beside_it(tmp_path):
    """End to end: a page `people.md` becomes /people-page/; the people register keeps /people/."""
    from minutes.build import build
    from minutes.core.config import load_config

    (tmp_path / "site.yaml").write_text("title: Minutes\n", encoding="utf-8")
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "people.md").write_text("---\ntitle: Our people\n---\n\nWho we are.\n", encoding="utf-8")
    result = build(load_config(tmp_path), search=False)
    assert "Who we are." in (result.output / "people-page" / "index.html").read_text(encoding="utf-8")
    assert "Who we are." not in (result.output / "people" / "index.html").read_text(encoding="utf-8")
