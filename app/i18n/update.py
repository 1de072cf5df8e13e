"""Refresh the translation sources (.ts) and compile them (.qm) for the core and each plugin.

    python -m app.i18n.update            # lupdate + lrelease for every package
    python -m app.i18n.update --check    # exit 1 if a .ts is stale, unfinished, or a .qm is out of date
    python -m app.i18n.update --only tickets --fill zh.json   # one package; fill from a JSON mapping

One .ts per package, next to its code (``app/i18n/app_zh_CN.ts``, ``plugins/<name>/i18n/<name>_zh_CN.ts``),
edited with Qt Linguist (``pyside6-linguist``). English is the source language.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE = "zh_CN"


def packages() -> dict[str, Path]:
    found = {"app": ROOT / "app"}
    for plugin in sorted((ROOT / "plugins").iterdir()):
        if (plugin / "__init__.py").exists():
            found[plugin.name] = plugin
    return found


def tool(name: str) -> str:
    path = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return path


def ts_path(name: str, folder: Path) -> Path:
    return folder / "i18n" / f"{name}_{LANGUAGE}.ts"


def sources(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.py") if "migrations" not in p.parts)


def lupdate(folder: Path, ts: Path) -> None:
    ts.parent.mkdir(exist_ok=True)
    subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en",
                    "-target-language", LANGUAGE, *sources(folder), "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    missing = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return missing


def fill(ts: Path, mapping: dict[str, str]) -> int:
    """Fill unfinished messages from ``mapping`` (keys ``"Context|source"`` or ``"source"``)."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            if translation is not None and translation.get("type") == "unfinished" and text:
                translation.text = text
                del translation.attrib["type"]
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def check(only: str | None = None) -> list[str]:
    problems = []
    for name, folder in packages().items():
        if only and name != only:
            continue
        ts = ts_path(name, folder)
        if not ts.exists():
            problems.append(f"{ts} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(folder, fresh)
            if fresh.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.relative_to(ROOT)} is stale: run python -m app.i18n.update")
            problems += [f"{ts.relative_to(ROOT)} untranslated: {m}" for m in unfinished(fresh)]
            qm = Path(tmp) / "check.qm"
            lrelease(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{committed.relative_to(ROOT)} is out of date: run python -m app.i18n.update")
    return problems


def update(mapping: dict[str, str], only: str | None = None) -> None:
    for name, folder in packages().items():
        if only and name != only:
            continue
        ts = ts_path(name, folder)
        lupdate(folder, ts)
        if mapping and fill(ts, mapping):
            lupdate(folder, ts)  # back to lupdate's own formatting
        lrelease(ts, ts.with_suffix(".qm"))
        missing = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(missing)} untranslated")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--fill", type=Path, help="JSON {source or Context|source: translation}")
    parser.add_argument("--only", help="one package: app or a plugin name")
    args = parser.parse_args()
    if args.check:
        problems = check(args.only)
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    import json

    update(json.loads(args.fill.read_text(encoding="utf-8")) if args.fill else {}, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
