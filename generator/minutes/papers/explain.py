"""`minutes convert --explain PAPER`: how the converter read each line of a paper.

One line of output per line of the paper: its number, what became of it (which file it
went to, or which export artefact it was recognised as), and the line itself.
"""

from __future__ import annotations

from pathlib import Path

from minutes.core.config import SiteConfig
from minutes.core.errors import UserError
from minutes.papers import housestyle
from minutes.papers.convert import convert_with_roles
from minutes.papers.files import _display
from minutes.papers.readers import ReadLimits, read_paper
from minutes.papers.sidecar import read_sidecar, sidecar_path


def explain_paper(config: SiteConfig, path: Path) -> list[str]:
    """How the paper was read: its format and pages, each document found with the evidence for
    its kind and facts, then every line: "  12 | artefact: running header | COMMUNITIES AND …"."""
    root = config.root.resolve()
    path = path if path.is_absolute() else (Path.cwd() / path)
    shown = _display(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the paper: {exc.strerror or exc}", shown) from None
    decoded = read_paper(data, shown, ReadLimits.of(config))
    overrides, _ = read_sidecar(sidecar_path(path), _display(sidecar_path(path), root))
    style_path = root / config.house_style
    style, _ = housestyle.read(style_path, _display(style_path, root))
    conversion = convert_with_roles(
        decoded,
        shown,
        overrides,
        config.committees,
        council=config.council,
        default_committee=config.default_committee,
        style=style,
    )
    out = [f"{shown}: read as {decoded.format}, {len(decoded.lines)} lines"]
    if not style.is_empty():
        out.append(
            f"read with the house style in {_display(style_path, root)} (facts from it name a header.known-* "
            "or items.house-* rule)"
        )
    out += [str(p) for p in decoded.problems]
    for page in decoded.pages:
        notes = [page.layer]
        if page.printed_page:
            notes.append(f"printed page {page.printed_page}")
        if page.ocr:
            notes.append("OCR")
        if page.columns > 1:
            notes.append(f"{page.columns} columns")
        if page.tables:
            notes.append(f"{page.tables} table(s)")
        if page.headings:
            notes.append(f"{page.headings} heading(s)")
        if page.furniture:
            notes.append("furniture removed: " + "; ".join(repr(f) for f in page.furniture))
        notes += list(page.notes)
        out.append(f"page {page.number}: " + ", ".join(notes))
    for n, evidence in enumerate(conversion.evidence, start=1):
        out.append(f"document {n}: {evidence[0]}")
        out += list(evidence[1:])
    width = max(4, len(str(conversion.lines[-1].number if conversion.lines else 0)))
    for i, line in enumerate(conversion.lines):
        role = conversion.roles.get(i, "blank")
        out.append(f"{line.number:>{width}} | {role} | {line.source}".rstrip())
    return out
