"""Search shards: the site's search index cut into a few Pagefind indexes, merged in the browser.

The search page merges the shards with Pagefind's `mergeIndex`, so an edit
re-indexes only the shard holding the changed page, in a time set by the
shard's size, not the site's. Each shard also costs the first query a few
small downloads, so shards are few: committees, in name order, are grouped
into runs of about `SHARD_PAGES` searchable pages, and a committee with more
text than a shard should hold is cut into shards of its own by meeting date.
A shard is named by its place and a digest of its committees (or meetings),
so a shard whose members change is a new shard, indexed from nothing.

A builder names the shard of each page it wants searchable (`PageSpec.shard`);
meetings and their documents are indexed together, and live under the
meeting's folder in the committee's, which is how the indexer finds them.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

BUNDLES = "pagefind"
"""Folder of the output holding one Pagefind bundle per shard, and the search UI."""
SHARD_PAGES = 600
"""Searchable pages per shard: Pagefind re-indexes that many pages of this project's usual size in about two seconds."""
SHARD_CHARS = 16_000_000
"""Characters of Markdown above which a committee is cut into shards of its own, by meeting date.

Pagefind's time and memory follow the text it reads (about 7 MB of HTML a
second on one core, and 20 to 23 bytes of memory a byte of HTML), so a
committee with long papers would otherwise make one shard too slow to
re-index after an edit, and too big to index beside another.
"""


REGISTERS = "registers"
"""The shard of the site's registers: people's pages, committees' pages and the decisions register by year.

They are few beside the meetings' pages and change together, when records
do; the search page finds them by their own `type` filter value.
"""
REGISTER_GLOB = "{*/index.html,people/*/index.html,decisions/*/index.html}"
"""Every page a register shard may hold. Pagefind reads only those marked `data-pagefind-body`, so the
site's other index pages (the people index, hand-written pages) under these patterns are left out."""


def is_register_page(output: str) -> bool:
    """Whether a page's output path is one `REGISTER_GLOB` covers."""
    parts = output.split("/")
    return parts[-1] == "index.html" and (len(parts) == 2 or (len(parts) == 3 and parts[0] in ("people", "decisions")))


@dataclass(frozen=True, slots=True)
class MeetingWeight:
    """What one meeting adds to its shard."""

    key: str
    """The meeting's folder name."""
    pages: int
    """Searchable pages: the meeting's own and its reports'."""
    chars: int
    """Characters of Markdown those pages show."""


def group_meetings(committees: Mapping[str, Sequence[MeetingWeight]]) -> dict[tuple[str, str], str]:
    """(committee slug, meeting key) -> shard name, from each committee's meetings.

    Committees are grouped, in name order, into runs of about `SHARD_PAGES`
    searchable pages. A committee over `SHARD_CHARS` is cut into shards of its
    own instead, each a run of its meetings in date order filled up to
    `SHARD_CHARS`: a new meeting, which comes last, changes only the last.
    """
    big = {slug for slug, meetings in committees.items() if sum(m.chars for m in meetings) > SHARD_CHARS}
    whole = {slug: sum(m.pages for m in meetings) for slug, meetings in committees.items() if slug not in big}
    runs: list[list[str]] = [members for members in _runs_of(whole) if members]
    for slug in sorted(big):
        meetings = sorted(committees[slug], key=lambda m: m.key)
        runs.append([])
        filled = 0
        for meeting in meetings:
            if runs[-1] and filled + meeting.chars > SHARD_CHARS:
                runs.append([])
                filled = 0
            runs[-1].append(f"{slug}/{meeting.key}")
            filled += meeting.chars
    shards = {}
    for n, members in enumerate(sorted(runs), start=1):
        name = f"s{n:02d}-" + hashlib.blake2b("\n".join(members).encode(), digest_size=4).hexdigest()
        for member in members:
            slug, _, key = member.partition("/")
            keys = [key] if key else [m.key for m in committees[slug]]
            shards.update({(slug, k): name for k in keys})
    return shards


def _runs_of(pages: Mapping[str, int]) -> list[list[str]]:
    """Committees in name order, cut into runs of about `SHARD_PAGES` pages each."""
    total = sum(pages.values())
    count = max(1, math.ceil(total / SHARD_PAGES))
    runs: list[list[str]] = [[]]
    filled = 0
    for slug in sorted(pages):
        # Start a new run when this one has its share, so runs come out about equal.
        if runs[-1] and filled >= total * len(runs) / count:
            runs.append([])
        runs[-1].append(slug)
        filled += pages[slug]
    return runs


def bundle_path(shard: str) -> str:
    """Site-relative path of a shard's bundle: "pagefind/s01-1a2b3c4d/"."""
    return f"{BUNDLES}/{shard}/"


def page_glob(folders: Mapping[str, Sequence[str] | None]) -> str:
    """The pages of a shard: committee slug -> its meeting folders in the shard, or None for all of them.

    A meeting's page and its documents' pages are under the meeting's folder.
    """
    parts = []
    for slug, meetings in sorted(folders.items()):
        if meetings is None:
            parts.append(f"{slug}/*")
        else:
            parts.append(f"{slug}/" + (meetings[0] if len(meetings) == 1 else "{" + ",".join(sorted(meetings)) + "}"))
    return (parts[0] if len(parts) == 1 else "{" + ",".join(parts) + "}") + "/**/*.html"
