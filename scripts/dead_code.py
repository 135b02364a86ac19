"""Unused code in the converter (`make lint`): what vulture finds unused in minutes/papers/.

    python scripts/dead_code.py    # exit 1 naming each unused definition, `path:line: unused … (confidence)`

A use anywhere in the package or the benchmarks counts (`bench/fidelity.py --ablate` switches rules off
through `evidence.disabled`); a use in a test does not, since code only a test calls is dead in the
converter. Rules and their examples' runners are found by the registry's decorators (`@rule`,
`@runner`), never by name, so they are not reported. What else is used in a way vulture cannot see is
named in scripts/dead_code_whitelist.py, each with why. vulture judges by names, not by types: a name
used anywhere counts as used everywhere, so this finds less than there is, never more.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vulture import Vulture
from vulture.utils import ExitCode

CHECKED = "generator/minutes/papers"
READ = ("generator/minutes", "bench", "scripts/dead_code_whitelist.py")
MIN_CONFIDENCE = 60
"""vulture's confidence: 60 for any unused function, class, attribute or variable; 100 for an unused
import, argument or code after a return."""
DECORATORS = ["@rule", "@runner"]


def unused(root: Path) -> list[str]:
    """Each unused definition in CHECKED under `root` (the repository), as `path:line: unused … (confidence)`."""
    scanner = Vulture(ignore_decorators=DECORATORS)
    scanner.scavenge([str(root / path) for path in READ])
    if scanner.exit_code == ExitCode.InvalidInput:  # a file it could not read, said on stderr already
        raise SystemExit(1)
    checked = root / CHECKED
    return sorted(
        f"{Path(item.filename).relative_to(root)}:{item.first_lineno}: {item.message} ({item.confidence}% confidence)"
        for item in scanner.get_unused_code(min_confidence=MIN_CONFIDENCE)
        if Path(item.filename).is_relative_to(checked)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="the repository")
    root = parser.parse_args(argv).root.resolve()
    found = unused(root)
    for line in found:
        print(line)
    if found:
        print(
            f"{len(found)} unused in {CHECKED}: delete it, or name it in scripts/dead_code_whitelist.py "
            "with why it is used",
            file=sys.stderr,
        )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
