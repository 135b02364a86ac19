"""`minutes new DIR`: a site root that builds out of the box."""

from __future__ import annotations

from pathlib import Path

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


def new_site(target: Path) -> Path:
    if target.exists() and any(target.iterdir()):
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
    return target.resolve()
