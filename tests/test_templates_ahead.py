"""Templates compiled by a child process while the build starts: the same pages, and nothing compiled twice."""

from __future__ import annotations

import filecmp
from pathlib import Path

import jinja2
import pytest

from helpers import copy_demo_site, run_minutes
from minutes.build import build
from minutes.core.config import load_config
from minutes.core.errors import UserError
from minutes.pages.templates_ahead import TemplatesAhead

NOT_FOUND = """{% extends "base.html" %}
{% block main %}<h1>{{ _("Page not found") }}</h1><p>WORDS</p>{% endblock %}
"""


def _site(root: Path, not_found: str | None = None) -> Path:
    copy_demo_site(root)
    if not_found is not None:
        # A theme of the site's own over the built-in one: its 404 page, the rest the built-in theme's.
        (root / "themes" / "default" / "templates").mkdir(parents=True)
        (root / "themes" / "default" / "templates" / "404.html").write_text(not_found, encoding="utf-8")
    return root


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _same_site(one: Path, other: Path) -> None:
    files = _files(one)
    assert files == _files(other)
    _, mismatch, errors = filecmp.cmpfiles(one, other, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_templates_compiled_ahead_make_the_same_site_and_this_process_neither_parses_nor_compiles_them(
    tmp_path, monkeypatch
):
    alone = build(load_config(_site(tmp_path / "alone")), search=False, use_cache=False)
    config = load_config(_site(tmp_path / "ahead"))
    ahead = TemplatesAhead(config)
    # Counted in this process only: the child was forked before, with functions of its own.
    calls: list[str] = []
    for name in ("compile", "_parse"):
        original = getattr(jinja2.Environment, name)
        monkeypatch.setattr(
            jinja2.Environment, name, lambda self, *a, _o=original, _n=name, **k: calls.append(_n) or _o(self, *a, **k)
        )
    try:
        result = build(config, search=False, use_cache=False, templates=ahead)
    finally:
        ahead.close()
    assert result.published and result.rendered == alone.rendered > 50
    assert calls == []
    _same_site(alone.output, result.output)


def test_a_template_edited_after_the_child_compiled_it_is_compiled_again(tmp_path):
    config = load_config(_site(tmp_path / "site", NOT_FOUND.replace("WORDS", "first words")))
    ahead = TemplatesAhead(config)
    try:
        compiled = ahead.result()
        assert compiled is not None and "404.html" in compiled.references
        edited = NOT_FOUND.replace("WORDS", "second words")
        (tmp_path / "site" / "themes" / "default" / "templates" / "404.html").write_text(edited, encoding="utf-8")
        assert compiled.references_of("404.html", edited) is None  # read again here, for its digest too
        result = build(config, search=False, use_cache=False, templates=ahead)
    finally:
        ahead.close()
    page = (result.output / "404.html").read_text(encoding="utf-8")
    assert "second words" in page and "first words" not in page


def test_a_template_the_child_cannot_compile_is_reported_by_the_build_as_before(tmp_path):
    broken = NOT_FOUND.replace("WORDS", "{% if %}")
    alone = build(load_config(_site(tmp_path / "alone", broken)), search=False, keep_going=True)
    config = load_config(_site(tmp_path / "ahead", broken))
    ahead = TemplatesAhead(config)
    try:
        compiled = ahead.result()
        assert compiled is not None and "404.html" not in compiled.references and "base.html" in compiled.references
        result = build(config, search=False, keep_going=True, templates=ahead)
    finally:
        ahead.close()
    assert [str(p).replace("/ahead/", "/") for p in result.errors] == [
        str(p).replace("/alone/", "/") for p in alone.errors
    ]
    assert result.errors and "404.html" in str(result.errors[0])


def test_a_child_that_fails_leaves_the_build_to_find_the_same_fault(tmp_path):
    root = _site(tmp_path / "site")
    settings = (root / "site.yaml").read_text(encoding="utf-8")
    (root / "site.yaml").write_text(settings.replace("theme: default", "theme: nowhere"), encoding="utf-8")
    config = load_config(root)
    ahead = TemplatesAhead(config)
    try:
        assert ahead.result() is None
        with pytest.raises(UserError) as raised:
            build(config, search=False, templates=ahead)
    finally:
        ahead.close()
    with pytest.raises(UserError) as alone:
        build(config, search=False)
    assert str(raised.value) == str(alone.value) and "nowhere" in str(alone.value)


def test_minutes_build_writes_the_site_the_build_function_writes(tmp_path):
    """The command compiles the templates ahead and tunes the collector: the pages are those of a plain build."""
    alone = build(load_config(_site(tmp_path / "alone")), search=False, use_cache=False)
    root = _site(tmp_path / "command")
    done = run_minutes("build", "--site", str(root), "--no-search", "--no-cache")
    assert done.returncode == 0, done.stderr[-2000:]
    _same_site(alone.output, root / "output")


@pytest.mark.parametrize("child_done", [False, True])
def test_the_feeds_and_data_files_are_made_first_only_while_the_child_still_compiles(tmp_path, monkeypatch, child_done):
    """They need no template: made while the child finishes; else after the search shards' pages, as Pagefind reads."""
    import minutes.search.index as search

    on_disk: dict[str, set[str]] = {}
    original_submit = search.ShardIndexer.submit

    def submit(self, name):
        if name not in on_disk:
            on_disk[name] = {p.relative_to(self.site_dir).as_posix() for p in self.site_dir.rglob("*") if p.is_file()}
        original_submit(self, name)

    monkeypatch.setattr(search.ShardIndexer, "submit", submit)
    monkeypatch.setattr(TemplatesAhead, "done", lambda self: child_done)
    alone = build(load_config(_site(tmp_path / "alone")), use_cache=False)
    on_disk.clear()
    config = load_config(_site(tmp_path / "ahead"))
    ahead = TemplatesAhead(config)
    try:
        result = build(config, use_cache=False, templates=ahead)
    finally:
        ahead.close()
    first = next(iter(on_disk))
    made_first = {"feed.xml", "calendar.ics", "data/meetings.json"} <= on_disk[first]
    assert made_first is not child_done
    # The same site either way (Pagefind's own files aside: its filter files differ between any two runs).
    files = [f for f in _files(alone.output) if not f.startswith("pagefind/")]
    assert files == [f for f in _files(result.output) if not f.startswith("pagefind/")]
    _, mismatch, errors = filecmp.cmpfiles(alone.output, result.output, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_where_there_is_no_fork_the_build_compiles_its_templates_itself(tmp_path, monkeypatch):
    alone = build(load_config(_site(tmp_path / "alone")), search=False, use_cache=False)
    config = load_config(_site(tmp_path / "nofork"))
    monkeypatch.delattr("os.fork")
    ahead = TemplatesAhead(config)
    monkeypatch.undo()  # the rest of the build may fork its pools as before
    try:
        assert ahead.result() is None  # no child: nothing compiled ahead
        result = build(config, search=False, use_cache=False, templates=ahead)
    finally:
        ahead.close()
    assert result.published and result.rendered == alone.rendered
    _same_site(alone.output, result.output)
