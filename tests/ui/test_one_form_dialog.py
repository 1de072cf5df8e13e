"""Every form in the product is the shell's FormDialog (app/ui/form_dialog.py).

No module under app/ui or plugins/*/views builds its own OK/Cancel (or Save) button box, asks with a
QInputDialog, or subclasses QDialog directly, except the few dialogs below that are not forms: each
has only a Close button, and the reason is written next to it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORM_DIALOG = Path("app/ui/form_dialog.py")
FORM_BUTTONS = {"Ok", "Save", "Cancel", "Apply", "Yes", "No", "Open", "Discard", "SaveAll", "Reset", "Retry",
                "Ignore", "Abort"}

NOT_FORMS = {
    ("app/ui/admin/audit_dialog.py", "AuditDialog"): "a read-only log with filters: nothing is submitted",
    ("app/ui/admin/users_dialog.py", "UsersDialog"): "lists users and roles; adding a user, roles and passwords "
                                                     "open FormDialogs",
    ("app/ui/admin/orgs_dialog.py", "OrgUnitsDialog"): "the org tree; adding and editing a unit open OrgEditDialog",
    ("plugins/certification/views/keys_dialog.py", "KeysDialog"): "lists keys and certificate types; every action "
                                                                  "opens a FormDialog",
    ("plugins/certification/views/dialogs.py", "HistoryDialog"): "a read-only history table",
    ("plugins/certification/views/verify_dialog.py", "VerifyDialog"): "a checker: paste a QR text, read the verdict; "
                                                                      "it stores nothing",
}


def ui_modules(root: Path = ROOT):
    yield from sorted((root / "app" / "ui").rglob("*.py"))
    yield from sorted((root / "plugins").glob("*/views/**/*.py"))


def _name(node) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _classes_by_line(tree) -> list[tuple[int, int, str]]:
    return [(c.lineno, c.end_lineno, c.name) for c in ast.walk(tree) if isinstance(c, ast.ClassDef)]


def _enclosing(classes, line: int) -> str:
    inside = [(start, name) for start, end, name in classes if start <= line <= end]
    return max(inside)[1] if inside else "<module>"


def hand_built_forms(path: Path, root: Path = ROOT) -> list[str]:
    """Where ``path`` builds a form of its own instead of using FormDialog, as "file:line what"."""
    relative = path.relative_to(root).as_posix()
    if Path(relative) == FORM_DIALOG:
        return []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = _classes_by_line(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and "QDialog" in {_name(base) for base in node.bases}:
            if (relative, node.name) not in NOT_FORMS:
                found.append(f"{relative}:{node.lineno} class {node.name}(QDialog)")
        if isinstance(node, ast.Call) and _name(node.func) == "QDialogButtonBox":
            buttons = {_name(n) for arg in node.args for n in ast.walk(arg)} & FORM_BUTTONS
            owner = _enclosing(classes, node.lineno)
            if buttons or (relative, owner) not in NOT_FORMS:
                found.append(f"{relative}:{node.lineno} {owner} builds QDialogButtonBox({', '.join(sorted(buttons))})")
        if isinstance(node, ast.Attribute) and _name(node.value) == "QInputDialog" and node.attr.startswith("get"):
            found.append(f"{relative}:{node.lineno} QInputDialog.{node.attr}")
    return found


def test_every_form_is_a_form_dialog():
    offenders = [hit for path in ui_modules() for hit in hand_built_forms(path)]
    assert not offenders, offenders


def test_every_dialog_allowed_to_be_no_form_still_exists_and_says_why():
    for (relative, class_name), reason in NOT_FORMS.items():
        source = (ROOT / relative).read_text(encoding="utf-8")
        assert f"class {class_name}(" in source, relative
        assert len(reason) > 15


def test_the_check_sees_a_hand_built_form(tmp_path):
    views = tmp_path / "plugins" / "demo" / "views"
    views.mkdir(parents=True)
    (tmp_path / "app" / "ui").mkdir(parents=True)
    (views / "ask_dialog.py").write_text(
        "from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog\n"
        "class AskDialog(QDialog):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)\n"
        "def ask(parent):\n"
        "    return QInputDialog.getText(parent, 'Title', 'Reason')\n", encoding="utf-8")
    hits = [hit for path in ui_modules(tmp_path) for hit in hand_built_forms(path, tmp_path)]
    assert hits == ["plugins/demo/views/ask_dialog.py:2 class AskDialog(QDialog)",
                    "plugins/demo/views/ask_dialog.py:5 AskDialog builds QDialogButtonBox(Cancel, Ok)",
                    "plugins/demo/views/ask_dialog.py:7 QInputDialog.getText"]
