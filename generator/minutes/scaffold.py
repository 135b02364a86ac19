"""`minutes new DIR`: a site root that builds out of the box."""

from __future__ import annotations

from pathlib import Path

from minutes import __version__
from minutes.core.config import SETTINGS
from minutes.core.errors import UserError

_ABOUT = """\
---
title: About this site
description: What these records are and where they come from.
---

These pages publish the agendas, minutes and reports of the council's meetings.

Each meeting page shows the agenda, the minutes and links to the reports. Use
the search page to find a topic, a person or a decision across every meeting.
"""

_ACCESSIBILITY = """\
---
title: Accessibility statement
description: How accessible this website is and how to report a problem.
---

We want as many people as possible to be able to use this website. It aims to
meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.

## What works

- Every page works without JavaScript, except the search page.
- You can navigate with a keyboard and a screen reader; every page has a skip link.
- The text can be zoomed to 400% without loss of content.

## Reporting a problem

If you find a problem, tell the democratic services team, naming the page.
"""

_PAPERS_README = """\
# Papers

Put the raw papers here as received: text exported from PDF agenda packs, or
ModernGov "Agenda and minutes" pages saved as text. `minutes build` converts
new and changed papers into `content/meetings/`.

A file `<paper>.yaml` beside a paper supplies or corrects facts the paper does
not state, for example `date: 2016-06-08`.
"""


GITHUB_WORKFLOW = ".github/workflows/minutes.yml"
GITHUB_PAGES = """\
# Publish this minutes site on GitHub Pages: on every push to main (new papers,
# corrected records, settings) and by hand (Actions > Publish the minutes site >
# Run workflow). Written by `minutes new --ci github`.
#
# Once: in the repository's Settings > Pages, set "Source" to "GitHub Actions".
# The site is built for the address Pages gives it: https://OWNER.github.io/REPOSITORY/
# (from the repository's name), or the custom domain set there.
name: Publish the minutes site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One publication at a time; a newer push waits for the one under way.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
          cache: pip
      - name: Install Tesseract, for scanned papers
        run: sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-eng
      - name: Install minutes
        run: pip install -r requirements.txt
      - name: Find the site's address
        id: pages
        uses: actions/configure-pages@v5
      - name: Build the site
        run: minutes build --base-url "${{ steps.pages.outputs.base_url }}/"
      - name: Check every link
        run: minutes check --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: output

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Publish to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""


def requirements() -> str:
    """What CI installs: this version of minutes."""
    return (
        "# What the site's CI installs (pip install -r requirements.txt). Point it at where your\n"
        "# minutes comes from if not a package index: a wheel in the repository (./minutes-X.whl)\n"
        "# or a source checkout (minutes @ git+https://…).\n"
        f"minutes=={__version__}\n"
    )


CI_FILES = {"github": {GITHUB_WORKFLOW: GITHUB_PAGES}}
"""The files `minutes new --ci NAME` writes, besides requirements.txt."""


def add_ci(target: Path, ci: str) -> list[Path]:
    """Write the CI files of `ci` into a site root; never over a file that is there."""
    files = {**CI_FILES[ci], "requirements.txt": requirements()}
    present = [name for name in files if (target / name).exists()]
    if present:
        raise UserError(
            f"{target / present[0]} already exists; remove it (or move it aside) to write it again",
        )
    written = []
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def site_yaml() -> str:
    lines = ["# Settings of this minutes site. Every key is optional; shown with its default.", ""]
    for setting in SETTINGS:
        lines.append(f"# {setting.help}")
        default = setting.default
        if isinstance(default, dict):
            lines.append(f"# {setting.name}: {{}}")
        elif isinstance(default, list):
            lines.append(f"# {setting.name}: []")
        elif isinstance(default, bool):
            lines.append(f"# {setting.name}: {'true' if default else 'false'}")
        elif isinstance(default, int):
            lines.append(f"# {setting.name}: {default}")
        elif setting.name == "title":
            lines.append(f"{setting.name}: {default}")
        else:
            lines.append(f'# {setting.name}: "{default}"')
        lines.append("")
    return "\n".join(lines)


def new_site(target: Path, *, ci: str | None = None) -> Path:
    """A new site root; with `ci`, also the files that publish it from that CI service.

    `--ci` on an existing site root (one with a site.yaml) adds only the CI files.
    """
    if target.exists() and any(target.iterdir()):
        if ci and (target / "site.yaml").is_file():
            add_ci(target, ci)
            return target.resolve()
        raise UserError(f"{target} already exists and is not empty; choose a new folder")
    files = {
        "site.yaml": site_yaml(),
        "content/papers/README.md": _PAPERS_README,
        "content/meetings/.gitkeep": "",
        "content/pages/about.md": _ABOUT,
        "content/pages/accessibility.md": _ACCESSIBILITY,
        "themes/README.md": "Put a folder `themes/default/templates/` here to override single templates of the default theme.\n",
        ".gitignore": "/output/\n/.minutes-cache/\n/.minutes-preview/\n/.minutes-lock\n",
    }
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if ci:
        add_ci(target, ci)
    return target.resolve()
