"""The renderer's small parts on tiny inputs: theme chains, template digests, template errors, the Markdown cache.

Quick tests without a build: what `make mutation` runs against pages/render.py and
publish/cache.py beside tests/test_escaping.py.
"""

from __future__ import annotations

import datetime as dt

import jinja2
import markupsafe
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
            "malformed YAML: did not find expected ',' or ']'",
            ("themes/civic/theme.yaml", 2),
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
    assert (refused.value.path, refused.value.line or 0) == (tmp_path / path, line)


def test_theme_settings_that_are_not_utf8_are_named(tmp_path):
    config = site_with(tmp_path, "civic", {"civic/templates/base.html": "x"})
    (tmp_path / "themes" / "civic" / "theme.yaml").write_bytes(b"extends: \xff\xfe\n")
    with pytest.raises(UserError, match=r"save theme\.yaml as UTF-8 text") as refused:
        render.resolve_theme(config)
    assert refused.value.path == tmp_path / "themes" / "civic" / "theme.yaml"


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
    assert str(refused.value.path) == str(tmp_path / "themes" / "civic" / "templates" / "broken.html")
    assert refused.value.line == line


def test_a_runtime_error_in_a_feed_template_names_the_xml_file_and_line(tmp_path):
    config = site_with(tmp_path, "civic", {"civic/templates/feed.xml": "<feed>\n{{ missing.value }}</feed>"})
    env = render.make_environment(config, render.resolve_theme(config))
    spec = render.PageSpec(output="feed.xml", template="feed.xml", inputs={})
    with pytest.raises(UserError) as refused:
        render.render_page(spec, env, render.SiteView(config, {}))
    assert str(refused.value.path).endswith("civic/templates/feed.xml") and refused.value.line == 2


def test_a_missing_template_is_an_error_naming_no_template_line(tmp_path):
    config = site_with(tmp_path, "civic", {"civic/templates/base.html": "x"})
    env = render.make_environment(config, render.resolve_theme(config))
    spec = render.PageSpec(output="page/index.html", template="nowhere.html", inputs={})
    with pytest.raises(UserError) as refused:
        render.render_page(spec, env, render.SiteView(config, {}))
    assert refused.value.message == "template error while rendering page/index.html: nowhere.html"
    assert (refused.value.path, refused.value.line or 0) == (None, 0)


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


def test_without_a_cache_the_rendering_takes_every_argument(tmp_path):
    body = "See the Cabinet.\n\n## A {#a}"
    links = (InlineLink("Cabinet", "/cabinet/", "The Cabinet"),)
    used = {"x"}
    got = cache.CachedMarkdown(None)(body, base_level=4, links=links, used_ids=used)
    assert got.html == ('<p>See the <a href="/cabinet/" title="The Cabinet">Cabinet</a>.</p>\n<h4 id="a">A</h4>\n')
    assert used == {"x", "a"}


def test_the_cache_counts_each_hit_and_miss(tmp_path):
    db = cache.open_db(tmp_path)
    first = cache.CachedMarkdown(db)
    first("one")
    first("two")
    first.flush()
    second = cache.CachedMarkdown(db)
    second("one")
    second("two")
    second("three")
    assert (first.hits, first.misses, second.hits, second.misses) == (0, 2, 2, 1)
    db.close()


def test_unflushed_renderings_are_not_in_the_cache(tmp_path):
    db = cache.open_db(tmp_path)
    cache.CachedMarkdown(db)("## A {#a}")
    again = cache.CachedMarkdown(db)
    again("## A {#a}")
    assert again.misses == 1
    db.close()


# --- the templates' environment: filters, globals, settings -----------------------------------


def environment(tmp_path, settings: str = "", files: dict[str, str] | None = None, **options):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "site.yaml").write_text(f"title: Minutes\ntheme: civic\n{settings}", encoding="utf-8")
    for name, text in {"civic/templates/base.html": "site base", **(files or {})}.items():
        path = tmp_path / "themes" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    return render.make_environment(config, render.resolve_theme(config), **options)


class Unresolved:
    """Stands in for a citation that did not resolve: its note names the language it is asked in."""

    def note_in(self, ui):
        return f"note in {ui.language}"


