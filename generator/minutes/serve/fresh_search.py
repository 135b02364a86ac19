"""Search that finds an edit within a second in `minutes serve`, however large the archive.

After a body edit the edited pages are indexed alone into the edits bundle
(search/edits.py), and open search pages are told to search again; their
shards' full re-index follows on a thread of its own, one at a time, and once
it is in place those pages leave the edits bundle and search pages are told
again. Edits made during a re-index wait for the next one, which takes them
all; a page edited again meanwhile stays in the edits bundle until a
re-index that read it.

In the preview, the search page loads Pagefind through `module()`: a small
module that stands in for Pagefind's own, merges the edits bundle and leaves
out the shards' older copies of its pages. A static build's search page
never asks for it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence

from minutes.build import SiteBuilder
from minutes.core.errors import UserError
from minutes.search.edits import EDITS, PageIds, edits_bundle, index_edits
from minutes.search.index import ENTRY, shards_of
from minutes.search.shards import BUNDLES

MODULE_PATH = "/__minutes/search/"
"""Where the preview serves its stand-in for Pagefind's module (`pagefind.js` under it)."""

_MODULE_JS = """\
// The preview's stand-in for Pagefind's module: Pagefind's own, with the pages edited since their
// shard was indexed searched from the edits bundle, and their older copies in the shards left out.
import * as pagefind from {primary};
export * from {primary};

const edits = {edits};
const stale = new Set({stale});
let merged = null;

function withEdits() {{
  if (edits && !merged) merged = pagefind.mergeIndex(edits);
  return merged;
}}

function fresh(response) {{
  if (!response) return response;
  const seen = new Set();
  const results = response.results.filter(function (result) {{
    if (stale.has(result.id) || seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  }});
  const dropped = response.results.length - results.length;
  return Object.assign({{}}, response, {{
    results: results,
    unfilteredResultCount: Math.max(0, response.unfilteredResultCount - dropped)
  }});
}}

export async function filters() {{ await withEdits(); return pagefind.filters(); }}
export async function preload(term, options) {{ await withEdits(); return pagefind.preload(term, options); }}
export async function search(term, options) {{ await withEdits(); return fresh(await pagefind.search(term, options)); }}
export async function debouncedSearch(term, options, wait) {{
  await withEdits();
  return fresh(await pagefind.debouncedSearch(term, options, wait));
}}
"""


class FreshSearch:
    """The edits bundle of a preview, the pages waiting for their shards' re-index, and the thread doing it."""

    def __init__(
        self,
        builder: Callable[[], SiteBuilder],
        index_lock: threading.Lock,
        told: Callable[[Sequence[str]], None],
        log: Callable[[str], None],
    ):
        self._builder = builder
        self.index_lock = index_lock
        """Held while shards are indexed (here, or by a build): one Pagefind writes a shard at a time."""
        self._told = told
        self._log = log
        self._lock = threading.Lock()
        self._edits_lock = threading.Lock()
        self._edit = 0
        self._pending: dict[str, int] = {}
        """Output path -> the number of its last edit, for each page edited since its shard was indexed."""
        self._queued: set[str] = set()
        self._wake = threading.Condition(self._lock)
        self._stopped = False
        self.held: tuple[str, ...] = ()
        """The pages the edits bundle holds now."""
        self._ids = PageIds()
        self._thread = threading.Thread(target=self._reindex_loop, name="search-shards", daemon=True)
        self._thread.start()

    def edited(self, outputs: Sequence[str]) -> None:
        """These pages were rewritten: index them into the edits bundle now, and their shards later."""
        searched = self._searched(outputs)
        if not searched:
            return
        with self._lock:
            for output in searched:
                self._edit += 1
                self._pending[output] = self._edit
        self._index_edits()
        with self._wake:
            self._queued.update(searched)
            self._wake.notify_all()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify_all()
        self._thread.join(timeout=30)

    def module(self, base_url: str) -> str:
        """The stand-in for Pagefind's module the preview's search page loads (see the module's docstring)."""
        builder = self._builder()
        specs = dict(builder.state.specs) if builder.state is not None else {}
        primary = next(iter(shards_of(specs.values())), "")
        with self._edits_lock:
            held = {output: specs[output].shard for output in self.held if output in specs}
            # A build that replaced the whole preview (a cold one) took the bundle with it.
            there = bool(held) and (edits_bundle(builder.output) / ENTRY).is_file()
            stale = self._ids.stale_ids(builder.output, held) if there else []
        edits = f"{base_url}{BUNDLES}/{EDITS}/" if there else None
        return _MODULE_JS.format(
            primary=json.dumps(f"{base_url}{BUNDLES}/{primary}/pagefind.js"),
            edits=json.dumps(edits),
            stale=json.dumps(stale),
        )

    def _searched(self, outputs: Sequence[str]) -> list[str]:
        state = self._builder().state
        if state is None:
            return []
        return [o for o in outputs if (spec := state.specs.get(o)) is not None and spec.shard]

    def _index_edits(self) -> None:
        """Index the pages still waiting for their shard into the edits bundle, and tell search pages."""
        builder = self._builder()
        language = builder.config.language.split("-")[0].lower()
        with self._edits_lock:
            with self._lock:
                pending = sorted(self._pending)
            started = time.monotonic()
            try:
                self.held = index_edits(builder.output, language, pending)
            except UserError as exc:
                self.held = ()
                self._log(f"edited pages not indexed for search: {exc}")
            count = len(self.held)
            if count:
                self._log(
                    f"{count} edited page{'s' if count != 1 else ''} searchable before {'their' if count != 1 else 'its'}"
                    f" shard's re-index ({(time.monotonic() - started) * 1000:.0f} ms)"
                )
            held = self.held
        self._told(held)

    def _reindex_loop(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._stopped or bool(self._queued))
                if self._stopped:
                    return
                pages, self._queued = self._queued, set()
                upto = self._edit
            try:
                with self.index_lock:
                    self._builder().index_pages(pages)
            except UserError as exc:
                self._log(f"search index not updated: {exc}")
                continue
            except Exception as exc:  # a bug: said, and the next edit tries again
                self._log(f"search index not updated: internal error {type(exc).__name__}: {exc}; please report this")
                continue
            with self._lock:
                for page in pages:
                    if self._pending.get(page, upto + 1) <= upto:
                        del self._pending[page]
            self._index_edits()
