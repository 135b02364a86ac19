"""`minutes convert --explain PAPER`: how the converter read each line of a paper.

One line of output per line of the paper: its number, what became of it (which file it
went to, or which export artefact it was recognised as), and the line itself.
"""

from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from ..errors import UserError
from .convert import convert_with_roles
from .files import _display
from .readers import read_paper
from .sidecar import read_sidecar, sidecar_path


def explain_paper(config: SiteConfig, path: Path) -> list[str]:
    """"  12 | artefact: running header | COMMUNITIES AND COHESION - 18/11/13" for every line."""
    root = config.root.resolve()
    path = path if path.is_absolute() else (Path.cwd() / path)
    shown = _display(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the paper: {exc.strerror or exc}", shown) from None
    decoded = read_paper(data, shown)
    overrides, _ = read_sidecar(sidecar_path(path), _display(sidecar_path(path), root))
    conversion = convert_with_roles(decoded, shown, overrides, config.committees, council=config.council)
    out = [str(p) for p in decoded.problems]
    width = len(str(len(conversion.lines)))
    for line in conversion.lines:
        role = conversion.roles.get(line.number, "blank")
        out.append(f"{line.number:>{max(4, width)}} | {role} | {line.source}".rstrip())
    return out
