"""Only app/ui and plugins/*/views may use Qt: every other module is importable without it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "qtawesome", "qtpy", "shiboken6")


def modules_outside_the_qt_layer():
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "ui" not in path.relative_to(ROOT / "app").parts:
            yield path
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        if "views" not in path.relative_to(ROOT / "plugins").parts:
            yield path


def qt_imports(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        found += [f"{path.relative_to(root)}:{node.lineno} {n}" for n in names if n.split(".")[0] in QT_MODULES]
    return found


def test_no_qt_outside_the_ui_layers():
    offenders = [hit for path in modules_outside_the_qt_layer() for hit in qt_imports(path)]
    assert not offenders, offenders


def test_the_check_sees_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from PySide6.QtGui import QPdfWriter\n", encoding="utf-8")
    assert qt_imports(sample, root=tmp_path) == ["x.py:2 PySide6.QtGui"]
