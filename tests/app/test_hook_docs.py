"""Every hook has a section in docs/hooks.md and is exercised by at least one test."""

from pathlib import Path

from app import hookspecs

ROOT = Path(__file__).resolve().parents[2]


def hook_names():
    return sorted(n for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), "service_center_spec"))


def test_hooks_are_found():
    assert {"permissions", "nav_pages", "can_dispatch", "demo_data"} <= set(hook_names())


def test_every_hook_has_a_docs_section():
    text = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    missing = [n for n in hook_names() if f"## {n}(" not in text]
    assert not missing, f"hooks without a section in docs/hooks.md: {missing}"


def test_every_hook_has_a_test():
    this = Path(__file__).resolve()
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py") if p != this)
    missing = [n for n in hook_names() if f"hook.{n}(" not in sources and f"hooks: {n}" not in sources]
    assert not missing, f"hooks no test calls (hook.<name>( or a '# hooks: <name>' note): {missing}"


def test_every_hook_has_a_docstring():
    assert all(getattr(hookspecs, n).__doc__ for n in hook_names())
