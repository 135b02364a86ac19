"""`minutes check`: content problems and broken internal links or anchors, as file:line: message."""

import shutil

import pytest

from helpers import copy_demo_site, run_minutes
from minutes.check import check_output


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_demo_site(tmp_path_factory.mktemp("check"))
    result = run_minutes("build", "--site", str(root), "--no-search")
    assert result.returncode == 0, result.stderr
    return root


def test_a_clean_build_has_no_broken_links(built):
    result = run_minutes("check", "--site", str(built))
    assert result.returncode == 0, result.stderr
    assert "0 problems found" in result.stderr


def test_broken_link_is_named_with_page_and_link(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built, site)
    page = site / "output" / "committees" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</main>", '<a href="/no-such-committee/">gone</a>\n</main>'), encoding="utf-8")
    result = run_minutes("check", "--site", str(site))
    assert result.returncode == 1
    line = next(line for line in result.stderr.splitlines() if "no-such-committee" in line)
    assert line.startswith("output/committees/index.html:")
    assert "broken link '/no-such-committee/'" in line


CASES = [
    # (link added to the home page, words of the problem, or "" if the link is fine)
    ('<a href="/committees/">ok</a>', ""),
    ('<a href="/committees/#nowhere">x</a>', "no element with id 'nowhere'"),
    ('<a href="#main">skip</a>', ""),
    ('<a href="#missing">x</a>', "no element with id 'missing'"),
    ('<a href="committees/">relative</a>', ""),
    ('<a href="../outside/">x</a>', "no such page"),
    ('<img src="/static/missing.png" alt="">', "no such page"),
    ('<a href="https://example.org/">external</a>', ""),
    ('<a href="mailto:someone@example.org">mail</a>', ""),
    ('<a href="#">watch the webcast here</a>', "placeholder link '#' leads nowhere"),
    ('<a href="">x</a>', "placeholder link '' leads nowhere"),
    ("<a href>x</a>", "placeholder link '' leads nowhere"),
    ('<a href="javascript:void(0)">x</a>', "placeholder link 'javascript:void(0)' leads nowhere"),
    ('<a href=" JavaScript:alert(1)">x</a>', "leads nowhere"),
    ('<map name="m"><area href="#" alt="x"></map>', "placeholder link '#' leads nowhere"),
    (
        '<script type="application/ld+json">{"@type": "Event", "url": "/committees/"}</script>',
        "schema.org url '/committees/' is not a full address",
    ),
    ('<script type="application/ld+json">{"location": [{"url": "https://example.org/"}]}</script>', ""),
]


@pytest.mark.parametrize(("link", "words"), CASES)
def test_link_rules(built, tmp_path, link, words):
    output = tmp_path / "output"
    shutil.copytree(built / "output", output)
    home = output / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</main>", link + "</main>"), encoding="utf-8")
    messages = [p.message for p in check_output(output) if p.path.endswith("/index.html") and p.path.count("/") == 1]
    if words:
        assert any(words in m for m in messages), messages
    else:
        assert messages == []


def test_a_link_the_paper_lost_is_published_as_its_words(built):
    """The agenda of 28 July 2020 says the meeting can be viewed "[via the Council's website](#)"."""
    page = (built / "output" / "improving-lives-select-commission" / "2020-07-28" / "index.html").read_text("utf-8")
    assert "available to view via the Council's website." in page
    assert 'href="#"' not in page


ADDRESS_CASES = [
    # (file, text written to it, words of the problem, or "" when it is right)
    (
        "sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/</loc></url></urlset>',
        "'/' is not a full address, which every <loc> of a sitemap must be",
    ),
    (
        "sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://minutes.example.org/</loc></url></urlset>",
        "",
    ),
    ("sitemap.xml", "<urlset><url><loc>https://a.org/</loc></url>", "not well-formed XML"),
    ("robots.txt", "User-agent: *\nSitemap: /sitemap.xml\n", "robots.txt's Sitemap line"),
    ("robots.txt", "User-agent: *\nSitemap: https://minutes.example.org/sitemap.xml\n", ""),
    (
        "calendar.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20240101T000000Z\r\n"
        "DTSTART;VALUE=DATE:20240101\r\nURL:/cabinet/2024-01-01/\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "'/cabinet/2024-01-01/' is not a full address, which a calendar event's URL must be",
    ),
    (
        "calendar.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20240101T000000Z\r\n"
        "DTSTART;VALUE=DATE:20240101\r\nCONFERENCE;VALUE=URI:webcast.html\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "which a calendar event's CONFERENCE must be",
    ),
    (
        "feed.xml",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>/feed.xml</id></feed>',
        "id '/feed.xml' is not an IRI",
    ),
    (
        "feed.xml",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66</id></feed>',
        "",
    ),
]


