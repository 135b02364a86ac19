"""The interface in English and Welsh: catalogues complete and compiled, dates and counts in Welsh,
`language:` and `languages:` checked, and a site published in both languages with every page
linked to its copy. The browser checks are in test_browser_welsh.py."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from html import unescape
from pathlib import Path

import pytest

from helpers import REPO, copy_demo_site
from minutes.core.config import load_config
from minutes.core.errors import UserError
from minutes.core.i18n import interface, translations


def _catalogues():
    spec = importlib.util.spec_from_file_location("catalogues", REPO / "scripts" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- dates, times and counts ------------------------------------------------------------------

DATES = [
    ("en-GB", dt.date(2014, 1, 15), "Wednesday 15 January 2014"),
    ("cy", dt.date(2014, 1, 15), "Dydd Mercher 15 Ionawr 2014"),
    ("cy", dt.date(2013, 11, 18), "Dydd Llun 18 Tachwedd 2013"),
    ("cy", dt.date(2020, 7, 28), "Dydd Mawrth 28 Gorffennaf 2020"),
    ("cy", dt.date(2013, 9, 13), "Dydd Gwener 13 Medi 2013"),
    ("cy-GB", dt.date(2017, 10, 14), "Dydd Sadwrn 14 Hydref 2017"),
    ("cy", dt.date(2017, 10, 15), "Dydd Sul 15 Hydref 2017"),
    ("cy", dt.date(2017, 10, 12), "Dydd Iau 12 Hydref 2017"),
    ("fr", dt.date(2014, 1, 15), "Wednesday 15 January 2014"),  # no French interface: English throughout
    ("cy", None, "Dyddiad anhysbys"),
    ("en", None, "Date not known"),
]


@pytest.mark.parametrize(("tag", "value", "expected"), DATES)
def test_long_dates(tag, value, expected):
    assert interface(tag).long_date(value) == expected


@pytest.mark.parametrize(
    ("tag", "value", "expected"),
    [
        ("cy", dt.date(2014, 2, 3), "Chwefror 2014"),
        ("cy", dt.date(2013, 12, 31), "Rhagfyr 2013"),
        ("en-GB", dt.date(2013, 12, 31), "December 2013"),
    ],
)
def test_month_headings(tag, value, expected):
    assert interface(tag).month(value) == expected


@pytest.mark.parametrize(
    ("tag", "value", "expected"),
    [
        ("en", "17:30", "5:30pm"),
        ("cy", "17:30", "5:30yh"),
        ("cy", "09:00", "9yb"),
        ("cy", "12:00", "canol dydd"),
        ("cy", "00:00", "hanner nos"),
        ("en", "12:00", "midday"),
        ("cy", "half past five", "half past five"),  # not a time: left as written
    ],
)
def test_clock_times(tag, value, expected):
    assert interface(tag).clock(value) == expected


# Welsh counts: six plural forms, and the mutation each numeral causes (dau: soft, tri and chwe: aspirate).
WELSH_COUNTS = [
    (0, "0 cyfarfod", "0 penderfyniad"),
    (1, "1 cyfarfod", "1 penderfyniad"),
    (2, "2 gyfarfod", "2 benderfyniad"),
    (3, "3 chyfarfod", "3 phenderfyniad"),
    (4, "4 cyfarfod", "4 penderfyniad"),
    (6, "6 chyfarfod", "6 phenderfyniad"),
    (11, "11 cyfarfod", "11 penderfyniad"),
]


@pytest.mark.parametrize(("n", "meetings", "decisions"), WELSH_COUNTS)
def test_welsh_counts_follow_the_welsh_plural_rules(n, meetings, decisions):
    ui = interface("cy")
    assert ui.ngettext("%(num)d meeting", "%(num)d meetings", n) % {"num": n} == meetings
    assert ui.ngettext("%(num)d decision", "%(num)d decisions", n) % {"num": n} == decisions


@pytest.mark.parametrize(
    ("tag", "value", "expected"),
    [
        ("en", "2016", "2016"),
        ("en", "2016-05", "May 2016"),
        ("cy", "2016-05", "Mai 2016"),
        ("en", "2016-05-05", "5 May 2016"),
        ("cy", "2016-06-05", "5 Mehefin 2016"),
        ("cy", "2016-13", "2016-13"),  # not a month: left as written
        ("cy", "someday", "someday"),
    ],
)
def test_partial_dates(tag, value, expected):
    assert interface(tag).partial_date(value) == expected


@pytest.mark.parametrize(
    ("tag", "pages", "size", "span", "shown"),
    [
        ("en", (3, 3), 1, "page 3", "1 byte"),
        ("en", (3, 22), 800, "pages 3–22", "800 bytes"),
        ("cy", (3, 3), 2, "tudalen 3", "2 feit"),  # dau: soft mutation
        ("cy", (3, 22), 800, "tudalennau 3–22", "800 beit"),
        ("cy", (1, 1), 67_584, "tudalen 1", "66 KB"),
        ("cy", (1, 1), 1_258_291, "tudalen 1", "1.2 MB"),
    ],
)
def test_page_spans_and_file_sizes(tag, pages, size, span, shown):
    ui = interface(tag)
    assert (ui.page_span(pages), ui.file_size(size)) == (span, shown)


@pytest.mark.parametrize(
    ("tag", "items", "expected"),
    [
        ("en", ["councillors"], "councillors"),
        ("en", ["councillors", "officers"], "councillors and officers"),
        ("en-GB", ["a", "b", "c"], "a, b and c"),
        ("cy", ["swyddogion", "cynghorwyr"], "swyddogion a chynghorwyr"),  # "a" and its aspirate mutation
        ("cy", ["cynghorwyr", "aelodau eraill"], "cynghorwyr ac aelodau eraill"),  # "ac" before a vowel
        ("cy", ["cynghorwyr", "swyddogion", "pobl"], "cynghorwyr, swyddogion a phobl"),
        ("cy", ["cynghorwyr", "theatrau"], "cynghorwyr a theatrau"),  # already aspirate: left alone
    ],
)
def test_lists_joined_as_each_language_writes_them(tag, items, expected):
    assert interface(tag).and_list(items) == expected


@pytest.mark.parametrize(
    ("fact", "item", "value", "english", "welsh"),
    [
        ("date", "", "2020-03-03", "The date", "Y dyddiad"),
        ("present", "", "", "Who was present", "Pwy oedd yn bresennol"),
        ("decision", "3", "", "The decision of item 3", "Penderfyniad eitem 3"),
        ("decision", "", "", "The decisions", "Y penderfyniadau"),
        ("citation", "2", "2020-02-04", "The meeting named in item 2", "Y cyfarfod a enwir yn eitem 2"),
        (
            "citation",
            "",
            "the minutes of 4 May",
            "The reference “the minutes of 4 May”",
            "Y cyfeiriad “the minutes of 4 May”",
        ),
        ("kind", "", "", "The kind of paper", "Math y papur"),
    ],
)
def test_a_fact_in_doubt_named_in_the_pages_language(fact, item, value, english, welsh):
    from minutes.site.doubts import fact_phrase

    assert fact_phrase(interface("en-GB"), fact, item, value) == english
    assert fact_phrase(interface("cy"), fact, item, value) == welsh


@pytest.mark.parametrize(
    ("message", "welsh"),
    [
        ("Minutes", "Cofnodion"),
        ("Agenda", "Agenda"),
        ("Apologies", "Ymddiheuriadau"),
        ("Present", "Yn bresennol"),
        ("Decisions", "Penderfyniadau"),
        ("Committee", "Pwyllgor"),
        ("Meetings", "Cyfarfodydd"),
        ("Agenda and minutes", "Agenda a chofnodion"),
    ],
)
def test_council_vocabulary_in_welsh(message, welsh):
    assert translations("cy").gettext(message) == welsh
    assert translations("en-GB").gettext(message) == message


# --- the catalogues -----------------------------------------------------------------------------


def test_every_message_is_translated_into_welsh_and_compiled():
    catalogues = _catalogues()
    template = catalogues.extract()
    assert len(template) > 100, "extraction found too few messages: is the Jinja extractor running?"
    # Messages from templates and from the Python code alike.
    places = {where for message in template for where, _ in message.locations}
    assert any(p.startswith("themes/default/templates/") for p in places)
    assert "generator/minutes/site/model.py" in places
    assert catalogues.problems(template) == []


def test_a_template_string_without_a_welsh_translation_fails_the_check(tmp_path):
    catalogues = _catalogues()
    theme = tmp_path / "templates"
    theme.mkdir()
    for source in (REPO / "themes" / "default" / "templates").glob("*.html"):
        (theme / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    page = theme / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + '{{ _("Minutes of the annual meeting") }}\n', encoding="utf-8")
    found = catalogues.problems(catalogues.extract(templates=[theme]))
    assert any("'Minutes of the annual meeting'" in line and "cy/LC_MESSAGES/minutes.po" in line for line in found)


ENGLISH_ONLY = ("review.html", "review_index.html")
"""The review view `minutes serve` shows the site's editors: in English whatever the site's language
(docs/review.md), and marked `lang="en"` so that speech and translation tools know it."""


def test_a_string_left_in_english_in_a_template_is_found(tmp_path):
    """Every text node of the templates goes through the catalogue: no English is left outside it."""
    untranslated = []
    for path in sorted((REPO / "themes" / "default" / "templates").glob("*.html")):
        if path.name in ENGLISH_ONLY:
            continue
        text = re.sub(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", " ", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", " ", text, flags=re.S)
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
        for words in re.findall(r">([^<>]+)<", text):
            if re.search(r"[A-Za-z]{2,}", words):
                untranslated.append(f"{path.name}: {words.strip()!r}")
    assert untranslated == []


@pytest.mark.parametrize("name", ENGLISH_ONLY)
def test_the_review_view_is_marked_english(name):
    """Its page text sits inside `lang="en"`, so a Welsh site's review page does not claim to be Welsh."""
    text = (REPO / "themes" / "default" / "templates" / name).read_text(encoding="utf-8")
    main = text.split("{% block main %}", 1)[1]
    assert re.match(r"\s*(?:{#.*?#}\s*)?<div lang=\"en\">", main, flags=re.S)
    assert main.rstrip().endswith("</div>\n{% endblock %}".rstrip())


