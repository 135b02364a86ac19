"""The renderer's small parts on tiny inputs: theme chains, template digests, template errors, the Markdown cache.

Quick tests without a build: what `make mutation` runs against pages/render.py and
publish/cache.py beside tests/test_escaping.py.
"""

from __future__ import annotations

import pytest

from minutes.core.config import load_config
from minutes.core.errors import UserError
from minutes.pages import render
from minutes.pages.markdown_html import InlineLink, render_markdown
from minutes.publish import cache


def site_with(tmp_path, theme: str, files: dict[str, str]):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "site.yaml").write_text(f"title: Minutes\ntheme: {theme}\n", encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "themes" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_config(tmp_path)


DEFAULT = render.BUILTIN_THEMES / "default"


@pytest.mark.parametrize(
    ("theme", "files", "chain"),
    [
        ("default", {}, ["builtin:default"]),
        ("default", {"default/templates/page.html": "x"}, ["site:default", "builtin:default"]),
        ("civic", {"civic/templates/base.html": "x"}, ["site:civic", "builtin:default"]),
        ("civic", {"civic/theme.yaml": "name: Civic\n"}, ["site:civic", "builtin:default"]),
        ("civic", {"civic/theme.yaml": ""}, ["site:civic", "builtin:default"]),
        (
            "civic",
            {"civic/theme.yaml": "extends: plain\n", "plain/theme.yaml": "description: Plain\n"},
            ["site:civic", "site:plain", "builtin:default"],
        ),
        (
            "civic",
            {"civic/theme.yaml": "extends: default\n", "default/static/site.css": "x"},
            ["site:civic", "site:default", "builtin:default"],
        ),
    ],
    ids=["builtin", "override", "own", "named", "empty-settings", "chain", "override-parent"],
)
def test_a_theme_chain_ends_at_the_builtin_default(tmp_path, theme, files, chain):
    config = site_with(tmp_path, theme, files)
    got = render.resolve_theme(config)
    shown = [
        "builtin:default" if folder.resolve() == DEFAULT.resolve() else f"site:{folder.name}" for folder in got.chain
    ]
    assert got.name == theme and shown == chain
    assert got.template_dirs[-1] == str(DEFAULT / "templates")
    assert all(dir_.endswith("/templates") for dir_ in got.template_dirs)
    assert [p for p in got.static_dirs if p.parent.resolve() == DEFAULT.resolve()] == [DEFAULT / "static"]


@pytest.mark.parametrize(
    ("theme", "files", "message", "where"),
    [
        (
            "missing",
            {},
            "setting 'theme': theme 'missing' not found in themes/ or the built-in themes; create themes/missing/ or "
            "set theme: default",
            ("site.yaml", 2),
        ),
        (
            "civic",
            {"civic/theme.yaml": "extends: nowhere\n"},
            "theme 'nowhere' not found in themes/ or the built-in themes (theme civic extends it); correct `extends:`",
            ("themes/civic/theme.yaml", 1),
        ),
        (
            "civic",
            {"civic/theme.yaml": "extends: plain\n", "plain/theme.yaml": "extends: civic\n"},
            "themes extend each other in a loop: civic -> plain -> civic",
            ("themes/civic/theme.yaml", 0),
        ),
        (
            "civic",
            {"civic/theme.yaml": "extends: [plain\n"},
            "malformed YAML:",
            ("themes/civic/theme.yaml", 1),
        ),
        (
            "civic",
            {"civic/theme.yaml": "colour: red\n"},
            "theme.yaml may set only extends, name and description",
            ("themes/civic/theme.yaml", 1),
        ),
        (
            "civic",
            {"civic/theme.yaml": "- plain\n"},
            "theme.yaml may set only extends, name and description",
            ("themes/civic/theme.yaml", 1),
        ),
    ],
    ids=["missing", "missing-parent", "loop", "bad-yaml", "unknown-key", "a-list"],
)
def test_a_bad_theme_is_named_with_its_file(tmp_path, theme, files, message, where):
    config = site_with(tmp_path, theme, files)
    with pytest.raises(UserError) as refused:
        render.resolve_theme(config)
    assert str(refused.value.message).startswith(message), refused.value.message
    path, line = where
    assert refused.value.path is not None and str(refused.value.path).endswith(path)
    assert (refused.value.line or 0) == line or (where[1] == 1 and refused.value.line and refused.value.line >= 1)


def test_theme_settings_that_are_not_utf8_are_named(tmp_path):
    config = site_with(tmp_path, "civic", {"civic/templates/base.html": "x"})
    (tmp_path / "themes" / "civic" / "theme.yaml").write_bytes(b"extends: \xff\xfe\n")
    with pytest.raises(UserError, match=r"save theme\.yaml as UTF-8 text"):
        render.resolve_theme(config)


def test_copy_static_puts_the_site_files_over_the_theme_files(tmp_path):
    config = site_with(tmp_path, "civic", {"civic/static/site.css": "civic", "civic/static/extra/logo.svg": "logo"})
    theme = render.resolve_theme(config)
    output = tmp_path / "output"
    render.copy_static(theme, output)
    assert (output / "static" / "site.css").read_text(encoding="utf-8") == "civic"
    assert (output / "static" / "extra" / "logo.svg").read_text(encoding="utf-8") == "logo"
    builtin = {p.relative_to(DEFAULT / "static") for p in (DEFAULT / "static").rglob("*") if p.is_file()}
    copied = {p.relative_to(output / "static") for p in (output / "static").rglob("*") if p.is_file()}
    assert builtin - {p for p in builtin if p.name == "site.css"} <= copied


# --- template digests ------------------------------------------------------------------------


def digests(tmp_path, files: dict[str, str]):
    config = site_with(tmp_path, "civic", {f"civic/templates/{k}": v for k, v in files.items()})
    theme = render.resolve_theme(config)
    return render.TemplateDigests(render.make_environment(config, theme), theme)


def test_a_template_digest_changes_with_what_it_extends_includes_and_imports(tmp_path):
    files = {
        "a.html": "{% extends 'b.html' %}",
        "b.html": "{% include 'c.html' %}{% import 'd.html' as d %}",
        "c.html": "c",
        "d.html": "d",
        "e.html": "e",
    }
    first = digests(tmp_path / "one", files)
    for changed in ("a.html", "b.html", "c.html", "d.html"):
        again = digests(tmp_path / changed.replace(".", "-"), {**files, changed: files[changed] + " "})
        assert again.of("a.html") != first.of("a.html"), changed
    untouched = digests(tmp_path / "e", {**files, "e.html": "changed"})
    assert untouched.of("a.html") == first.of("a.html")
    assert first.of("a.html") == first.of("a.html") and len(first.of("a.html")) == 32


def test_a_template_naming_another_by_a_variable_depends_on_every_template(tmp_path):
    files = {"a.html": "{% include name %}", "z.html": "z"}
    first = digests(tmp_path / "one", files)
    assert first.of("a.html") != digests(tmp_path / "two", {**files, "z.html": "changed"}).of("a.html")
    assert first._every() == first._every()


def test_template_digests_survive_loops_missing_templates_and_bad_syntax(tmp_path):
    d = digests(
        tmp_path, {"a.html": "{% include 'b.html' %}", "b.html": "{% include 'a.html' %}", "bad.html": "{% if %}"}
    )
    assert d.of("a.html") != d.of("b.html")
    assert d.of("nowhere.html") == "missing:nowhere.html"
    assert len(d.of("bad.html")) == 32


# --- template errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "message", "line"),
    [
        ("<p>\n{% if %}</p>", "template error: ", 2),
        ("<p>\n\n{{ missing.value }}</p>", "template error while rendering page/index.html: ", 3),
    ],
    ids=["syntax", "runtime"],
)
def test_a_template_error_names_the_template_file_and_line(tmp_path, template, message, line):
    config = site_with(tmp_path, "civic", {"civic/templates/broken.html": template})
    theme = render.resolve_theme(config)
    env = render.make_environment(config, theme)
    spec = render.PageSpec(output="page/index.html", template="broken.html", inputs={})
    with pytest.raises(UserError) as refused:
        render.render_page(spec, env, render.SiteView(config, {}))
    assert refused.value.message.startswith(message)
    assert str(refused.value.path).endswith("broken.html") and refused.value.line == line