@pytest.mark.parametrize(
    ("language", "template", "expected"),
    [
        (
            "en",
            "{{ 'minutes'|kind }}/{{ 'agenda'|kind }}/{{ 'report'|kind }}/{{ 'document'|kind }}",
            "Minutes/Agenda/Report/Document",
        ),
        ("cy", "{{ 'minutes'|kind }}/{{ 'report'|kind }}/{{ 'document'|kind }}", "Cofnodion/Adroddiad/Dogfen"),
        ("en", "{{ 'memo'|kind }}", "Memo"),
        ("en", "{{ 'papers/2013/pack.pdf'|basename }}|{{ 'pack.pdf'|basename }}", "pack.pdf|pack.pdf"),
        ("en", "{{ 'papers/my pack.pdf'|basename }}", "my pack.pdf"),
        ("en", "{{ 'https://www.example.org/a/b'|host }}|{{ 'no address'|host }}|", "www.example.org||"),
        ("en", "{{ day|longdate }}", "Wednesday 15 January 2014"),
        ("cy", "{{ day|longdate }}", "Dydd Mercher 15 Ionawr 2014"),
        ("en", "{{ '2016-05'|partdate }}", "May 2016"),
        ("cy", "{{ '2016-05'|partdate }}", "Mai 2016"),
        ("en", "{{ ['a', 'b', 'c']|and_list }}", "a, b and c"),
        ("en", "{{ '17:30'|clock }}", "5:30pm"),
        ("en", "{{ 800|filesize }}", "800 bytes"),
        ("en", "{{ pages_text((3, 22)) }}", "pages 3–22"),
        ("cy", "{{ unresolved|note }}", "note in cy"),
        ("en", "{{ 'Virtual meeting – Microsoft Teams'|online }}/{{ 'Town Hall'|online }}", "True/False"),
        ("en", "{{ {'b': '</script>', 'a': 'ŵ'}|tojson_script }}", '{"a": "ŵ", "b": "\\u003c/script\\u003e"}'),
        ("en", "{{ '<b>'|search_filter }}", "&amp;amp;lt;b&amp;amp;gt;"),
        ("en", "{{ '<b>' }}|{{ 'a & b' }}", "&lt;b&gt;|a &amp; b"),
        (
            "en",
            "{{ url('cabinet/') }}|{{ absolute_url('cabinet/') }}",
            "/cabinet/|https://minutes.example.org/cabinet/",
        ),
        ("en", "{{ config.title }}/{{ search_enabled }}", "Minutes/True"),
        ("en", "{{ search_translations().clear_search }}", "Clear"),
        ("cy", "{{ search_translations().clear_search }}", "Clirio"),
        ("cy", "{% trans %}Load more\n      results{% endtrans %}", "Llwytho rhagor o ganlyniadau"),
        ("en", "  {% if true %}\nx\n  {% endif %}\nend\n", "x\nend\n"),
    ],
)
def test_the_environment_gives_templates_their_filters_and_globals(tmp_path, language, template, expected):
    env = environment(tmp_path, f"language: {language}\nurl: https://minutes.example.org\n")
    context = {"day": dt.date(2014, 1, 15), "unresolved": Unresolved()}
    assert env.from_string(template).render(**context) == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # (a template asking twice with other values each time, what it renders in Welsh)
        ("{{ _('Minutes') }}|{{ gettext('Minutes') }}|{{ _('Minutes') }}", "Cofnodion|Cofnodion|Cofnodion"),
        (
            "{{ _('%(committee)s (date not known)', committee='A & B') }}|"
            "{{ _('%(committee)s (date not known)', committee='<C>') }}",
            "A &amp; B (dyddiad anhysbys)|&lt;C&gt; (dyddiad anhysbys)",
        ),
        ("{{ _('100%% done') }}|{{ _('100%% done') }}", "100% done|100% done"),
        ("{% trans %}Search{% endtrans %}|{{ _('Search') }}", "Chwilio|Chwilio"),
        ("{% autoescape false %}{{ _('Minutes') }}{% endautoescape %}|{{ _('Minutes') }}", "Cofnodion|Cofnodion"),
    ],
)
def test_a_message_is_translated_as_often_as_it_is_asked(tmp_path, template, expected):
    env = environment(tmp_path, "language: cy\n")
    assert env.from_string(template).render() == expected