@pytest.mark.parametrize(("name", "text", "words"), ADDRESS_CASES)
def test_addresses_a_standard_wants_full(built, tmp_path, name, text, words):
    output = tmp_path / "output"
    shutil.copytree(built / "output", output)
    (output / name).write_text(text, encoding="utf-8", newline="")
    messages = [p.message for p in check_output(output) if p.path == f"output/{name}"]
    if words:
        assert any(words in m for m in messages), messages
    else:
        assert messages == []


def test_a_site_with_url_passes_the_check_with_its_sitemap(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    (root / "site.yaml").write_text(
        (root / "site.yaml").read_text(encoding="utf-8") + "url: https://minutes.example.org\n", encoding="utf-8"
    )
    build = run_minutes("build", "--site", str(root), "--no-search")
    assert build.returncode == 0 and "`url` is not set" not in build.stderr, build.stderr
    assert (root / "output" / "sitemap.xml").is_file()
    result = run_minutes("check", "--site", str(root))
    assert result.returncode == 0 and "0 problems found" in result.stderr, result.stderr


def test_the_build_warns_once_without_url(built):
    # `built` was made by `minutes build` on the demo, whose site.yaml sets no url.
    assert not (built / "output" / "sitemap.xml").exists()
    result = run_minutes("build", "--site", str(built), "--no-search")
    warnings = [line for line in result.stderr.splitlines() if "`url` is not set" in line]
    assert warnings == [
        "site.yaml: warning: `url` is not set, so no sitemap.xml is written and calendars, feeds and schema.org "
        "data cannot give full addresses of pages; set url: to the site's public origin, e.g. "
        "url: https://minutes.example.org"
    ]
    assert run_minutes("build", "--site", str(built), "--no-search", "--strict").returncode == 1


def test_duplicate_ids_are_reported(built, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(built / "output", output)
    home = output / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</main>", '<p id="main">x</p></main>'), encoding="utf-8")
    assert any("duplicate id 'main'" in p.message for p in check_output(output))


CONTENT_CASES = [
    # (file name, front-matter lines, words of the problem)
    ("minutes.md", "kind: minutes\ncommittee: Cabinet\ndate: 2015-03-10\n", "disagrees with the folder 2015-03-09"),
    (
        "minutes.md",
        "kind: minutes\ncommittee: Cabinet\nitems:\n  - {number: '1', title: A, anchor: item-1}\n"
        "  - {number: '1', title: B, anchor: item-1}\n",
        "two items share the anchor 'item-1'",
    ),
    ("minutes.md", "kind: memo\ncommittee: Cabinet\n", "kind: 'memo' is not one of"),
    ("minutes.md", "kind: minutes\ncommittee: Cabinet\ntime: 2pm\n", "time: '2pm' is not a 24-hour HH:MM time"),
]


@pytest.mark.parametrize(("name", "front", "words"), CONTENT_CASES)
def test_content_problems_are_listed_with_file_and_line(tmp_path, name, front, words):
    folder = tmp_path / "content" / "meetings" / "cabinet" / "2015-03-09"
    folder.mkdir(parents=True)
    (folder / name).write_text(f"---\n{front}---\n\nText.\n", encoding="utf-8")
    (folder / "agenda.md").write_text("---\nkind: agenda\ncommittee: Cabinet\n---\n", encoding="utf-8")
    # A record the build cannot use fails it; --keep-going publishes the rest for the checker to read.
    build = run_minutes("build", "--site", str(tmp_path), "--no-search", "--keep-going")
    assert "Traceback" not in build.stderr and (tmp_path / "output" / "index.html").is_file(), build.stderr
    result = run_minutes("check", "--site", str(tmp_path))
    assert result.returncode == 1
    line = next((line for line in result.stderr.splitlines() if words in line), None)
    assert line is not None, result.stderr
    assert line.startswith(f"content/meetings/cabinet/2015-03-09/{name}:")
