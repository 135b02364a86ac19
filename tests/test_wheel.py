"""`pip install` is a real way to get the tool: a wheel built from the repo carries the default theme.

The wheel is built with `python -m build` (an sdist first, then the wheel from
it, so both carry the theme), installed into a throwaway virtual environment
(not editable, dependencies from the package index), and used there as a new
user would: `minutes new mysite && cd mysite && minutes build`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from helpers import REPO

SOURCES = ("pyproject.toml", "README.md", "generator", "themes")
SCRATCH = shutil.ignore_patterns("__pycache__", "*.egg-info")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `python -m build` makes of the repository."""
    work = tmp_path_factory.mktemp("wheel")
    # Built from a private copy of what a release holds: the build writes its
    # scratch folders (build/, minutes-0.1.0/, *.egg-info) beside the sources,
    # and two test workers building in the repository at once would race.
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=SCRATCH)
        else:
            shutil.copy2(REPO / name, source / name)
    dist = work / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(source)], capture_output=True, text=True
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheels = list(dist.glob("minutes-*.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The bin/ folder of a fresh virtual environment with the wheel installed."""
    env = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env)
    pip = subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True
    )
    assert pip.returncode == 0, pip.stderr[-2000:]
    return env / "bin"


def test_wheel_holds_every_module_and_the_default_theme(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    code = REPO / "generator"
    modules = {p.relative_to(code).as_posix() for p in (code / "minutes").rglob("*.py")}
    assert modules - names == set(), "add the missing package folders to [tool.setuptools] packages"
    theme = {
        "minutes/themes/" + p.relative_to(REPO / "themes").as_posix()
        for p in (REPO / "themes").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert theme - names == set()
    assert "minutes/themes/default/templates/meeting.html" in names
    # The interface's compiled catalogues (what a site reads) and their sources.
    catalogues = {
        "minutes/" + p.relative_to(code / "minutes").as_posix()
        for p in (code / "minutes" / "locale").rglob("*")
        if p.suffix in (".mo", ".po", ".pot")
    }
    assert "minutes/locale/cy/LC_MESSAGES/minutes.mo" in catalogues
    assert catalogues - names == set(), "add the catalogues to [tool.setuptools.package-data]"


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    # A clean environment: the installed tool must not reach back into the repository.
    result = subprocess.run(
        [str(bin_dir / "minutes"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(cwd)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_installed_tool_builds_a_new_site(installed, tmp_path):
    run(installed, "new", "mysite", cwd=tmp_path)
    site = tmp_path / "mysite"
    run(installed, "build", cwd=site)
    output = site / "output"
    assert 'class="skip-link"' in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "static" / "style.css").read_bytes() == (REPO / "themes/default/static/style.css").read_bytes()
    # A new site holds no records yet: its search page says so instead of loading an empty index.
    assert "There are no records to search yet." in (output / "search" / "index.html").read_text(encoding="utf-8")
    run(installed, "check", cwd=site)
    # A paper dropped in is converted, published and indexed by the installed Pagefind.
    shutil.copy(REPO / "content" / "papers" / "000_86c187667cde2ece.txt", site / "content" / "papers")
    # So is a Word 97-2003 paper: its reader's library (olefile) came with the package.
    shutil.copy(REPO / "tests" / "fixtures" / "doc" / "tayport-cc_2019-12-02_minutes.doc", site / "content" / "papers")
    run(installed, "build", cwd=site)
    assert (output / "pagefind" / "pagefind-ui.js").is_file()
    assert list((site / "content" / "meetings").rglob("minutes.md"))
    (from_doc,) = (site / "content" / "meetings").glob("*/2019-12-02/minutes.md")
    assert "Mr D Gray" in from_doc.read_text(encoding="utf-8")
    run(installed, "check", cwd=site)


def test_installed_tool_builds_a_site_theme_that_extends_the_default(installed, tmp_path):
    run(installed, "new", "mysite", cwd=tmp_path)
    site = tmp_path / "mysite"
    theme = site / "themes" / "civic"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (theme / "templates" / "index.html").write_text(
        "{% extends 'default:index.html' %}{% block main %}<p class=\"civic\">Civic edition</p>{{ super() }}{% endblock %}",
        encoding="utf-8",
    )
    (theme / "static" / "civic.css").write_text(".civic { color: #111; }\n", encoding="utf-8")
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\ntheme: civic\n", encoding="utf-8")
    run(installed, "build", "--no-search", cwd=site)
    html = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<p class="civic">Civic edition</p>' in html
    assert "Recent meetings" in html  # the default template, reached through default:
    assert (site / "output" / "static" / "civic.css").is_file()
    assert (site / "output" / "static" / "search.js").is_file()  # the default theme's static files too


def test_installed_tool_builds_a_welsh_site(installed, tmp_path):
    """The catalogues come with the wheel: `language: cy` gives the Welsh interface with no checkout around."""
    run(installed, "new", "mysite", cwd=tmp_path)
    site = tmp_path / "mysite"
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\nlanguage: cy\n", encoding="utf-8")
    shutil.copy(REPO / "content" / "papers" / "000_86c187667cde2ece.txt", site / "content" / "papers")
    run(installed, "build", "--no-search", cwd=site)
    html = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in html
    assert "Cyfarfodydd diweddar" in html and "Pwyllgorau" in html
    assert re.search(r"Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d+ \w+ \d{4}", html)