def test_a_message_without_variables_is_translated_once_per_autoescape_setting(tmp_path):
    files = {f"civic/templates/t.{ext}": "{{ _('Minutes') }}" for ext in ("html", "txt")}
    env = environment(tmp_path, "language: cy\n", files=files)
    context = env.get_template("t.html").new_context()
    first, again = env.globals["_"](context, "Minutes"), env.globals["gettext"](context, "Minutes")
    assert first == "Cofnodion" and first is again and isinstance(first, markupsafe.Markup)
    text = env.globals["_"](env.get_template("t.txt").new_context(), "Minutes")
    assert text == "Cofnodion" and not isinstance(text, markupsafe.Markup)


def test_the_environment_without_search_says_so(tmp_path):
    assert environment(tmp_path, search=False).from_string("{{ search_enabled }}").render() == "False"


def test_an_undefined_name_in_a_template_is_an_error(tmp_path):
    with pytest.raises(jinja2.UndefinedError):
        environment(tmp_path).from_string("{{ nothing }}").render()


def test_html_and_xml_templates_are_escaped_and_text_ones_are_not(tmp_path):
    files = {f"civic/templates/t.{ext}": "{{ v }}" for ext in ("html", "xml", "txt")}
    env = environment(tmp_path, files=files)
    got = {ext: env.get_template(f"t.{ext}").render(v="<b>&") for ext in ("html", "xml", "txt")}
    assert got == {"html": "&lt;b&gt;&amp;", "xml": "&lt;b&gt;&amp;", "txt": "<b>&"}


def test_a_site_template_replaces_the_default_which_stays_reachable_as_default_colon(tmp_path):
    env = environment(tmp_path, files={"civic/templates/page.html": "{% extends 'default:base.html' %}"})
    assert env.get_template("base.html").render() == "site base"
    assert env.get_template("page.html").filename.endswith("themes/civic/templates/page.html")
    assert env.get_template("default:page.html").filename == str(DEFAULT / "templates" / "page.html")
    assert env.get_template("default:base.html").filename == str(DEFAULT / "templates" / "base.html")


def test_search_translations_are_pagefinds_words_in_the_pages_language():
    from minutes.core.i18n import interface

    assert render.search_translations(interface("en")) == {
        "clear_search": "Clear",
        "load_more": "Load more results",
        "search_label": "Search this site",
        "filters_label": "Filters",
        "zero_results": "No results for [SEARCH_TERM]",
        "many_results": "[COUNT] results for [SEARCH_TERM]",
        "one_result": "[COUNT] result for [SEARCH_TERM]",
        "alt_search": "No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead",
        "search_suggestion": "No results for [SEARCH_TERM]. Try one of the following searches:",
        "searching": "Searching for [SEARCH_TERM]...",
    }
    assert render.search_translations(interface("cy")) == {
        "clear_search": "Clirio",
        "load_more": "Llwytho rhagor o ganlyniadau",
        "search_label": "Chwilio'r wefan hon",
        "filters_label": "Hidlyddion",
        "zero_results": "Dim canlyniadau ar gyfer [SEARCH_TERM]",
        "many_results": "[COUNT] canlyniad ar gyfer [SEARCH_TERM]",
        "one_result": "[COUNT] canlyniad ar gyfer [SEARCH_TERM]",
        "alt_search": "Dim canlyniadau ar gyfer [SEARCH_TERM]. Yn dangos canlyniadau ar gyfer [DIFFERENT_TERM] yn lle hynny",
        "search_suggestion": "Dim canlyniadau ar gyfer [SEARCH_TERM]. Rhowch gynnig ar un o'r chwiliadau canlynol:",
        "searching": "Yn chwilio am [SEARCH_TERM]...",
    }


