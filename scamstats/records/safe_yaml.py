"""A safe YAML reader that remembers the line of every value.

Only plain data is accepted: mappings, sequences and scalars. Tags that build
objects (``!!python/object``...), aliases (``*anchor``), merge keys (``<<``),
duplicate keys, nesting deeper than :data:`MAX_DEPTH`, several documents in
one file, control characters, files that are not UTF-8 and oversized files
are all rejected with a :class:`~scamstats.problems.Problem` naming the line.
Scalars are returned as :class:`Scalar`, keeping the text as written, so that
``0701`` or ``2025-07`` reach the schema unchanged.

The file is read as a stream of parser events (libyaml's, when PyYAML has
it) and built without recursion, so no node graph is held in memory and no
input can exhaust the Python stack.

>>> doc = read_yaml_text("a: 1\\nb: [x, 2025-07]\\n", "f.yaml")
>>> doc["b"][1]
Scalar(text='2025-07', kind='str', line=2)
>>> doc.key_lines["b"]
2
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..problems import DataError, Problem

MAX_FILE_BYTES = 1_000_000
"""Largest record file accepted, in bytes."""

MAX_DEPTH = 20
"""Deepest nesting of mappings and lists accepted (a record file needs 3)."""

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
_MERGE = _CORE + "merge"
_RESOLVER = yaml.resolver.Resolver()


class Scalar(NamedTuple):
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
        root = _Builder(name, loader.get_event).document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = error.problem or error.context or "is not valid YAML"
        raise DataError([Problem(name, line, "yaml", f"invalid YAML: {message}")]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        bad = chr(error.character) if isinstance(error.character, int) else error.character
        raise DataError([Problem(name, line, "file", "contains a control character", bad)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, 1, "yaml", f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise DataError([Problem(name, 1, "file", "is empty")])
    return root


@lru_cache(maxsize=4096)
def _scalar_tag(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag a YAML 1.1 safe loader gives an untagged scalar (cached: values repeat)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
    return tag


_BAD_KEY: Any = object()
"""Stands for a key that was refused (its problem is recorded already)."""
_OPENED: Any = object()


class _Frame:
    """A mapping or list being filled, with the field its problems are reported under."""

    __slots__ = ("container", "field", "key", "key_line")

    def __init__(self, container: YamlMap | YamlList, field: str) -> None:
        self.container = container
        self.field = field
        self.key: Any = None  # a mapping's key waiting for its value (a str or _BAD_KEY)
        self.key_line = 0

    def wants_key(self) -> bool:
        return self.key is None and type(self.container) is YamlMap

    def field_of_next(self, is_key: bool) -> str:
        """The field a problem in the next node is reported under."""
        return self.field if is_key or self.key is None else self.key

    def attach(self, value: Any, line: int, builder: _Builder) -> None:
        container = self.container
        if not isinstance(container, YamlMap):
            container.append(value)
        elif self.key is None:
            key = value if isinstance(value, str) else _BAD_KEY
            if key in container:
                builder.fail(line, key, f"duplicate key (first on line {container.key_lines[key]})")
                key = _BAD_KEY
            self.key = key
            self.key_line = line
        else:
            if self.key is not _BAD_KEY:
                container.key_lines[self.key] = self.key_line
                container[self.key] = value
            self.key = None


class _Builder:
    """Turn the parser's events into located plain data, refusing anything else.

    The first problem is kept and the rest of the document is still read, so
    that a YAML syntax error anywhere in the file is the one reported, as it
    would be by a loader that parses the whole file first.
    """

    def __init__(self, name: str, next_event: Any) -> None:
        self.name = name
        self.next_event = next_event
        self.problem: Problem | None = None
        self.anchors: dict[str, Any] = {}  # anchor -> mark of the node it names

    def fail(self, line: int, field: str, message: str, got: Any = None) -> None:
        if self.problem is None:
            args = (self.name, line, field, message)
            self.problem = Problem(*args, got) if got is not None else Problem(*args)

    def document(self) -> Any:
        """Read one document; ``None`` when the stream holds none."""
        self.next_event()  # StreamStartEvent
        start = self.next_event()
        if type(start) is StreamEndEvent:
            return None
        root = self.node()
        self.next_event()  # DocumentEndEvent
        event = self.next_event()
        if type(event) is not StreamEndEvent:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                event.start_mark,
            )
        if self.problem is not None:
            raise DataError([self.problem])
        return root

    def anchor(self, event: Any) -> None:
        name = event.anchor
        if name is not None:
            if name in self.anchors:
                raise yaml.composer.ComposerError(
                    "found duplicate anchor; first occurrence",
                    self.anchors[name],
                    "second occurrence",
                    event.start_mark,
                )
            self.anchors[name] = event.start_mark

    def node(self) -> Any:
        """Build the node whose first event comes next, with an explicit stack."""
        stack: list[_Frame] = []
        while True:
            event = self.next_event()
            kind = type(event)
            line = event.start_mark.line + 1
            top = stack[-1] if stack else None
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                top = stack[-1] if stack else None
                value: Any = None if done.field is _BAD_KEY else done.container
                line = done.container.line
            elif kind is ScalarEvent and event.anchor is None and top is not None and top.key is not None:
                # the common case, kept inline: a plain value of a mapping's key
                tag = event.tag
                if tag is None:
                    tag = _scalar_tag(event.value, event.implicit)
                scalar_kind = _SCALAR_KINDS.get(tag)
                if scalar_kind is None:
                    value = self.leaf_or_frame(event, kind, line, top, stack)
                else:
                    value = Scalar(event.value, scalar_kind, line)
            else:
                value = self.leaf_or_frame(event, kind, line, top, stack)
                if value is _OPENED:
                    continue
            if top is None:
                return value
            top.attach(value, line, self)

    def leaf_or_frame(self, event: Any, kind: type, line: int, top: _Frame | None, stack: list[_Frame]) -> Any:
        """The value of a scalar or alias event, or ``_OPENED`` after pushing a new mapping or list."""
        is_key = top is not None and top.wants_key()
        field = "yaml" if top is None else top.field_of_next(is_key)
        if kind is ScalarEvent:
            self.anchor(event)
            tag = event.tag
            if tag is None or tag == "!":
                tag = _scalar_tag(event.value, event.implicit)
            scalar_kind = _SCALAR_KINDS.get(tag)
            if is_key:
                if tag == _MERGE:
                    self.fail(line, "<<", "merge keys are not allowed; write the fields out")
                elif scalar_kind is None:
                    self.fail(line, field, "keys must be plain words")
                return event.value if scalar_kind is not None else None
            if scalar_kind is None:
                self.fail(line, field, "tags are not allowed", tag)
                return None
            return Scalar(event.value, scalar_kind, line)
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            self.anchor(event)
            mapping = kind is MappingStartEvent
            if is_key:
                self.fail(line, field, "keys must be plain words")
            elif event.tag not in (None, "!", _CORE + ("map" if mapping else "seq")):
                self.fail(line, field, "tags are not allowed", event.tag)
            if len(stack) >= MAX_DEPTH:
                self.fail(line, field, f"is nested more than {MAX_DEPTH} levels deep")
            stack.append(_Frame(YamlMap(line) if mapping else YamlList(line), _BAD_KEY if is_key else field))
            return _OPENED
        if kind is AliasEvent:
            mark = self.anchors.get(event.anchor)
            if mark is None:
                raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
            # Reported where the aliased value starts; a key has no value of its own, so at the key.
            at = line if is_key else mark.line + 1
            self.fail(at, field, "aliases (*name) are not allowed; write the value out")
            return None
        raise yaml.composer.ComposerError(None, None, "unexpected YAML event", event.start_mark)  # pragma: no cover


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
