"""Sign-in, lockout, permissions in the service layer, scoping and the audit trail."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.auth import service as auth
from app.auth.models import User
from app.auth.passwords import verify_password
from app.clock import utcnow
from app.errors import AuthError, PermissionDenied, ValidationError
from app.orgs import service as orgs
from testdata import ADMIN_PASSWORD, USER_PASSWORD


def test_password_is_stored_as_argon2_hash(ctx):
    with ctx.reading() as session:
        user = auth.find_user(session, "admin@HQ")
        assert user.password_hash.startswith("$argon2")
        assert ADMIN_PASSWORD not in user.password_hash
        assert verify_password(user.password_hash, ADMIN_PASSWORD)


def test_wrong_password_then_lock_after_five_then_right_password_refused_while_locked(ctx):
    with ctx.reading() as session:
        for attempt in range(1, 5):
            with pytest.raises(AuthError, match=f"{5 - attempt} attempts left"):
                auth.authenticate(session, "admin@HQ", "wrong")
        with pytest.raises(AuthError, match="locked"):
            auth.authenticate(session, "admin@HQ", "wrong")
        with pytest.raises(AuthError, match="locked"):
            auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)


def test_lock_expires_after_fifteen_minutes(ctx):
    with ctx.transaction() as session:
        user = auth.find_user(session, "admin@HQ")
        user.locked_until = utcnow() - timedelta(seconds=1)
    with ctx.reading() as session:
        actor = auth.authenticate(session, "admin", ADMIN_PASSWORD, org_code="HQ")
    assert actor.org_code == "HQ" and "admin" in actor.roles


def test_usernames_are_unique_per_org_unit_only(ctx, admin):
    with ctx.transaction() as session:
        auth.create_user(session, admin, org_code="BJ", username="li", password=USER_PASSWORD, roles=["hotline"])
        auth.create_user(session, admin, org_code="SH", username="li", password=USER_PASSWORD, roles=["hotline"])
    with ctx.transaction() as session, pytest.raises(ValidationError, match="already exists"):
        auth.create_user(session, admin, org_code="BJ", username="li", password=USER_PASSWORD)
    with ctx.reading() as session:
        assert auth.authenticate(session, "li@SH", USER_PASSWORD).org_code == "SH"


def test_unprivileged_user_gets_permission_denied_from_the_service(ctx, make_actor):
    engineer = make_actor(ctx, "wang@BJ", roles=["field_engineer"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        auth.create_user(session, engineer, org_code="BJ", username="x", password=USER_PASSWORD)
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        orgs.create_org_unit(session, engineer, code="BJ-P09", name="x", tier="partner", parent_code="BJ")
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        auth.set_role_permissions(session, engineer, "field_engineer", ["core.users.manage"])


def test_branch_admin_cannot_reach_into_another_branch(ctx, make_actor):
    bj_admin = make_actor(ctx, "boss@BJ", roles=["admin"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        auth.create_user(session, bj_admin, org_code="SH", username="spy", password=USER_PASSWORD)
    with ctx.reading() as session:
        visible_orgs = {u.org_id for u in auth.list_users(session, bj_admin)}
        codes = {orgs.get_by_code(session, c).id: c for c in ("HQ", "BJ", "SH", "BJ-P01")}
    assert {codes[o] for o in visible_orgs} <= {"BJ", "BJ-P01"}


def test_scope_own_unit_without_subtree_permission(ctx, make_actor):
    engineer = make_actor(ctx, "zhao@BJ", roles=["field_engineer"])
    manager = make_actor(ctx, "qian@BJ", roles=["branch_manager"])
    with ctx.reading() as session:
        assert [u.code for u in orgs.visible_units(session, engineer)] == ["BJ"]
        assert [u.code for u in orgs.visible_units(session, manager)] == ["BJ", "BJ-P01"]


def test_user_role_and_org_changes_are_audited(ctx, admin):
    with ctx.transaction() as session:
        user = auth.create_user(session, admin, org_code="BJ", username="sun", password=USER_PASSWORD,
                                roles=["hotline"])
        auth.update_user(session, admin, user, roles=["dispatcher"])
        auth.set_role_permissions(session, admin, "followup", ["visits.view"])
        org = orgs.create_org_unit(session, admin, code="bj-p02", name="北京数码", tier="partner", parent_code="BJ")
        orgs.update_org_unit(session, admin, org, name="北京数码有限公司")
    with ctx.reading() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.at)).all()
    kinds = [(e.entity_type, e.action) for e in entries]
    assert ("user", "create") in kinds and ("user", "update") in kinds
    assert ("role", "update") in kinds and ("org_unit", "create") in kinds and ("org_unit", "update") in kinds
    update = next(e for e in entries if e.entity_type == "user" and e.action == "update")
    assert update.actor_name == "admin@HQ"
    assert update.before["role_codes"] == ["hotline"] and update.after["role_codes"] == ["dispatcher"]
    rename = next(e for e in entries if e.entity_type == "org_unit" and e.action == "update")
    assert rename.before["name"] == "北京数码" and rename.after["name"] == "北京数码有限公司"


def test_audit_log_is_append_only(ctx, admin):
    with ctx.transaction() as session:
        auth.create_user(session, admin, org_code="BJ", username="zhou", password=USER_PASSWORD)
    with ctx.transaction() as session, pytest.raises(RuntimeError, match="append-only"):
        entry = session.scalars(select(AuditEntry)).first()
        entry.summary = "tampered"
        session.flush()


def test_audit_log_refuses_bulk_sql_too(ctx, admin):
    from sqlalchemy import delete, update

    with ctx.transaction() as session:
        auth.create_user(session, admin, org_code="BJ", username="zheng", password=USER_PASSWORD)
    for statement in (update(AuditEntry).values(actor_name="nobody"), delete(AuditEntry)):
        with pytest.raises(Exception, match="append-only"):
            with ctx.transaction() as session:
                session.execute(statement)
    with ctx.reading() as session:
        assert "nobody" not in {e.actor_name for e in session.scalars(select(AuditEntry))}


def test_nobody_can_remove_the_last_user_manager(ctx, admin):
    with ctx.transaction() as session, pytest.raises(ValidationError, match="no active user"):
        auth.set_role_permissions(session, admin, "admin", ["core.audit.view"])
    with ctx.transaction() as session, pytest.raises(ValidationError, match="no active user"):
        auth.update_user(session, admin, auth.find_user(session, "admin@HQ"), roles=["hotline"])


def test_roles_are_changed_only_at_hq(ctx, make_actor):
    bj_admin = make_actor(ctx, "boss@BJ", roles=["admin"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied, match="only HQ"):
        auth.set_role_permissions(session, bj_admin, "hotline", [])


def test_sign_in_refused_for_deleted_users_and_closed_units(ctx, admin, make_actor):
    make_actor(ctx, "gone@SH", roles=["hotline"])
    make_actor(ctx, "closed@BJ-P01", roles=["hotline"])
    with ctx.transaction() as session:
        auth.find_user(session, "gone@SH").mark_deleted()
        orgs.update_org_unit(session, admin, orgs.get_by_code(session, "BJ-P01"), active=False)
    with ctx.reading() as session:
        for login in ("gone@SH", "closed@BJ-P01"):
            with pytest.raises(AuthError, match="Wrong user name or password"):
                auth.authenticate(session, login, USER_PASSWORD)


def test_own_password_change_needs_the_current_password(ctx, make_actor):
    me = make_actor(ctx, "self@BJ", roles=["hotline"])
    with ctx.transaction() as session, pytest.raises(ValidationError, match="current password"):
        auth.set_password(session, me, auth.find_user(session, "self@BJ"), "new-password-9", "wrong")
    with ctx.transaction() as session:
        auth.set_password(session, me, auth.find_user(session, "self@BJ"), "new-password-9", USER_PASSWORD)
    with ctx.reading() as session:
        assert auth.authenticate(session, "self@BJ", "new-password-9").username == "self"


def test_setup_itself_is_audited(ctx):
    with ctx.reading() as session:
        first = session.scalars(select(AuditEntry).order_by(AuditEntry.at)).all()[:2]
    assert [(e.entity_type, e.action) for e in first] == [("org_unit", "create"), ("user", "create")]


def test_failed_change_leaves_nothing_half_done(ctx, admin):
    with pytest.raises(ValidationError):
        with ctx.transaction() as session:
            auth.create_user(session, admin, org_code="BJ", username="half", password=USER_PASSWORD)
            auth.create_user(session, admin, org_code="BJ", username="bad@name", password=USER_PASSWORD)
    with ctx.reading() as session:
        assert session.scalar(select(User).where(User.username == "half")) is None


def test_revoked_default_grant_is_not_granted_again(ctx, admin, plugin_host):
    from app.runtime import all_permission_specs, refresh_reference_data

    with ctx.transaction() as session:
        auth.set_role_permissions(session, admin, "hotline", [])
    refresh_reference_data(ctx)
    with ctx.reading() as session:
        from app.auth.models import Role

        assert session.get(Role, "hotline").permission_codes == set()
    assert any(s.default_roles for s in all_permission_specs(plugin_host))