# --- settings -------------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "language", "languages"),
    [
        ("language: cy\n", "cy", ()),
        ("languages: [en, cy]\n", "en", ("en", "cy")),
        ("languages: [cy, en]\n", "cy", ("cy", "en")),
        ("language: en-GB\nlanguages: [en, cy]\n", "en-GB", ("en-GB", "cy")),
        ("language: fr\n", "fr", ()),
    ],
)
def test_language_settings(tmp_path, text, language, languages):
    config = load_config(write(tmp_path, text))
    assert (config.language, config.languages) == (language, languages)


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("languages: [en, fr]\n", 1, "'fr' has no interface text"),
        ("languages: cy\n", 1, "must be a list of language tags"),
        ("title: x\nlanguages: [en, cy, cy-GB]\n", 2, "lists 'cy-GB' twice"),
        ("languages: [en, 'c y']\n", 1, "not a language tag"),
        ("language: cy\nlanguages: [en, cy]\n", 2, "list 'cy' first"),
    ],
)
def test_bad_language_settings_name_the_line(tmp_path, text, line, says):
    with pytest.raises(UserError) as caught:
        load_config(write(tmp_path, text))
    assert caught.value.line == line
    assert says in caught.value.message


def test_a_language_copy_links_its_own_pages_and_shares_the_site_files(tmp_path):
    config = load_config(write(tmp_path, "base_url: /minutes/\nlanguages: [en, cy]\n"))
    welsh = config.in_language("cy")
    assert (welsh.language, welsh.tree) == ("cy", "cy")
    assert welsh.link("") == "/minutes/cy/"
    assert welsh.link("cabinet/2014-01-15/") == "/minutes/cy/cabinet/2014-01-15/"
    assert welsh.link("static/style.css") == "/minutes/static/style.css"
    assert welsh.link("papers/pack.pdf") == "/minutes/papers/pack.pdf"
    assert config.in_language("en").link("cabinet/") == "/minutes/cabinet/"


