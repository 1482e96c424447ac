"""The package layout shows its pipeline: few top-level modules, and imports never run back up between groups."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "scamstats"
GROUPS = ("records", "release", "questions", "show")
NEVER = {
    "records": {"release", "questions", "show"},
    "release": {"questions", "show"},
    "questions": {"release", "records", "show"},
    "show": set(),  # what people see stands on everything: the questions, the release descriptions
}
"""For each group, the groups its modules must never import (at any depth, lazy imports included).

Records come first, releases are made from them; the questions read a loaded dataset; what is shown may
use any of them. A group imports from itself, from the groups before it, or from the shared top-level
modules."""


def imported_modules(path: Path) -> set[str]:
    """The ``scamstats`` modules a file imports, as dotted names below the package (``records.reader``)."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    package = module[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - (node.level - 1)])
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("scamstats"):
                target = node.module.split(".")[1:]
            else:
                continue
            names = [alias.name for alias in node.names]
            found.update(".".join([*target, name]) if not node.module else ".".join(target) for name in names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".", 1)[1] for a in node.names if a.name.startswith("scamstats."))
    return found


def test_at_most_twelve_modules_at_the_top_and_each_group_says_what_lives_there() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top
    for group in GROUPS:
        init = PACKAGE / group / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and len(docstring.split()) > 20, group
        body = ast.parse(init.read_text(encoding="utf-8")).body
        assert len(body) == 1, f"{group}/__init__.py holds its docstring only, so importing a module stays cheap"


@pytest.mark.parametrize("group", GROUPS)
def test_no_module_imports_from_a_group_it_must_not(group: str) -> None:
    offending = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / group).glob("*.py"))
        for name in imported_modules(path)
        if name.split(".")[0] in NEVER[group]
    }
    assert offending == set()


def test_the_import_reader_sees_relative_and_lazy_imports() -> None:
    found = imported_modules(PACKAGE / "show" / "plots.py")
    assert {"questions.compare", "questions.series", "questions.totals", "show.tables", "choices"} <= found
