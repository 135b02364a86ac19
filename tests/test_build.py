"""`minutes build` on the demo site: every meeting of the five samples, a home page and a search index."""

import filecmp
import re
from pathlib import Path

from helpers import copy_demo_site
from minutes.build import build
from minutes.core.config import load_config
from minutes.site.load import load_site

# (words of the committee name, meeting date) of every meeting the five samples hold.
EXPECTED_MEETINGS = [
    ("communities and cohesion", "2013-12-16"),
    ("communities and cohesion", "2013-11-18"),
    ("improving lives select commission", "2020-07-28"),
    ("improving lives select commission", "2020-03-03"),
    ("children, young people and families partnership", "2014-01-15"),
    ("children, young people and families partnership", "2013-11-20"),
    # The pack's agenda says 26 September 2013; the minutes themselves print 26 November 2014, after the
    # meeting whose pack carries them: the converter files them under the pack's date and lists the date for review.
    ("youth cabinet", "2014-01-15"),
    ("safeguarding children board", "2013-09-13"),
    ("overview and scrutiny management board", "2017-10-11"),
]


def test_build_writes_home_page_and_search_index(demo_build):
    _root, result = demo_build
    output = result.output
    assert (output / "index.html").is_file()
    assert (output / "404.html").is_file()
    assert (output / "pagefind" / "pagefind-ui.js").is_file()
    assert result.indexed >= len(EXPECTED_MEETINGS)


def test_build_writes_a_page_for_every_meeting_in_the_samples(demo_build):
    root, result = demo_build
    site = load_site(load_config(root))
    found = {(site.committees[m.committee].name.lower(), m.key) for m in site.meetings.values()}
    for words, date in EXPECTED_MEETINGS:
        matches = [(name, key) for name, key in found if words in name and key == date]
        assert matches, f"no meeting of {words!r} on {date}; found {sorted(found)}"
        committee = next(
            m.committee
            for m in site.meetings.values()
            if m.key == date and words in site.committees[m.committee].name.lower()
        )
        page = result.output / committee / date / "index.html"
        assert page.is_file()
        assert "data-pagefind-body" in page.read_text(encoding="utf-8")


def test_undated_modern_gov_page_is_built_and_flagged(demo_build):
    root, result = demo_build
    site = load_site(load_config(root))
    undated = [m for m in site.meetings.values() if m.date is None]
    assert len(undated) == 1
    assert any("date" in w.lower() for w in undated[0].warnings)
    html = (result.output / undated[0].url / "index.html").read_text(encoding="utf-8")
    assert "Date not known" in html or "date not known" in html


def test_home_page_links_every_committee(demo_build):
    root, result = demo_build
    html = (result.output / "index.html").read_text(encoding="utf-8")
    site = load_site(load_config(root))
    for committee in site.committees.values():
        assert f'href="/{committee.url}"' in html


def _tree(path: Path) -> list[str]:
    # The register of publication dates is the build's, not the converter's (and the demo does not keep one).
    return sorted(
        p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file() and p.name != ".published.json"
    )


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    first = copy_demo_site(tmp_path / "a")
    second = copy_demo_site(tmp_path / "b")
    out_a = build(load_config(first), search=False).output
    out_b = build(load_config(second), search=False).output
    assert _tree(out_a) == _tree(out_b)
    mismatched = [name for name in _tree(out_a) if not filecmp.cmp(out_a / name, out_b / name, shallow=False)]
    assert mismatched == []
    meetings_a, meetings_b = first / "content" / "meetings", second / "content" / "meetings"
    assert _tree(meetings_a) == _tree(meetings_b)
    assert all(filecmp.cmp(meetings_a / n, meetings_b / n, shallow=False) for n in _tree(meetings_a))


