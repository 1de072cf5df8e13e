"""Org tiers, ids derived from codes, inherited settings, UTC timestamps and row versions."""

from datetime import datetime, timedelta, timezone

import pytest

from app.errors import ValidationError
from app.ids import org_id_for_code
from app.orgs import service as orgs


def test_org_id_is_derived_from_the_code(ctx):
    with ctx.reading() as session:
        bj = orgs.get_by_code(session, "BJ")
    assert bj.id == org_id_for_code("BJ") == org_id_for_code(" bj ")
    assert bj.path == "/HQ/BJ/"


@pytest.mark.parametrize("tier,parent", [("branch", "BJ"), ("partner", "HQ"), ("hq", "HQ")])
def test_tiers_must_follow_hq_branch_partner(ctx, admin, tier, parent):
    with ctx.transaction() as session, pytest.raises(ValidationError):
        orgs.create_org_unit(session, admin, code="X1", name="x", tier=tier, parent_code=parent)


def test_calendar_is_inherited_unless_overridden(ctx, admin):
    with ctx.transaction() as session:
        hq = orgs.get_by_code(session, "HQ")
        orgs.update_org_unit(session, admin, hq, settings={"calendar": {"mode": "24x7"}})
        sh = orgs.get_by_code(session, "SH")
        orgs.update_org_unit(session, admin, sh, settings={"calendar": {"mode": "business_hours"}})
    with ctx.reading() as session:
        assert orgs.effective_setting(session, orgs.get_by_code(session, "BJ-P01"), "calendar")["mode"] == "24x7"
        assert orgs.effective_setting(session, orgs.get_by_code(session, "SH"), "calendar")["mode"] == "business_hours"


def test_timestamps_come_back_as_utc_and_row_version_counts_changes(ctx, admin):
    from app.auth.service import create_user

    with ctx.transaction() as session:
        user = create_user(session, admin, org_code="BJ", username="wu", password="password-123")
        user_id = user.id
        user.locked_until = datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=8)))
    with ctx.transaction() as session:
        from app.auth.models import User

        user = session.get(User, user_id)
        assert user.locked_until == datetime(2026, 1, 1, 4, 0, tzinfo=timezone.utc)
        assert user.locked_until.tzinfo is not None
        assert user.row_version == 2
        user.display_name = "吴"
    with ctx.reading() as session:
        assert session.get(User, user_id).row_version == 3


def test_naive_datetimes_are_refused(ctx, admin):
    from app.auth.models import User

    with pytest.raises(Exception, match="naive"):
        with ctx.transaction() as session:
            user = session.scalars(__import__("sqlalchemy").select(User)).first()
            user.locked_until = datetime(2026, 1, 1)
            session.flush()


def test_address_and_hotline_are_saved_audited_inherited_and_refused_with_the_field_named(ctx, admin, make_actor):
    from sqlalchemy import select

    from app.audit.models import AuditEntry
    from app.errors import NotFound, PermissionDenied

    engineer = make_actor(ctx, "wang@BJ", roles=["field_engineer"])
    sh_admin = make_actor(ctx, "boss@SH", roles=["admin"])
    with ctx.transaction() as session:
        hq = orgs.get_by_code(session, "HQ")
        orgs.update_org_unit(session, admin, hq, hotline="400-810-8888")
        bj = orgs.get_by_code(session, "BJ")
        orgs.update_org_unit(session, admin, bj, address="  北京市朝阳区建国路 88 号 ", hotline="（010）６４２２－１２３４")
        partner = orgs.create_org_unit(session, admin, code="BJ-P02", name="北京第二代理", tier="partner",
                                       parent_code="BJ", address="北京市海淀区中关村大街 1 号").id
    with ctx.reading() as session:
        bj = orgs.get_by_code(session, "BJ")
        assert orgs.letterhead(session, bj.id) == {"name": "北京分公司", "address": "北京市朝阳区建国路 88 号",
                                                   "hotline": "(010)6422-1234"}  # full-width typing read as plain
        assert orgs.letterhead(session, partner)["hotline"] == "(010)6422-1234"  # the branch's, inherited
        assert orgs.inherited_setting(session, bj, "hotline") == "400-810-8888"
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == str(bj.id))
                                .order_by(AuditEntry.at.desc())).first()
        assert (entry.action, entry.before["settings"].get("hotline"), entry.after["settings"]["hotline"]) == (
            "update", None, "(010)6422-1234")

    refusals = [(admin, "BJ", {"hotline": "010-6422 转 8"}, ValidationError, "hotline"),
                (admin, "BJ", {"address": "长" * 201, "hotline": "010"}, ValidationError, "address"),
                (engineer, "BJ", {"hotline": "010"}, PermissionDenied, None),
                (sh_admin, "BJ", {"hotline": "010"}, PermissionDenied, None)]  # another branch's unit
    for actor, code, values, error, field in refusals:
        with ctx.transaction() as session, pytest.raises(error) as refused:
            orgs.update_org_unit(session, actor, orgs.get_by_code(session, code), **{"address": "别处", **values})
        assert getattr(refused.value, "field", None) == field
    with ctx.reading() as session:  # nothing of a refused change was saved
        assert orgs.letterhead(session, orgs.get_by_code(session, "BJ").id)["address"] == "北京市朝阳区建国路 88 号"
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        orgs.create_org_unit(session, admin, code="BJ-P03", name="x", tier="partner", parent_code="BJ", hotline="无")
    assert refused.value.field == "hotline"

    with ctx.transaction() as session:  # emptied: the unit above answers again
        orgs.update_org_unit(session, admin, orgs.get_by_code(session, "BJ"), address="", hotline=" ")
    with ctx.reading() as session:
        bj = orgs.get_by_code(session, "BJ")
        assert orgs.letterhead(session, bj.id) == {"name": "北京分公司", "address": "", "hotline": "400-810-8888"}
        assert orgs.letterhead(session, partner) == {"name": "北京第二代理", "address": "北京市海淀区中关村大街 1 号",
                                                        "hotline": "400-810-8888"}
        with pytest.raises(NotFound):
            orgs.get_by_code(session, "BJ-P03")
