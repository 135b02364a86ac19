"""The code's shape: no function longer than a screen, so each can be read whole.

A function over `LONGEST` lines is split into steps with names. The converter's rule
tables (a function that is a list of patterns or cases, read one entry at a time) may be
longer: `RULE_TABLES` names them. `TO_SPLIT` names the long functions still waiting to
be split; it may only shrink: a function split, or one grown long, fails this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "minutes"
LONGEST = 60

RULE_TABLES: frozenset[str] = frozenset()
"""`module:function` of the converter's rule tables (none is a function today: they are data)."""

TO_SPLIT: frozenset[str] = frozenset()
"""Long functions written before the limit, to be split; none may join them."""


def long_functions(root: Path = PACKAGE, longest: int = LONGEST) -> dict[str, int]:
    """`module:function` -> lines of every function (methods and nested ones too) longer than `longest`."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        module = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # From `def` to the last line: a rule's decorator holds its examples, which are data.
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > longest:
                    found[f"{module}:{node.name}"] = length
    return found


def test_no_function_is_longer_than_a_screen():
    found = long_functions()
    new = {name: n for name, n in found.items() if name not in TO_SPLIT | RULE_TABLES}
    assert not new, f"functions over {LONGEST} lines; split them into named steps: {new}"


def test_the_list_of_functions_to_split_only_shrinks():
    split = sorted(TO_SPLIT - set(long_functions()))
    assert not split, f"no longer over {LONGEST} lines, so take them off TO_SPLIT: {split}"


def test_long_functions_are_found(tmp_path):
    (tmp_path / "a.py").write_text(
        "def short():\n    return 1\n\n\n@decorated(\n    1,\n    2,\n)\ndef long():\n"
        + "    x = 1\n" * 5
        + "\n\nclass C:\n"
        "    def method(self):\n" + "        y = 2\n" * 5,
        encoding="utf-8",
    )
    assert long_functions(tmp_path, longest=5) == {"a.py:long": 6, "a.py:method": 6}


def test_one_module_and_one_class_per_name():
    """A name says which thing it is: no two modules (outside `__init__.py`) and no two classes share one."""
    modules: dict[str, list[str]] = {}
    classes: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if path.name != "__init__.py":
            modules.setdefault(path.name, []).append(module)
        for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, []).append(module)
    assert {n: m for n, m in modules.items() if len(m) > 1} == {}
    assert {n: m for n, m in classes.items() if len(m) > 1} == {}
