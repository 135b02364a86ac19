"""A published site never states a doubt as a fact: `unreviewed: mark | omit | refuse`, and `check --reviewed`.

Each test converts a small paper with the real command line, writes doubts
into the record as a converter (or a person) would, and reads what `minutes
build` publishes and what `minutes check --reviewed` says.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from helpers import PLANNING_MINUTES, run_minutes

PAPER = PLANNING_MINUTES
RECORD = "content/meetings/planning-committee/2020-03-03/minutes.md"
PAGE = "planning-committee/2020-03-03/index.html"
REVIEW = """\
review:
- fact: date
  value: '2020-03-03'
  why: the heading's date is the only one the paper prints
  lines: [4, 4]
  confidence: 0.35
- fact: present
  why: the chair may be counted twice
  lines: [6, 6]
  confidence: 0.5
- fact: decision
  item: '3'
  why: the resolution may be the officers' recommendation
  lines: [19, 19]
  confidence: 0.4
- fact: citation
  item: '2'
  value: '2020-02-04'
  why: the minutes approved may be of another meeting
  lines: [13, 13]
  confidence: 0.5
reviewed: false
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("unreviewed") / "site"
    (root / "content" / "papers").mkdir(parents=True)
    (root / "site.yaml").write_text(
        "title: Hightown minutes\ncouncil: Hightown Town Council\nbuild_date: 2021-01-01\n", encoding="utf-8"
    )
    (root / "content" / "papers" / "planning-2020-03-03.txt").write_text(PAPER, encoding="utf-8")
    result = run_minutes("convert", "--site", str(root))
    assert result.returncode == 0, result.stderr
    record = root / RECORD
    text = record.read_text(encoding="utf-8")
    assert "\nwarnings: []\n---\n" in text, text
    record.write_text(text.replace("\nwarnings: []\n---\n", "\nwarnings: []\n" + REVIEW + "---\n"), encoding="utf-8")
    return root


