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
