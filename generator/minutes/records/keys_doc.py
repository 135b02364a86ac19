"""Write the table of front-matter keys in docs/front-matter.md from the record's declarations.

`python -m minutes.records.keys_doc docs/front-matter.md` (what `make docs` runs) rewrites
the table between its markers; with `--check` it only says whether the table is current.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minutes.records.fields import with_key_table
from minutes.records.record import DocumentRecord


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutes.records.keys_doc", description=__doc__.splitlines()[0])
    parser.add_argument("doc", type=Path, help="the Markdown file holding the table (docs/front-matter.md)")
    parser.add_argument("--check", action="store_true", help="fail when the table is stale; write nothing")
    args = parser.parse_args(argv)
    try:
        current = args.doc.read_text(encoding="utf-8")
        fresh = with_key_table(current, DocumentRecord)
    except (OSError, ValueError) as exc:
        print(f"{args.doc}: error: {exc}", file=sys.stderr)
        return 1
    if fresh == current:
        return 0
    if args.check:
        print(f"{args.doc}: error: the table of keys is stale — run `make docs`", file=sys.stderr)
        return 1
    args.doc.write_text(fresh, encoding="utf-8")
    print(f"wrote the table of keys in {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