# --- builds ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory):
    from minutes.build import build

    root = copy_demo_site(tmp_path_factory.mktemp("two-languages"))
    config = root / "site.yaml"
    # With the public origin known, as a sitemap and `hreflang` want full addresses.
    config.write_text(
        config.read_text(encoding="utf-8") + "url: https://minutes.example.org\nlanguages: [en, cy]\n", encoding="utf-8"
    )
    result = build(load_config(root), search=False)
    assert not result.errors, result.errors
    return result.output


def _pages(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("index.html") if "pagefind" not in p.parts)


def test_every_page_has_a_welsh_copy_linked_both_ways(two_languages):
    output = two_languages
    english = [p for p in _pages(output) if p.relative_to(output).parts[0] != "cy"]
    welsh = _pages(output / "cy")
    assert len(english) == len(welsh) > 50
    for page in english:
        address = "/" + page.parent.relative_to(output).as_posix().removeprefix(".") + "/"
        address = address.replace("//", "/")
        copy = output / "cy" / page.relative_to(output)
        assert copy.is_file(), f"no Welsh copy of {address}"
        for html, lang in ((page.read_text(encoding="utf-8"), "en-GB"), (copy.read_text(encoding="utf-8"), "cy")):
            assert f'<html lang="{lang}">' in html
            alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
            origin = "https://minutes.example.org"
            assert alternates == {"en-GB": origin + address, "cy": origin + "/cy" + address}, address


