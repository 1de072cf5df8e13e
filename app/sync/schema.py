"""A parent must know every column a child sends: compare the two schemas' revisions."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from app.errors import UserError
from app.i18n import translate


def revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return set()
        return {r for (r,) in connection.exec_driver_sql("SELECT version_num FROM alembic_version")}


def check_compatible(node: Engine, parent: Engine) -> None:
    """Refuse, in one sentence, a parent whose schema is older than the node's. A parent that
    is newer is fine: changes are additive, and only the node's columns travel."""
    check_revisions(revisions(node), revisions(parent))


def check_revisions(mine: set[str], theirs: set[str]) -> None:
    if not theirs:
        raise UserError(translate("Sync", "The parent database has no schema: set it up with the same version of "
                                          "the program first."))
    if mine <= theirs:
        return
    missing = mine - _applied(theirs) - theirs
    if missing:
        raise UserError(translate("Sync", "The parent's database schema is older than this one's ({missing}): "
                                          "upgrade the parent first, then sync again.").format(
            missing=", ".join(sorted(missing))))


def _applied(heads: set[str]) -> set[str]:
    """Every revision below ``heads`` that this program knows (a newer parent's are skipped)."""
    from alembic.script import ScriptDirectory

    from app.db.migrate import alembic_config
    from app.plugins import get_plugin_manager

    script = ScriptDirectory.from_config(alembic_config(get_plugin_manager()))
    known = tuple(r for r in heads if _known(script, r))
    if not known:
        return set()
    revision_map = script.revision_map
    return {rev.revision for rev in revision_map._get_ancestor_nodes(revision_map.get_revisions(known))}


def _known(script, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # a revision of a newer program: the parent is ahead, which is fine
        return False
