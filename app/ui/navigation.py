"""Which pages a user sees: every plugin's PageSpecs, filtered by permission, in order."""

from __future__ import annotations

from app.specs import PageSpec


def permitted_pages(ctx) -> list[PageSpec]:
    specs = [spec for group in ctx.hook.nav_pages(ctx=ctx) for spec in (group or ())]
    visible = [s for s in specs if s.permission is None or ctx.actor.has(s.permission)]
    return sorted(visible, key=lambda s: (s.order, s.id))


def permitted_actions(ctx) -> list:
    specs = [spec for group in ctx.hook.actions(ctx=ctx) for spec in (group or ())]
    return [s for s in specs if s.permission is None or ctx.actor.has(s.permission)]
