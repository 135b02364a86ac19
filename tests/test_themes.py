"""Themes: site overrides replace default files; a theme can extend another and reach its templates."""

import pytest

from helpers import REPO, copy_demo_site
from minutes.build import build
from minutes.core.config import load_config
from minutes.core.errors import UserError
from minutes.pages.render import resolve_theme


@pytest.fixture()
def site(tmp_path):
    return copy_demo_site(tmp_path / "site")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_template_in_the_site_replaces_the_default(site):
    write(
        site / "themes" / "default" / "templates" / "committees.html",
        "{% extends 'base.html' %}{% block main %}<h1>Our committees</h1>{% endblock %}",
    )
    output = build(load_config(site), search=False).output
    html = (output / "committees" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Our committees</h1>" in html
    assert 'class="skip-link"' in html  # still the default base layout
    assert "Meetings by year" in (output / "meetings" / "index.html").read_text(encoding="utf-8")


def test_a_theme_extending_default_renders_both(site):
    write(site / "themes" / "civic" / "theme.yaml", "extends: default\n")
    write(
        site / "themes" / "civic" / "templates" / "meeting.html",
        "{% extends 'default:meeting.html' %}"
        '{% block main %}<p class="civic-banner">Civic edition</p>{{ super() }}{% endblock %}',
    )
    write(site / "themes" / "civic" / "static" / "style.css", "body { color: #111; }\n")
    text = (site / "site.yaml").read_text(encoding="utf-8").replace("theme: default", "theme: civic")
    (site / "site.yaml").write_text(text, encoding="utf-8")
    output = build(load_config(site), search=False).output
    html = (output / "cabinet-member-for-communities-and-cohesion" / "2013-11-18" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<p class="civic-banner">Civic edition</p>' in html
    assert "E29." in html and "Declarations of Interest" in html  # the default template's content
    assert (output / "static" / "style.css").read_text(encoding="utf-8") == "body { color: #111; }\n"
    assert (output / "static" / "search.js").read_bytes() == (
        REPO / "themes" / "default" / "static" / "search.js"
    ).read_bytes()


def test_theme_chain_order(site):
    write(site / "themes" / "civic" / "theme.yaml", "extends: default\n")
    write(site / "themes" / "night" / "theme.yaml", "extends: civic\n")
    config = load_config(site).with_overrides(theme="night")
    chain = [p.name for p in resolve_theme(config).chain]
    assert chain == ["night", "civic", "default"]


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({}, "theme 'missing' not found"),
        ({"missing/theme.yaml": "extends: nowhere\n"}, "theme 'nowhere' not found"),
        ({"missing/theme.yaml": "colour: red\n"}, "may set only extends"),
        ({"missing/theme.yaml": "extends: loop\n", "loop/theme.yaml": "extends: missing\n"}, "loop"),
    ],
)
def test_theme_errors_are_clear(site, files, words):
    for name, text in files.items():
        write(site / "themes" / name, text)
    config = load_config(site).with_overrides(theme="missing")
    with pytest.raises(UserError) as caught:
        resolve_theme(config)
    assert words in str(caught.value)


def test_documented_example_theme_builds(site):
    """The worked example in docs/themes.md, copied from the doc, builds as it says."""
    doc = (REPO / "docs" / "themes.md").read_text(encoding="utf-8")
    blocks = {}
    for chunk in doc.split("<!-- file: ")[1:]:
        name, rest = chunk.split(" -->", 1)
        body = rest.split("```", 2)[1].split("\n", 1)[1]
        blocks[name.strip()] = body
    assert blocks, "docs/themes.md must mark its example files with <!-- file: PATH -->"
    for name, text in blocks.items():
        write(site / name, text)
    output = build(load_config(site), search=False).output
    html = (output / "index.html").read_text(encoding="utf-8")
    assert "Published by the Democratic Services team" in html
