"""YAML as every file of a site is read: safe, fast, and strict where YAML itself is lenient.

Plain `yaml.safe_load` keeps the last of two equal keys without a word (so one
of two `date:` lines is silently dropped) and raises a bare ValueError, with
no line, for a date that does not exist (`2013-02-31`). Here both are
`yaml.YAMLError`s with a mark, so every caller reports them as it reports
any malformed YAML: with the file, the line and how to fix it.

Settings, sidecars and front-matter may come from strangers, and YAML's
aliases let a few hundred bytes stand for billions of values (`b: [*a, *a,
…]` nested nine deep): built, such a value is shared, not copied, but the
first thing that walks or prints it runs out of memory. So a document is
composed first and its size counted with every alias expanded; past
`MAX_EXPANDED_NODES` (a document that uses no aliases is never refused) it
is a `yaml.YAMLError` pointing at the alias that tips it over.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from minutes.core.errors import excerpt

# libyaml's parser is several times faster than the pure-Python one; same results.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """The safe loader, refusing repeated keys and impossible dates."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if key_node.value in seen:
                # Reported at the second one; the message says there is a first.
                raise ConstructorError(
                    None,
                    None,
                    f"the key {excerpt(key_node.value)} is given twice; keep one of the two",
                    key_node.start_mark,
                )
            seen.add(key_node.value)
        return super().construct_mapping(node, deep)

    def construct_yaml_timestamp(self, node: ScalarNode, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise ConstructorError(
                None, None, f"{node.value} is not a real date ({exc}); write it as YYYY-MM-DD", node.start_mark
            ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


MAX_EXPANDED_NODES = 100_000
"""Values a document may stand for with its aliases expanded, beyond the values it writes out.
Far above any real settings file or record (a council's largest front-matter has a few thousand)."""


class AliasBombError(yaml.YAMLError):
    """A document whose aliases expand past `MAX_EXPANDED_NODES`; `problem_mark` is the alias."""

    def __init__(self, problem: str, problem_mark: Any):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = problem_mark


def load_yaml(text: str) -> Any:
    """The data of a YAML text; raises `yaml.YAMLError` (with `problem_mark`) for anything wrong."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:  # without an alias (`*name`) a document stands for what it writes out: never refused
            check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def check_expansion(root: Node, limit: int = MAX_EXPANDED_NODES) -> None:
    """Refuse a node graph whose aliases make it stand for more than `limit` values (and more than it writes).

    Each node's expanded size is counted once and remembered, so a bomb is
    measured in time linear in its text, never expanded.
    """
    sizes: dict[int, int] = {}
    opened: set[int] = set()
    # Children before parents, without recursion: a stranger's document may nest deeply too.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in opened:
                raise AliasBombError(
                    "an alias (*name) here stands for a value that holds the alias itself; write the value out instead",
                    node.start_mark,
                )
            opened.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        size = 1 + sum(sizes[id(child)] for child in children)
        sizes[id(node)] = size
        if size > max(limit, len(opened)):
            mark = next((c.start_mark for c in children if sizes[id(c)] * 2 > size), node.start_mark)
            raise AliasBombError(
                f"the aliases (*name) here make the document stand for more than {limit:,} values "
                "(a YAML 'billion laughs'); write the values out instead of repeating them through aliases",
                mark,
            )


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def error_line(exc: yaml.YAMLError, offset: int = 1) -> int:
    """The 1-based line a YAML error points at (plus `offset - 1`), 0 if it points nowhere."""
    mark = getattr(exc, "problem_mark", None)
    return mark.line + offset if mark is not None else 0


def error_text(exc: yaml.YAMLError) -> str:
    """What is wrong, without PyYAML's multi-line context."""
    return str(getattr(exc, "problem", None) or str(exc).split("\n")[0])


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The 1-based line of every mapping key, by its path from the top: {("committees", "cabinet"): 9}.

    An item of a list is on the path as `[n]` (from 0): {("people", "Cllr Smith", "roles", "[1]", "from"): 14}.

    Empty when the text does not parse; callers only use it to point at a value already read.
    """
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[tuple[str, ...], int] = {}
    # Each node once (an alias is not followed again) and without recursion, however deep the document.
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[str, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key_node, value_node in reversed(node.value):
                if isinstance(key_node, ScalarNode):
                    stack.append((value_node, (*path, key_node.value)))
            for key_node, _ in node.value:
                if isinstance(key_node, ScalarNode):
                    lines.setdefault((*path, key_node.value), key_node.start_mark.line + 1)
        elif isinstance(node, SequenceNode):
            for n, item in reversed(list(enumerate(node.value))):
                stack.append((item, (*path, f"[{n}]")))
            for n, item in enumerate(node.value):
                lines.setdefault((*path, f"[{n}]"), item.start_mark.line + 1)
    return lines


def nearest_line(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int:
    """The line of the key at `path` in `key_lines`, or of the nearest key above it; 0 if none is there."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 0


def entry_lines(text: str, key: str) -> tuple[int, ...]:
    """The 1-based line of each entry of the top-level list `key` ("review" -> the line of each `- fact:`).

    Empty when the text does not parse or holds no such list; callers only use it to point at entries
    already read.
    """
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError:
        return ()
    if not isinstance(root, MappingNode):
        return ()
    for key_node, value_node in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key and isinstance(value_node, SequenceNode):
            return tuple(node.start_mark.line + 1 for node in value_node.value)
    return ()
