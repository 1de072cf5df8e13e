"""The org filter on training sessions: the sessions a unit holds (and those of the units below it
when asked), never a unit outside the actor's scope."""

import pytest

from app.errors import PermissionDenied
from app.ids import org_id_for_code
from plugins.training import service

HQ, BJ, SH = (org_id_for_code(c) for c in ("HQ", "BJ", "SH"))


def test_sessions_narrow_to_the_unit_holding_them(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    sh_trainer = make_actor(ctx, "trainer@SH", roles=["trainer"])
    courses = kit.catalogue(ctx, p.hq_trainer)
    held = {kit.open_session(ctx, trainer, courses["SRV-101"], starts_in=days): org
            for trainer, org, days in ((p.hq_trainer, HQ, 3), (p.bj_trainer, BJ, 5), (sh_trainer, SH, 7))}

    def rows(actor, **unit) -> set:
        return {r.id for r in service.session_rows(session, actor, 0, 100, **unit)}

    with ctx.reading() as session:
        assert rows(p.hq_trainer) == set(held)
        assert rows(p.hq_trainer, org_id=BJ) == {s for s, org in held.items() if org == BJ}
        assert rows(p.hq_trainer, org_id=HQ) == {s for s, org in held.items() if org == HQ}
        assert rows(p.hq_trainer, org_id=HQ, subtree=True) == set(held)
        # BJ's trainer also sees HQ's session (open to every branch); its own unit narrows to BJ's
        assert rows(p.bj_trainer) == {s for s, org in held.items() if org in (HQ, BJ)}
        assert rows(p.bj_trainer, org_id=BJ, subtree=True) == {s for s, org in held.items() if org == BJ}
        for unit in (SH, HQ):
            with pytest.raises(PermissionDenied):
                service.session_rows(session, p.bj_trainer, org_id=unit)