def test_the_welsh_copy_shares_the_site_files(two_languages):
    output = two_languages
    html = (output / "cy" / "cabinet-member-for-communities-and-cohesion" / "2013-11-18" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="/static/style.css"' in html
    assert 'href="/cy/cabinet-member-for-communities-and-cohesion/"' in html
    assert re.search(r'href="/papers/[^"]+"', html)
    assert not (output / "cy" / "static").exists()
    assert not (output / "cy" / "papers").exists()
    assert not (output / "cy" / "feed.xml").exists()
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://minutes.example.org/cy/committees/</loc>" in sitemap


def _visible_text(page: Path) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _english_sentences() -> set[str]:
    """The interface's English of three words or more that Welsh says otherwise, cut at each placeholder."""
    found = set()
    for message in _catalogues().read(_catalogues().po_path("cy"), "cy"):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            if not text or text in strings:
                continue
            for part in re.split(r"%\(\w+\)[sd]|<[^>]+>", text):
                part = part.strip(" ,.:;()“”")
                if len(part.split()) >= 3:
                    found.add(part)
    return found


def test_no_page_of_the_welsh_copy_holds_the_interfaces_english(two_languages):
    """Every page of /cy/, whatever main or a theme added to it: no English sentence of the interface is left,
    except where the records themselves say it (their words are never translated)."""
    sentences = _english_sentences()
    assert len(sentences) > 80
    records = " ".join(
        " ".join(p.read_text(encoding="utf-8").split()) for p in (two_languages.parent / "content").rglob("*.md")
    )
    leaks = []
    for page in sorted((two_languages / "cy").rglob("*.html")):
        text = _visible_text(page)
        leaks += [
            f"{page.relative_to(two_languages)}: {s!r}" for s in sorted(sentences) if s in text and s not in records
        ]
    assert leaks == []
    # The English pages hold them, so the scan can find them.
    assert "Not yet confirmed" in _visible_text(
        two_languages / "improving-lives-select-commission/2020-07-28/index.html"
    )


def test_an_items_words_against_its_pack_in_welsh(two_languages):
    """The demo's 28 July 2020 item 2 names the minutes of 16 June 2020 and carries those of 3 March 2020."""
    html = unescape((two_languages / "cy/improving-lives-select-commission/2020-07-28/index.html").read_text("utf-8"))
    second = html[html.index('id="item-2"') : html.index('id="item-3"')]
    assert (
        "Mae eitem 2 yn enwi cofnodion cyfarfod Dydd Mawrth 16 Mehefin 2020, ond cofnodion Dydd Mawrth 3 Mawrth "
        "2020 yw'r rhai y mae'r pecyn yn eu hatodi iddi." in second
    )
    assert "Nid oes gan y wefan hon gofnod o gyfarfod Dydd Mawrth 16 Mehefin 2020 y mae'n ei enwi." in second
    documents = _visible_text(two_languages / "cy/improving-lives-select-commission/2020-07-28/index.html")
    assert "Dogfennau" in documents and "Gwreiddiol:" in documents and "(Testun, 78 KB)" in documents


def test_the_english_pages_of_a_two_language_site_stay_english(two_languages):
    html = (two_languages / "committees" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Committees</h1>" in html and "2 meetings" in html
    welsh = (two_languages / "cy" / "committees" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Pwyllgorau</h1>" in welsh and "2 gyfarfod" in welsh and "3 chyfarfod" in welsh


def test_an_edited_body_is_rendered_again_in_every_language(tmp_path):
    from minutes.build import SiteBuilder

    root = copy_demo_site(tmp_path / "site")
    config = root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "languages: [en, cy]\n", encoding="utf-8")
    builder = SiteBuilder(load_config(root), search=False, jobs=1)
    assert not builder.build().errors
    minutes = root / "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"
    minutes.write_text(
        minutes.read_text(encoding="utf-8").replace(
            "No Declarations of Interest were made.", "Nothing declared today."
        ),
        encoding="utf-8",
    )
    update = builder.update_bodies([minutes])
    assert update is not None
    assert sorted(update.written) == [
        "cabinet-member-for-communities-and-cohesion/2013-11-18/index.html",
        "cy/cabinet-member-for-communities-and-cohesion/2013-11-18/index.html",
    ]
    welsh = (builder.output / update.written[1]).read_text(encoding="utf-8")
    assert "Nothing declared today." in welsh and '<html lang="cy">' in welsh


def test_an_item_on_one_page_of_the_pack_says_page_in_each_language(tmp_path):
    from minutes.build import build
    from minutes.papers.files import convert_papers

    root = copy_demo_site(tmp_path / "site")
    config = root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "languages: [en, cy]\n", encoding="utf-8")
    convert_papers(load_config(root), jobs=1)
    agenda = root / "content/meetings/improving-lives-select-commission/2020-07-28/agenda.md"
    agenda.write_text(agenda.read_text(encoding="utf-8").replace("pages: 12-16", "pages: '12'"), encoding="utf-8")
    result = build(load_config(root), search=False)
    assert not result.errors, result.errors
    shown = {}
    for lang, folder in (("en", result.output), ("cy", result.output / "cy")):
        html = unescape((folder / "improving-lives-select-commission/2020-07-28/index.html").read_text("utf-8"))
        shown[lang] = re.findall(r'<p class="pack-pages">(.*?)</p>', html)
    assert shown["en"][:2] == ["Pages 1–11 of the agenda pack", "Page 12 of the agenda pack"]
    assert shown["cy"][:2] == ["Tudalennau 1–11 o'r pecyn agenda", "Tudalen 12 o'r pecyn agenda"]
