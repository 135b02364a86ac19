"""Index a rendered site with Pagefind, run as a subprocess of the `pagefind-bin` wheel's binary."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import UserError


def pagefind_executable() -> Path:
    try:
        import pagefind_bin
    except ImportError:
        raise UserError("Pagefind is not installed: run `pip install pagefind-bin`, or build with --no-search") from None
    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as exc:
        raise UserError(f"the Pagefind binary is missing from pagefind-bin ({exc}); reinstall pagefind-bin") from None


def index_site(site_dir: Path, language: str = "en") -> int:
    """Write `site_dir/pagefind/`; return the number of pages indexed."""
    command = [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--output-subdir", "pagefind",
        "--force-language", language.split("-")[0].lower(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"Pagefind failed: {detail[-1] if detail else 'exit code ' + str(result.returncode)}")
    for line in result.stdout.splitlines():
        # "Indexed 31 pages" is Pagefind's own summary line.
        words = line.strip().split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2].startswith("page"):
            return int(words[1])
    return 0