# --- the Markdown cache -------------------------------------------------------------------------


def test_markdown_is_rendered_once_then_read_from_the_cache(tmp_path):
    body = "## Item 5 {#item-5}\n\nText about the Cabinet."
    links = (InlineLink("Cabinet", "/cabinet/", "The Cabinet"),)
    plain = render_markdown(body, base_level=3, links=links, used_ids={"item-1"})
    db = cache.open_db(tmp_path)
    first = cache.CachedMarkdown(db)
    used = {"item-1"}
    assert first(body, base_level=3, links=links, used_ids=used) == plain
    assert used == {"item-1", "item-5"} and (first.hits, first.misses) == (0, 1)
    first.flush()
    assert first.pending == []
    second = cache.CachedMarkdown(db)
    used = {"item-1"}
    got = second(body, base_level=3, links=links, used_ids=used)
    assert got == plain and [(h.id, h.text) for h in got.headings] == [("item-5", "Item 5")]
    assert used == {"item-1", "item-5"} and (second.hits, second.misses) == (1, 0)
    # Anything the rendering depends on makes another entry.
    for level, other_links, ids in (
        (2, links, {"item-1"}),
        (3, (), {"item-1"}),
        (3, (InlineLink("Cabinet", "/other/"),), {"item-1"}),
        (3, links, {"item-5"}),
    ):
        fresh = cache.CachedMarkdown(db)
        expected = render_markdown(body, base_level=level, links=other_links, used_ids=set(ids))
        assert fresh(body, base_level=level, links=other_links, used_ids=set(ids)) == expected
        assert fresh.misses == 1, (level, other_links, ids)
    assert cache.CachedMarkdown(db)(body + " More.", base_level=3, links=links).html != plain.html
    db.close()


def test_without_a_cache_markdown_is_rendered_each_time(tmp_path):
    uncached = cache.CachedMarkdown(None)
    used: set[str] = set()
    assert uncached("## A {#a}", used_ids=used) == render_markdown("## A {#a}")
    assert used == {"a"} and uncached.pending == []
    uncached.flush()
    assert uncached(" text") == render_markdown(" text")


def test_unflushed_renderings_are_not_in_the_cache(tmp_path):
    db = cache.open_db(tmp_path)
    cache.CachedMarkdown(db)("## A {#a}")
    again = cache.CachedMarkdown(db)
    again("## A {#a}")
    assert again.misses == 1
    db.close()
