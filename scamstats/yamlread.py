"""A safe YAML reader that remembers the line of every value.

Only plain data is accepted: mappings, sequences and scalars. Tags that build
objects (``!!python/object``...), aliases (``*anchor``), merge keys (``<<``),
duplicate keys, several documents in one file, files that are not UTF-8 and
oversized files are all rejected with a :class:`~scamstats.problems.Problem`
naming the line. Scalars are returned as :class:`Scalar`, keeping the text as
written, so that ``0701`` or ``2025-07`` reach the schema unchanged.

>>> doc = read_yaml_text("a: 1\\nb: [x, 2025-07]\\n", "f.yaml")
>>> doc["b"][1]
Scalar(text='2025-07', kind='str', line=2)
>>> doc.key_lines["b"]
2
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem

MAX_FILE_BYTES = 1_000_000
"""Largest record file accepted, in bytes."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
_SCALAR_KINDS = {
    _CORE + "str": "str",
    _CORE + "int": "int",
    _CORE + "float": "float",
    _CORE + "bool": "bool",
    _CORE + "null": "null",
    _CORE + "timestamp": "timestamp",
}


@dataclass(frozen=True)
class Scalar:
    """A scalar as written: its text, the YAML type it resolves to, and its line."""

    text: str
    kind: str
    line: int


class YamlMap(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class YamlList(list[Any]):
    """A sequence that knows its own line."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line


def read_yaml(path: Path, shown: str | None = None) -> Any:
    """Read one YAML file; raise :class:`DataError` naming ``shown`` (default: ``path``)."""
    name = shown or str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError([Problem(name, 1, "file", f"is larger than {MAX_FILE_BYTES} bytes", size)])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        bad = raw[error.start : error.start + 1]
        raise DataError([Problem(name, line, "file", "is not valid UTF-8 text", bad)]) from None
    return read_yaml_text(text, name)


def read_yaml_text(text: str, name: str) -> Any:
    """Parse ``text`` (the contents of ``name``) into located plain data."""
    if not text.strip():
        raise DataError([Problem(name, 1, "file", "is empty")])
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = error.problem or error.context or "is not valid YAML"
        raise DataError([Problem(name, line, "yaml", f"invalid YAML: {message}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, 1, "yaml", f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise DataError([Problem(name, 1, "file", "is empty")])
    return _Builder(name).build(root)


class _Builder:
    """Turn a composed node graph into located plain data, refusing anything else."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, field: str, message: str, got: Any = None) -> DataError:
        args = (self.name, node.start_mark.line + 1, field, message)
        return DataError([Problem(*args, got) if got is not None else Problem(*args)])

    def build(self, node: yaml.Node, field: str = "yaml") -> Any:
        if id(node) in self.seen:
            raise self.fail(node, field, "aliases (*name) are not allowed; write the value out")
        self.seen.add(id(node))
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            kind = _SCALAR_KINDS.get(node.tag)
            if kind is None:
                raise self.fail(node, field, "tags are not allowed", node.tag)
            return Scalar(node.value, kind, line)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _CORE + "seq":
                raise self.fail(node, field, "tags are not allowed", node.tag)
            items = YamlList(line)
            items.extend(self.build(child, field) for child in node.value)
            return items
        if isinstance(node, yaml.MappingNode):
            if node.tag != _CORE + "map":
                raise self.fail(node, field, "tags are not allowed", node.tag)
            mapping = YamlMap(line)
            for key_node, value_node in node.value:
                if key_node.tag == _CORE + "merge":
                    raise self.fail(key_node, "<<", "merge keys are not allowed; write the fields out")
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_KINDS:
                    raise self.fail(key_node, field, "keys must be plain words")
                key = key_node.value
                if key in mapping:
                    first = mapping.key_lines[key]
                    raise self.fail(key_node, key, f"duplicate key (first on line {first})")
                mapping.key_lines[key] = key_node.start_mark.line + 1
                mapping[key] = self.build(value_node, key)
            return mapping
        raise self.fail(node, field, "is not plain data")  # pragma: no cover - no other node kinds


def plain(value: Any) -> Any:
    """Located data → plain Python: scalars become their text as written (``None`` for null).

    >>> plain(read_yaml_text("version: 0.1.0\\nlist: [1, ~]", "f.yaml"))
    {'version': '0.1.0', 'list': ['1', None]}
    """
    if isinstance(value, Scalar):
        return None if value.kind == "null" else value.text
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return [plain(item) for item in value]
