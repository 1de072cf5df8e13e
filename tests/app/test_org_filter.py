"""The org filter's core: the units a list offers (tree order, indent by tier) and the ids a choice
narrows to, always inside the actor's scope; a unit outside it is refused."""

import uuid

import pytest

from app.errors import PermissionDenied
from app.ids import org_id_for_code
from app.orgs.scope import org_filter_ids
from app.orgs.service import filter_choices

HQ, BJ, SH, PARTNER = (org_id_for_code(c) for c in ("HQ", "BJ", "SH", "BJ-P01"))


def test_choices_are_what_the_actor_sees_parents_first(ctx, admin, make_actor):
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    with ctx.reading() as session:
        everything = filter_choices(session, admin)
        branch = filter_choices(session, manager)
    assert [(c.code, c.depth, c.has_children) for c in everything] == [
        ("HQ", 0, True), ("BJ", 1, True), ("BJ-P01", 2, False), ("SH", 1, False)]
    assert everything[1].name == "北京分公司" and everything[1].tier == "branch"
    assert [(c.code, c.depth) for c in branch] == [("BJ", 0), ("BJ-P01", 1)]


def test_a_choice_narrows_to_the_unit_and_below_it_when_asked(ctx, admin, make_actor):
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    with ctx.reading() as session:
        assert org_filter_ids(session, admin, None) is None  # all units: nothing to narrow
        assert org_filter_ids(session, admin, BJ) == [BJ]
        assert sorted(org_filter_ids(session, admin, BJ, subtree=True)) == sorted([BJ, PARTNER])
        assert org_filter_ids(session, admin, SH, subtree=True) == [SH]
        assert org_filter_ids(session, admin, str(PARTNER)) == [PARTNER]  # as a combo box may hand it over
        assert org_filter_ids(session, admin, HQ) == [HQ]
        assert sorted(org_filter_ids(session, admin, HQ, subtree=True)) == sorted([HQ, BJ, SH, PARTNER])
        assert org_filter_ids(session, manager, PARTNER, subtree=True) == [PARTNER]
        assert sorted(org_filter_ids(session, manager, BJ, subtree=True)) == sorted([BJ, PARTNER])


@pytest.mark.parametrize("login, roles, refused", [
    ("boss@BJ", ["branch_manager"], (SH, HQ)),  # a sibling branch and the unit above
    ("hot@BJ", ["hotline"], (PARTNER, SH)),  # no subtree permission: not even its own partner
])
def test_a_unit_outside_the_scope_is_refused(ctx, make_actor, login, roles, refused):
    actor = make_actor(ctx, login, roles=roles)
    with ctx.reading() as session:
        for org_id in (*refused, uuid.uuid4()):
            for subtree in (False, True):
                with pytest.raises(PermissionDenied):
                    org_filter_ids(session, actor, org_id, subtree)
        assert sorted(org_filter_ids(session, actor, BJ, subtree=True)) == sorted(
            [BJ] if login == "hot@BJ" else [BJ, PARTNER])