@pytest.fixture()
def site(converted, tmp_path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(converted, root)
    return root


def setting(root: Path, line: str) -> None:
    path = root / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def build(root: Path, *args: str):
    return run_minutes("build", "--site", str(root), "--no-search", *args)


def read(root: Path, page: str) -> str:
    return (root / "output" / page).read_text(encoding="utf-8")


def fact(html: str, name: str) -> str | None:
    """The text of the meeting's fact `name` (its <dd>, tags stripped), or None when the page leaves it out."""
    match = re.search(rf"<dt>{name}</dt>\s*<dd>(.*?)</dd>", html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


def _text(html: str) -> str:
    """A page's words, tags stripped."""
    return unescape(re.sub(r"<[^>]+>", " ", html))


def item(html: str, anchor: str) -> str:
    """The HTML of one item of the meeting page."""
    start = html.index(f'id="{anchor}"')
    end = html.find('<li class="item">', start)
    return html[start : end if end > 0 else len(html)]


def test_by_default_each_doubtful_fact_is_published_marked_unconfirmed(site):
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = read(site, PAGE)
    assert fact(html, "Date") == "Tuesday 3 March 2020 unconfirmed"
    assert fact(html, "Present") == "Councillor Smith, Councillor Jones, Councillor Brown unconfirmed"
    assert fact(html, "Chair") == "Councillor Smith"  # not in doubt: no mark
    assert fact(html, "Time") == "7pm"
    decided = item(html, "item-3")
    assert re.search(r'<p class="label">Resolved <span class="unconfirmed">', decided)
    assert 'class="unconfirmed"' not in item(html, "item-1")
    # The reference of item 2 (the minutes it approves) is marked where it is listed.
    references = html[html.index('id="references-heading"') :]
    assert re.search(r"4th February, 2020.*?<span class=\"unconfirmed\">", references, re.S)
    notice = unescape(html[html.index('id="unconfirmed"') : html.index("</div>", html.index('id="unconfirmed"'))])
    for why in (
        "The date (2020-03-03): the heading's date is the only one the paper prints",
        "Who was present: the chair may be counted twice",
        "The decision of item 3: the resolution may be the officers' recommendation",
        "The meeting named in item 2: the minutes approved may be of another meeting",
    ):
        assert why in notice
    # Lists of meetings and the decisions register say so too.
    home = read(site, "index.html")
    assert re.search(r"Planning Committee, Tuesday 3 March 2020</a> <span class=\"unconfirmed\">", home)
    register = read(site, "decisions/2020/index.html")
    titles = dict(
        re.findall(
            r'class="decision-title"[^>]*><a [^>]*>(?:<span class="number">)?\d\.(?:</span>)? ([^<]*)</a>(.*?)</h\d>',
            register,
        )
    )
    assert set(titles) == {"Minutes of the Previous Meeting", "Planning Application 20/0001 - Land at Mill Lane"}
    assert 'class="unconfirmed"' in titles["Planning Application 20/0001 - Land at Mill Lane"]
    assert 'class="unconfirmed"' not in titles["Minutes of the Previous Meeting"]
    # Machines read event data as fact: a meeting whose date is in doubt gives them none.
    assert "application/ld+json" not in html


def test_with_omit_the_doubtful_facts_are_left_out_and_the_page_says_so(site):
    setting(site, "unreviewed: omit")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = read(site, PAGE)
    assert fact(html, "Date") == "Not confirmed"
    assert fact(html, "Present") is None
    assert fact(html, "Chair") == "Councillor Smith"
    assert '<h1 data-pagefind-meta="title">Planning Committee (date not confirmed)</h1>' in html
    assert "Tuesday 3 March 2020" not in html
    assert 'class="unconfirmed"' not in html
    # The decision's words stay in the minute, but nothing states them as a decision.
    decided = item(html, "item-3")
    assert "That the application be approved." in unescape(decided)
    assert 'class="resolutions"' not in decided
    nav = html[html.index('id="contents-heading"') : html.index("</nav>", html.index('id="contents-heading"'))]
    assert nav.count("Decision made") == 1  # item 2's, not item 3's
    assert "That the application be approved." not in read(site, "decisions/2020/index.html")
    assert "That the minutes of the meeting held on 4th February" in unescape(read(site, "decisions/2020/index.html"))
    notice = unescape(html[html.index('id="unconfirmed"') :])
    assert (
        "this page leaves out: The date; Who was present; The decision of item 3; The meeting named in item 2."
        in notice
    )
    assert "Planning Committee (date not confirmed)" in read(site, "index.html")


def test_with_refuse_the_build_fails_naming_each_record_and_publishes_nothing(site):
    setting(site, "unreviewed: refuse")
    result = build(site)
    assert result.returncode == 1
    record = (site / RECORD).read_text(encoding="utf-8").split("\n")
    line = record.index("- fact: date") + 1
    assert (
        f"{RECORD}:{line}: error: 4 unreviewed doubts (date, who was present, decision of item 3, meeting named "
        "in item 2); the site is set to refuse them"
    ) in result.stderr
    assert "nothing was published" in result.stderr
    assert not (site / "output").exists()
    # Kept going, it publishes, with the doubts left out.
    kept = build(site, "--keep-going")
    assert kept.returncode == 1
    assert fact(read(site, PAGE), "Date") == "Not confirmed"


def test_check_reviewed_fails_while_a_doubt_is_open_and_passes_once_cleared(site):
    record = site / RECORD
    result = run_minutes("check", "--reviewed", "--site", str(site))
    assert result.returncode == 1
    doubts = [line for line in result.stderr.splitlines() if ": doubt: " in line]
    lines = record.read_text(encoding="utf-8").split("\n")
    said = []
    for line in doubts:
        where, what = line.split(": doubt: ", 1)
        path, number = where.rsplit(":", 1)
        assert path == RECORD
        assert lines[int(number) - 1].startswith("- fact: ")
        said.append(what)
    assert said == [
        "date '2020-03-03' — the heading's date is the only one the paper prints (paper line 4) (confidence 35 %)",
        "who was present — the chair may be counted twice (paper line 6) (confidence 50 %)",
        "decision of item 3 — the resolution may be the officers' recommendation (paper line 19) (confidence 40 %)",
        "meeting named in item 2 '2020-02-04' — the minutes approved may be of another meeting (paper line 13) "
        "(confidence 50 %)",
    ]
    assert "4 open doubts in 1 record" in result.stderr
    # A person checks the date and deletes its entry: three are left.
    text = record.read_text(encoding="utf-8")
    start = text.index("- fact: date")
    record.write_text(text[:start] + text[text.index("- fact: present") :], encoding="utf-8")
    assert "3 open doubts in 1 record" in run_minutes("check", "--reviewed", "--site", str(site)).stderr
    # Then the rest: the record is reviewed, and the check passes; the published page marks nothing.
    record.write_text(record.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    cleared = run_minutes("check", "--reviewed", "--site", str(site))
    assert cleared.returncode == 0, cleared.stderr
    assert "0 open doubts in 0 records" in cleared.stderr
    assert build(site).returncode == 0
    assert 'class="unconfirmed"' not in read(site, PAGE)
    assert fact(read(site, PAGE), "Date") == "Tuesday 3 March 2020"


def _words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_a_welsh_site_marks_its_doubts_and_says_why_in_welsh(site):
    """The marks and the notice are the interface's, in the page's language; the reasons are the record's words."""
    setting(site, "language: cy")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = read(site, PAGE)
    assert fact(html, "Dyddiad") == "Dydd Mawrth 3 Mawrth 2020 heb ei gadarnhau"
    assert fact(html, "Yn bresennol") == "Councillor Smith, Councillor Jones, Councillor Brown heb ei gadarnhau"
    assert fact(html, "Cadeirydd") == "Councillor Smith"
    notice = _words(html[html.index('id="unconfirmed"') : html.index("</div>", html.index('id="unconfirmed"'))])
    assert notice.split("> ", 1)[1].startswith(
        "Heb ei gadarnhau eto. Darllenwyd y cofnodion hyn o bapurau'r cyngor gan raglen"
    )
    for why in (
        "Y dyddiad (2020-03-03): the heading's date is the only one the paper prints",
        "Pwy oedd yn bresennol: the chair may be counted twice",
        "Penderfyniad eitem 3: the resolution may be the officers' recommendation",
        "Y cyfarfod a enwir yn eitem 2: the minutes approved may be of another meeting",
    ):
        assert why in notice
    words = _words(html)
    for english in ("unconfirmed", "Not yet confirmed", "The date", "Who was present", "The decision of item"):
        assert english not in words
    # The mark names what it marks to a screen reader, in Welsh too.
    assert '<span class="unconfirmed">heb ei gadarnhau<span class="visually-hidden"> penderfyniad</span></span>' in html


def test_a_welsh_site_that_leaves_doubts_out_says_so_in_welsh(site):
    setting(site, "language: cy\nunreviewed: omit")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = read(site, PAGE)
    assert fact(html, "Dyddiad") == "Heb ei gadarnhau"
    assert '<h1 data-pagefind-meta="title">Planning Committee (dyddiad heb ei gadarnhau)</h1>' in html
    assert (
        "mae'r dudalen hon yn hepgor: Y dyddiad; Pwy oedd yn bresennol; Penderfyniad eitem 3; "
        "Y cyfarfod a enwir yn eitem 2." in _words(html)
    )


def test_the_demo_says_where_an_item_and_its_paper_disagree(demo_build):
    """The 28 July 2020 agenda's item 2 names the minutes of 16 June 2020 and carries those of 3 March 2020;
    the 15 January 2014 agenda's item 10 names the Youth Cabinet of 26 September 2013 and carries another."""
    _root, result = demo_build
    july = unescape((result.output / "improving-lives-select-commission/2020-07-28/index.html").read_text("utf-8"))
    second = july[july.index('id="item-2"') : july.index('id="item-3"')]
    assert (
        "Item 2 names the minutes of the meeting of Tuesday 16 June 2020, but the minutes the pack attaches to it "
        "are those of Tuesday 3 March 2020." in second
    )
    assert "This site holds no record of the meeting of Tuesday 16 June 2020 that it names." in second
    january = unescape(
        (result.output / "children-young-people-and-families-partnership/2014-01-15/index.html").read_text("utf-8")
    )
    tenth = january[january.index('id="item-10"') : january.index('id="item-11"')]
    # The Youth Cabinet's minutes print 26 November 2014, after this meeting: the converter filed them under the
    # pack's date and doubted it, and said once, in its review entries, what the item and the minutes print.
    # The page marks the filed date and says why; it does not compare the item's words with a date nobody printed.
    assert "Minutes: Rotherham Youth Cabinet, Wednesday 15 January 2014" in " ".join(_text(tenth).split())
    assert 'class="unconfirmed"' in tenth
    assert "the minutes the pack attaches to it" not in tenth
    assert (
        "item 10 names the minutes of 26 September 2013, but the minutes in the pack print 26 November 2014"
        in " ".join(_text(january).split())
    )
    youth = unescape((result.output / "rotherham-youth-cabinet/2014-01-15/index.html").read_text("utf-8"))
    assert "the minutes print 26 November 2014 inside a pack of January 2014 papers" in youth
    # An item whose words and paper agree says nothing of the kind.
    second_january = january[january.index('id="item-2"') : january.index('id="item-3"')]
    assert 'class="check"' not in second_january


def test_check_reviewed_fails_on_the_demo_until_its_doubts_are_cleared(demo_build, tmp_path):
    root = tmp_path / "demo"
    shutil.copytree(demo_build[0], root, ignore=shutil.ignore_patterns("output", ".minutes-*"))
    result = run_minutes("check", "--reviewed", "--site", str(root))
    assert result.returncode == 1
    doubtful = sorted({line.split(":", 1)[0] for line in result.stderr.splitlines() if ": doubt: " in line})
    assert "content/meetings/improving-lives-select-commission/2020-07-28/agenda.md" in doubtful
    for path in doubtful:
        record = root / path
        text = record.read_text(encoding="utf-8")
        head, fence, body = text.partition("\n---\n")
        record.write_text(head.replace("\nreviewed: false", "") + "\nreviewed: true" + fence + body, encoding="utf-8")
    cleared = run_minutes("check", "--reviewed", "--site", str(root))
    assert cleared.returncode == 0, cleared.stderr
