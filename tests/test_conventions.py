"""House rules checked on the source: module docstrings, documented signals, no print in services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p for p in (ROOT / "console").rglob("*.py"))


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_has_a_docstring(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{_rel(path)} needs a module docstring"


def _signal_classes(tree: ast.Module) -> list[ast.ClassDef]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt in node.body:
            value = getattr(stmt, "value", None)
            if isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", "")) == "Signal":
                found.append(node)
                break
    return found


@pytest.mark.parametrize("path", [p for p in MODULES if "Signal(" in p.read_text(encoding="utf-8")], ids=_rel)
def test_signals_are_documented(path: Path) -> None:
    for cls in _signal_classes(ast.parse(path.read_text(encoding="utf-8"))):
        doc = ast.get_docstring(cls) or ""
        assert "Signals:" in doc, f"{_rel(path)}: class {cls.name} defines signals but has no 'Signals:' section"
