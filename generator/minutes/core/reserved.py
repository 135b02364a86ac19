"""The top-level folders of a built site that the site itself uses, and names kept clear of them.

A committee's pages live under its slug (`cabinet/`) and a hand-written page
under its own (`about/`), beside the folders every site has (`people/`,
`static/`, ...). A committee or page whose slug is one of those would write
over them, so it is given a suffix and a warning instead; a test checks that
every top-level folder a build makes is either listed here or a slug.
`_review` is the review view of `minutes serve`, never built but kept clear too.
"""

from __future__ import annotations

RESERVED = frozenset(
    {
        "_review",
        "committees",
        "data",
        "decisions",
        "meetings",
        "pagefind",
        "papers",
        "people",
        "search",
        "static",
    }
)


def committee_slug(folder: str) -> str:
    """The slug of a committee kept in `meetings_dir/<folder>/`: the folder name, unless reserved."""
    return f"{folder}-committee" if folder in RESERVED else folder


def page_slug(slug: str) -> str:
    """The slug of a hand-written page: its own, unless reserved."""
    return f"{slug}-page" if slug in RESERVED else slug