@pytest.mark.parametrize(
    ("settings", "page_url", "expected"),
    [
        (
            "languages: [en, cy]\n",
            "cabinet/",
            [("en", "English", "/cabinet/", True), ("cy", "Cymraeg", "/cy/cabinet/", False)],
        ),
        ("languages: [en, cy]\n", "", [("en", "English", "/", True), ("cy", "Cymraeg", "/cy/", False)]),
        (
            "language: cy\nlanguages: [cy, en]\nurl: https://cofnodion.example.org\n",
            "cabinet/",
            [
                ("cy", "Cymraeg", "https://cofnodion.example.org/cabinet/", True),
                ("en", "English", "https://cofnodion.example.org/en/cabinet/", False),
            ],
        ),
        ("languages: [en, cy]\n", "404.html", []),
        ("", "cabinet/", []),
        ("languages: [en]\n", "cabinet/", []),
    ],
    ids=["a-page", "home", "welsh-first", "not-a-page", "one-language", "one-listed"],
)
def test_language_versions_list_the_page_in_every_language(tmp_path, settings, page_url, expected):
    (tmp_path / "site.yaml").write_text(f"title: Minutes\n{settings}", encoding="utf-8")
    got = render.language_versions(load_config(tmp_path), page_url)
    assert [(v.tag, v.name, v.href, v.current) for v in got] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"b": 1, "a": "x"}, '{"a": "x", "b": 1}'),
        ("</script><!--", '"\\u003c/script\\u003e\\u003c!--"'),
        ("a & b", '"a \\u0026 b"'),
        ("line\u2028para\u2029end", '"line\\u2028para\\u2029end"'),
        ("Cyngor Sir Ddinbych – ŵ", '"Cyngor Sir Ddinbych – ŵ"'),
    ],
)
def test_script_json_is_json_that_cannot_end_its_script(value, expected):
    assert render.script_json(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Cabinet", "Cabinet"),
        ("<img src=x>", "&amp;amp;lt;img src=x&amp;amp;gt;"),
        ("A & B", "A &amp;amp;amp; B"),
        (2013, "2013"),
    ],
)
def test_a_search_filter_value_is_escaped_three_times(value, expected):
    got = render.search_filter(value)
    assert isinstance(got, markupsafe.Markup) and str(got) == expected


def test_the_builtin_themes_are_the_package_folder():
    assert (render.BUILTIN_THEMES / "default" / "templates" / "base.html").is_file()
    assert render._builtin_themes() == render.BUILTIN_THEMES
    assert render.BUILTIN_THEMES.name == "themes"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_interface_words_called_as_a_filter_come_out_as_called_through_the_context(tmp_path, language):
    env = environment(tmp_path, f"language: {language}\n")
    source = (
        "{% for n in [1, 2] %}{{ _('Minutes') }} {{ gettext('Agenda') }} {{ _(word) }}"
        "{% trans item=n %}Link to item {{ item }}{% endtrans %}{% trans %}Agenda and minutes{% endtrans %}"
        "{% autoescape false %}{{ _('Minutes') ~ '<' }}{% trans item='<b>' %}Link to item {{ item }}{% endtrans %}"
        "{% endautoescape %}{{ _('Minutes') ~ '<' }}|{% endfor %}"
    )
    assert render.TRANSLATE_FILTER in env.compile(source, raw=True)
    # A template that binds the names itself keeps its calls: the words as they came before.
    kept = "{% set _ = _ %}{% set gettext = gettext %}" + source
    assert render.TRANSLATE_FILTER not in env.compile(kept, raw=True)
    words = {"word": "Agenda"}
    assert env.from_string(source).render(words) == env.from_string(kept).render(words)
    for binding in ("{% for _ in [1] %}{% endfor %}", "{% macro gettext(m) %}{% endmacro %}", "{% import 'x' as _ %}"):
        assert render.TRANSLATE_FILTER not in env.compile(binding + source, raw=True)
    nested = env.compile("{{ _(_('Minutes')) }}", raw=True)
    assert nested.count(render.TRANSLATE_FILTER) >= 2 and "context.call" not in nested
    if language == "cy":
        assert "Cofnodion" in env.from_string(source).render(words)


def test_a_context_takes_another_templates_global_names_away_as_a_set_does(tmp_path):
    from collections import ChainMap

    names = render._GlobalNames({"url", "site", "_"})
    assert names - ChainMap({"url": 1}, {"_": 2, "range": 3}).keys() == {"site"}
    assert names - {"url", "site", "_"}.union() == set()
    env = environment(tmp_path, files={"civic/templates/m.html": "{% macro hi() %}{{ _('Minutes') }}{% endmacro %}"})
    template = env.from_string("{% from 'm.html' import hi %}{% for n in [1, 2] %}{{ hi() }}{% endfor %}")
    assert isinstance(template.new_context().globals_keys, render._GlobalNames)
    assert template.render() == "MinutesMinutes"
