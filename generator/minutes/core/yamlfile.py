"""YAML as every file of a site is read: safe, fast, and strict where YAML itself is lenient.

Plain `yaml.safe_load` keeps the last of two equal keys without a word (so one
of two `date:` lines is silently dropped) and raises a bare ValueError, with
no line, for a date that does not exist (`2013-02-31`). Here both are
`yaml.YAMLError`s with a mark, so every caller reports them as it reports
any malformed YAML: with the file, the line and how to fix it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

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
                    None, None, f"the key {key_node.value!r} is given twice; keep one of the two", key_node.start_mark
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


def load_yaml(text: str) -> Any:
    """The data of a YAML text; raises `yaml.YAMLError` (with `problem_mark`) for anything wrong."""
    return yaml.load(text, Loader=StrictLoader)


def error_line(exc: yaml.YAMLError, offset: int = 1) -> int:
    """The 1-based line a YAML error points at (plus `offset - 1`), 0 if it points nowhere."""
    mark = getattr(exc, "problem_mark", None)
    return mark.line + offset if mark is not None else 0


def error_text(exc: yaml.YAMLError) -> str:
    """What is wrong, without PyYAML's multi-line context."""
    return str(getattr(exc, "problem", None) or str(exc).split("\n")[0])


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The 1-based line of every mapping key, by its path from the top: {("committees", "cabinet"): 9}.

    Empty when the text does not parse; callers only use it to point at a value already read.
    """
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[tuple[str, ...], int] = {}

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    key = (*path, key_node.value)
                    lines.setdefault(key, key_node.start_mark.line + 1)
                    walk(value_node, key)

    walk(root, ())
    return lines


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
