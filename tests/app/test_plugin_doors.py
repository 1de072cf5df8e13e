"""One door per plugin: views import only their plugin's door (``service``), every module of a
plugin is declared in its layers contract, and every operation a door offers checks the acting
user's permission before anything else happens."""

from __future__ import annotations

import ast
import inspect
import tomllib
import uuid
from importlib import import_module
from pathlib import Path

import pytest

from app.auth.actor import Actor
from app.errors import PermissionDenied

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
DOORS = ("customers", "inventory", "training", "certification", "visits")

# Imports a tickets view still makes past its door, as (view file, imported module), while the
# tickets plugin is regrouped behind its door. Each entry goes when its view asks the door instead;
# an entry whose import is gone fails below, so the list only shrinks. None is left today.
TICKETS_VIEW_EXCEPTIONS: set[tuple[str, str]] = set()


def contracts() -> list[dict]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]["contracts"]


def declared_doors() -> dict[str, set[str]]:
    """Which other plugins' doors a plugin may use: the independence contract's exceptions,
    written ``plugins.<user>.** -> plugins.<provider>.service``."""
    doors: dict[str, set[str]] = {}
    for contract in contracts():
        if contract["type"] != "independence":
            continue
        for line in contract.get("ignore_imports", ()):
            importer, imported = (part.strip() for part in line.split("->"))
            user, provider = importer.split(".")[1], imported.split(".")[1]
            assert imported == f"plugins.{provider}.service", line
            doors.setdefault(user, set()).add(provider)
    return doors


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every plugin module the file imports, at the top or inside a function, as full names
    (``from plugins.x import service`` names ``plugins.x.service``)."""
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:
                # ``from plugins.x import y`` imports module plugins.x.y when there is one.
                candidate = f"{base}.{alias.name}"
                place = root / Path(*candidate.split("."))
                is_module = place.with_suffix(".py").exists() or place.is_dir()
                found.add(candidate if is_module else base)
    return {name for name in found if name.startswith("plugins.")}


def view_files():
    return sorted(PLUGINS.glob("*/views/**/*.py"))


def allowed(plugin: str, module: str, doors: dict[str, set[str]]) -> bool:
    own = f"plugins.{plugin}"
    if module in (f"{own}.service", f"{own}.views") or module.startswith(f"{own}.views."):
        return True
    return any(module == f"plugins.{provider}.service" for provider in doors.get(plugin, ()))


def test_views_import_only_their_plugins_door():
    doors = declared_doors()
    past_the_door = set()
    for path in view_files():
        plugin = path.relative_to(PLUGINS).parts[0]
        for module in imported_modules(path):
            if not allowed(plugin, module, doors):
                past_the_door.add((path.relative_to(ROOT).as_posix(), module))
    unexpected = past_the_door - TICKETS_VIEW_EXCEPTIONS
    assert not unexpected, f"views importing past their door (ask plugins.<name>.service instead): {sorted(unexpected)}"
    gone = TICKETS_VIEW_EXCEPTIONS - past_the_door
    assert not gone, f"no longer imported: remove from TICKETS_VIEW_EXCEPTIONS: {sorted(gone)}"


def test_the_scan_sees_a_view_importing_past_its_door(tmp_path):
    inventory = tmp_path / "plugins" / "inventory"
    (inventory / "views").mkdir(parents=True)
    for name in ("service.py", "stock.py", "views/depot_dialogs.py"):
        (inventory / name).write_text("", encoding="utf-8")
    view = inventory / "views" / "depot_page.py"
    view.write_text("from plugins.inventory import service\n"
                    "from plugins.inventory.views.depot_dialogs import NewDepotDialog\n\n\n"
                    "def late():\n    from .. import stock\n    from plugins.training.service import history\n",
                    encoding="utf-8")
    modules = imported_modules(view, tmp_path)
    assert modules == {"plugins.inventory.service", "plugins.inventory.views.depot_dialogs",
                       "plugins.inventory.stock", "plugins.training.service"}
    doors = declared_doors()
    assert {m for m in modules if not allowed("inventory", m, doors)} == {"plugins.inventory.stock",
                                                                           "plugins.training.service"}
    assert allowed("visits", "plugins.customers.service", doors)


def layers_contract(plugin: str) -> dict:
    return next(c for c in contracts() if c["type"] == "layers" and c.get("containers") == [f"plugins.{plugin}"])


def layer_modules(layer: str) -> list[str]:
    return [name.strip() for name in layer.replace("|", ":").split(":")]


@pytest.mark.parametrize("plugin", DOORS)
def test_each_plugins_layers_are_views_then_its_door_then_the_rest(plugin):
    contract = layers_contract(plugin)
    assert contract["layers"][:2] == ["views", "service"] and contract.get("exhaustive") is True
    behind = {f"plugins.{plugin}.{name}" for layer in contract["layers"][2:] for name in layer_modules(layer)}
    protected = next(c for c in contracts() if c["name"].startswith("Behind each door"))
    mine = {name for name in protected["protected_modules"] if name.startswith(f"plugins.{plugin}.")}
    assert mine == behind - {f"plugins.{plugin}.permissions"}, "keep the protected list in step with the layers"


def nobody() -> Actor:
    return Actor(uuid.uuid4(), "nobody", "Nobody", uuid.uuid4(), "HQ", "/HQ/", "hq", frozenset(), frozenset())


def operations(plugin: str):
    door = import_module(f"plugins.{plugin}.service")
    unguarded = getattr(door, "UNGUARDED", {})
    assert set(unguarded) <= set(door.__all__)
    for name in door.__all__:
        operation = getattr(door, name)
        if inspect.isfunction(operation) and "actor" in inspect.signature(operation).parameters \
                and name not in unguarded:
            yield name, operation


@pytest.mark.parametrize("plugin", DOORS)
def test_every_operation_of_a_door_refuses_a_user_without_permission_before_it_starts(plugin):
    checked = 0
    for name, operation in operations(plugin):
        arguments = {p.name: None for p in inspect.signature(operation).parameters.values()
                     if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        arguments["actor"] = nobody()
        with pytest.raises(PermissionDenied):  # the session is None: refused before any query
            operation(**arguments)
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize("plugin", DOORS)
def test_no_domain_module_checks_a_permission_itself(plugin):
    """``actor.require`` is written at the door; behind it only the rule a page also explains
    (why an action is disabled) is defined, and the door is what calls it."""
    defined_behind = {("customers", "require_package_editor")}
    for layer in layers_contract(plugin)["layers"][2:]:
        for name in layer_modules(layer):
            tree = ast.parse((PLUGINS / plugin / f"{name}.py").read_text(encoding="utf-8"))
            for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
                requires = [n for n in ast.walk(function) if isinstance(n, ast.Call)
                            and isinstance(n.func, ast.Attribute) and n.func.attr == "require"]
                assert not requires or (plugin, function.name) in defined_behind, f"{plugin}.{name}.{function.name}"