def test_failed_render_publishes_nothing_and_keeps_the_previous_site(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    config = load_config(root)
    good = build(config, search=False)
    before = (good.output / "index.html").read_bytes()
    override = root / "themes" / "default" / "templates"
    override.mkdir(parents=True)
    (override / "committee.html").write_text(
        "{% extends 'base.html' %}{% block main %}{{ missing.name }}{% endblock %}"
    )
    failed = build(config, search=False)
    assert not failed.published
    assert failed.errors and all(p.path.endswith("committee.html") for p in failed.errors)
    assert all(p.skipped.startswith("the page ") for p in failed.errors)
    assert (good.output / "index.html").read_bytes() == before
    assert not list(tmp_path.glob("site/.output*"))


def test_every_link_on_every_page_uses_the_base_url(demo_build_subpath):
    _host_root, result = demo_build_subpath
    for page in result.output.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        for href in re.findall(r'(?:href|src)="(/[^"]*)"', page.read_text(encoding="utf-8")):
            assert href.startswith("/minutes/"), f"{page}: {href}"


def test_committed_demo_records_are_what_the_converter_writes(tmp_path):
    """content/meetings/ in the repo is the converter's output for content/papers/: regenerate with `minutes convert`."""
    from helpers import REPO
    from minutes.papers import convert_papers

    root = copy_demo_site(tmp_path / "site")
    convert_papers(load_config(root))
    fresh, committed = root / "content" / "meetings", REPO / "content" / "meetings"
    assert _tree(fresh) == _tree(committed)
    stale = [n for n in _tree(fresh) if not filecmp.cmp(fresh / n, committed / n, shallow=False)]
    assert stale == [], "run `minutes convert` and commit content/meetings/"


def test_two_builds_with_search_differ_only_in_pagefinds_filter_tables(tmp_path):
    """Pages, feeds, data and Pagefind's word index and fragments are byte-identical.

    Pagefind itself writes its filter tables (and the manifest naming them) in
    an order that varies between runs; their content is the same.
    """
    out_a = build(load_config(copy_demo_site(tmp_path / "a"))).output
    out_b = build(load_config(copy_demo_site(tmp_path / "b"))).output
    unstable = re.compile(r"pagefind/[^/]+/(filter/|pagefind-entry\.json|pagefind\.en_)")
    stable_a = [n for n in _tree(out_a) if not unstable.match(n)]
    stable_b = [n for n in _tree(out_b) if not unstable.match(n)]
    assert stable_a == stable_b
    assert any(re.match(r"pagefind/[^/]+/fragment/", n) for n in stable_a)
    assert [n for n in stable_a if not filecmp.cmp(out_a / n, out_b / n, shallow=False)] == []


def test_check_finds_no_problem_in_the_demo_build(demo_build):
    from minutes.check import check_content, check_output

    root, result = demo_build
    assert check_content(load_config(root)) == []
    assert check_output(result.output) == []


def test_build_never_replaces_a_folder_it_did_not_make(tmp_path):
    from minutes.core.errors import UserError

    root = copy_demo_site(tmp_path / "site")
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me", encoding="utf-8")
    config = load_config(root).with_overrides(output_dir=mine)
    try:
        build(config, search=False)
    except UserError as exc:
        assert "holds files minutes did not build" in str(exc)
    else:
        raise AssertionError("a build must refuse to replace a folder it did not make")
    assert (mine / "letter.txt").read_text(encoding="utf-8") == "keep me"
    fresh = build(config.with_overrides(output_dir=tmp_path / "out"), search=False)
    again = build(config.with_overrides(output_dir=tmp_path / "out"), search=False)  # its own output: replaced
    assert (fresh.output / ".minutes-build").is_file() and again.output == fresh.output


# --- cold, warm and incremental builds ----------------------------------------------

MINUTES = "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"


def _snapshot(output: Path) -> dict[str, bytes]:
    return {name: (output / name).read_bytes() for name in _tree(output)}


def test_cold_warm_and_edit_and_revert_builds_are_byte_identical(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    config = load_config(root)
    cold = build(config, search=False)
    first = _snapshot(cold.output)
    assert cold.cold and cold.rendered == cold.pages

    warm = build(config, search=False)
    assert not warm.cold and warm.rendered == 0
    assert _snapshot(warm.output) == first

    minutes = root / MINUTES
    original = minutes.read_text(encoding="utf-8")
    minutes.write_text(original + "\nA sentence about quinces, added by hand.\n", encoding="utf-8")
    edited = build(config, search=False)
    assert 1 <= edited.rendered <= 3, edited.rendered
    page = edited.output / "cabinet-member-for-communities-and-cohesion" / "2013-11-18" / "index.html"
    assert "quinces" in page.read_text(encoding="utf-8")

    minutes.write_text(original, encoding="utf-8")
    reverted = build(config, search=False)
    assert reverted.rendered == edited.rendered
    assert _snapshot(reverted.output) == first


def test_a_warm_build_after_an_edit_equals_a_cold_build_of_the_edit(tmp_path):
    """What a warm build re-renders is exactly what changed: the rest, kept, is what a cold build writes."""
    root = copy_demo_site(tmp_path / "site")
    config = load_config(root)
    build(config, search=False)
    minutes = root / MINUTES
    text = minutes.read_text(encoding="utf-8")
    # A front-matter edit: a new resolution, seen on the meeting page, the decisions and the feeds' data.
    assert "resolutions:" in text
    minutes.write_text(text.replace("resolutions:", "resolutions:\n  - That quinces be planted.", 1), encoding="utf-8")
    warm = build(config, search=False)
    assert not warm.cold and 0 < warm.rendered < warm.pages
    cold = build(config.with_overrides(output_dir=tmp_path / "cold"), search=False, use_cache=False)
    assert cold.cold
    assert _snapshot(warm.output) == _snapshot(cold.output)
    assert "That quinces be planted." in (warm.output / "decisions" / "2013" / "index.html").read_text(encoding="utf-8")


def test_an_output_folder_the_cache_cannot_vouch_for_is_rebuilt_cold(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    config = load_config(root)
    first = build(config, search=False)
    (first.output / "committees" / "index.html").write_text("tampered", encoding="utf-8")
    (first.output / ".minutes-build").touch()  # a restored or replaced folder looks like this
    again = build(config, search=False)
    assert again.cold
    assert (again.output / "committees" / "index.html").read_text(encoding="utf-8") != "tampered"


def test_a_template_edit_re_renders_only_the_pages_using_it(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    config = load_config(root)
    first = build(config, search=False)
    override = root / "themes" / "default" / "templates" / "committees.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        "{% extends 'default:committees.html' %}{% block main %}<p>Ours</p>{{ super() }}{% endblock %}",
        encoding="utf-8",
    )
    again = build(config, search=False)
    assert again.rendered == 1
    assert "<p>Ours</p>" in (again.output / "committees" / "index.html").read_text(encoding="utf-8")
    assert first.pages == again.pages
