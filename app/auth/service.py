"""Users, roles and sign-in. Every check is here, not in the widgets."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from app import installation
from app.audit import service as audit
from app.auth import attempts
from app.auth.actor import Actor
from app.auth.models import Role, RolePermission, User
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.auth.roles import ROLE_CODES, role_label
from app.errors import AuthError, NotFound, PermissionDenied, UserError, ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see, org_scope
from app.orgs.service import get_by_code
from app.specs import PermissionSpec

log = logging.getLogger(__name__)

USERS_MANAGE = "core.users.manage"
MIN_PASSWORD_LENGTH = 8
AUDITED_FIELDS = ("username", "display_name", "active", "role_codes", "phone")


# ------------------------------------------------------------------ roles and permissions


def ensure_roles(session: Session) -> None:
    """Create the built-in roles that are missing (names are refreshed on every start)."""
    existing = {r.code: r for r in session.scalars(select(Role))}
    for code in ROLE_CODES:
        if code not in existing:
            session.add(Role(code=code, name=role_label(code), builtin=True))
    session.flush()


def grant_new_permissions(session: Session, specs: Iterable[PermissionSpec]) -> list[str]:
    """Grant each permission never seen before to its default roles, once.

    Later revocations by an administrator stick, because a known permission is never re-granted.
    """
    known = set(installation.get_value(session, installation.KNOWN_PERMISSIONS, []))
    new = [s for s in specs if s.code not in known]
    roles = {r.code for r in session.scalars(select(Role))}
    for spec in new:
        for role in set(spec.default_roles) | {"admin"}:
            if role in roles and session.get(RolePermission, (role, spec.code)) is None:
                session.add(RolePermission(role_code=role, permission=spec.code))
    installation.set_value(session, installation.KNOWN_PERMISSIONS, sorted(known | {s.code for s in new}))
    session.flush()
    return [s.code for s in new]


def set_role_permissions(session: Session, actor: Actor, role_code: str, permissions: Iterable[str]) -> Role:
    """Roles are HQ reference data: they hold for every unit, so only HQ edits them."""
    actor.require(USERS_MANAGE)
    if actor.tier != "hq":
        raise PermissionDenied(translate("Auth", "Roles apply nationwide; only HQ administrators change them."))
    role = session.get(Role, role_code)
    if role is None:
        raise NotFound(translate("Auth", "No role {role}.").format(role=role_code))
    before = {"permissions": sorted(role.permission_codes)}
    wanted = set(permissions)
    role.grants = [g for g in role.grants if g.permission in wanted]
    for code in wanted - role.permission_codes:
        role.grants.append(RolePermission(role_code=role.code, permission=code))
    session.flush()
    ensure_an_administrator_remains(session)
    audit.record(session, actor, "role", role.code, "update", role.code, before=before,
                 after={"permissions": sorted(wanted)})
    return role


def permissions_of(session: Session, user: User) -> frozenset[str]:
    codes = [r.code for r in user.roles]
    if not codes:
        return frozenset()
    rows = session.scalars(select(RolePermission.permission).where(RolePermission.role_code.in_(codes)))
    return frozenset(rows)


def actor_for(session: Session, user: User) -> Actor:
    org = session.get(OrgUnit, user.org_id)
    return Actor(user.id, user.username, user.display_name or user.username, org.id, org.code,
                 org.path, org.tier, frozenset(user.role_codes), permissions_of(session, user))


def ensure_an_administrator_remains(session: Session) -> None:
    """Refuse a change that would leave nobody able to manage users (nothing could undo it)."""
    managers = (select(User.id).join(User.roles).join(RolePermission, RolePermission.role_code == Role.code)
                .where(RolePermission.permission == USERS_MANAGE, User.active, User.deleted_at.is_(None)).limit(1))
    if session.scalar(managers) is None:
        raise ValidationError(translate("Auth", "This would leave no active user who can manage users."))


# ------------------------------------------------------------------ users


def check_password_rules(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            translate("Auth", "The password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH),
            field="password",
        )


def check_lengths(**values: str | None) -> None:
    """Refuse a user field longer than its column (``display_name=...``), naming the field.

    Checked before anything reaches the database, whose own refusal would be a raw message
    (PostgreSQL) or nothing at all (SQLite stores any length).
    """
    labels = {"username": translate("Auth", "User name"), "display_name": translate("Auth", "Display name"),
              "phone": translate("Auth", "Phone")}
    for name, value in values.items():
        limit = User.__table__.c[name].type.length
        if value is not None and len(value) > limit:
            raise ValidationError(
                translate("Auth", "{field} is too long: at most {limit} characters, {length} given.").format(
                    field=labels[name], limit=limit, length=len(value)),
                field=name,
            )


def build_user(org: OrgUnit, username: str, password: str, display_name: str = "",
               roles: Sequence[Role] = ()) -> User:
    username = (username or "").strip()
    limit = User.__table__.c.username.type.length
    if not username or "@" in username or len(username) > limit or any(ch.isspace() for ch in username):
        raise ValidationError(translate("Auth", "A user name is 1–{n} characters without “@” or spaces.").format(
            n=limit), field="username")
    display_name = (display_name or "").strip()
    check_lengths(display_name=display_name)
    check_password_rules(password)
    return User(org_id=org.id, username=username,
                display_name=display_name, password_hash=hash_password(password), roles=list(roles))


def _roles(session: Session, codes: Iterable[str]) -> list[Role]:
    roles = []
    for code in codes:
        role = session.get(Role, code)
        if role is None:
            raise ValidationError(translate("Auth", "No role {role}.").format(role=code), field="roles")
        roles.append(role)
    return roles


def create_user(session: Session, actor: Actor, *, org_code: str, username: str, password: str,
                display_name: str = "", roles: Iterable[str] = ()) -> User:
    actor.require(USERS_MANAGE)
    org = get_by_code(session, org_code)
    if not can_see(actor, org):
        raise PermissionDenied(translate("Auth", "You may only add users to your own part of the network."))
    if session.scalar(select(User).where(User.org_id == org.id, User.username == username.strip())):
        raise ValidationError(
            translate("Auth", "User {user}@{org} already exists.").format(user=username.strip(), org=org.code),
            field="username",
        )
    user = build_user(org, username, password, display_name, _roles(session, roles))
    session.add(user)
    session.flush()
    audit.record(session, actor, "user", user.id, "create", f"{user.username}@{org.code}",
                 after=audit.snapshot(user, AUDITED_FIELDS))
    return user


def update_user(session: Session, actor: Actor, user: User, *, display_name: str | None = None,
                active: bool | None = None, roles: Iterable[str] | None = None,
                phone: str | None = None) -> User:
    _require_manage(session, actor, user)
    display_name = display_name.strip() if display_name is not None else None
    check_lengths(display_name=display_name, phone=phone)
    before = audit.snapshot(user, AUDITED_FIELDS)
    if display_name is not None:
        user.display_name = display_name
    if active is not None:
        if not active and user.id == actor.user_id:
            raise ValidationError(translate("Auth", "You cannot deactivate yourself."), field="active")
        user.active = active
    if roles is not None:
        user.roles = _roles(session, roles)
    if phone is not None:
        user.phone = phone
    session.flush()
    ensure_an_administrator_remains(session)
    audit.record(session, actor, "user", user.id, "update", user.username, before=before,
                 after=audit.snapshot(user, AUDITED_FIELDS))
    return user


def set_password(session: Session, actor: Actor, user: User, new_password: str,
                 old_password: str | None = None) -> None:
    """Administrators reset anyone else in scope; changing one's own password needs the old one."""
    if user.id == actor.user_id:
        if not verify_password(user.password_hash, old_password or ""):
            raise ValidationError(translate("Auth", "The current password is wrong."), field="old_password")
    else:
        _require_manage(session, actor, user)
    check_password_rules(new_password)
    user.password_hash = hash_password(new_password)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    audit.record(session, actor, "user", user.id, "password", user.username)


def list_users(session: Session, actor: Actor) -> Sequence[User]:
    stmt = (select(User).join(OrgUnit, OrgUnit.id == User.org_id)
            .where(org_scope(actor, User.org_id), User.deleted_at.is_(None)))
    return session.scalars(stmt.order_by(OrgUnit.path, User.username)).all()


def find_user(session: Session, login: str, org_code: str | None = None) -> User | None:
    """``login`` is ``name@ORG`` or a bare name with ``org_code``."""
    name, _, code = login.strip().partition("@")
    code = code or org_code or ""
    org = session.scalar(select(OrgUnit).where(OrgUnit.code == code.strip().upper()))
    if org is None:
        return None
    return session.scalar(select(User).where(User.org_id == org.id, User.username == name,
                                             User.deleted_at.is_(None)))


def _require_manage(session: Session, actor: Actor, user: User) -> None:
    actor.require(USERS_MANAGE)
    if not can_see(actor, session.get(OrgUnit, user.org_id)):
        raise PermissionDenied(translate("Auth", "This user is outside your part of the network."))


# ------------------------------------------------------------------ sign-in


def authenticate(session: Session, login: str, password: str, org_code: str | None = None) -> Actor:
    """Check a password; five failures lock the account for 15 minutes.

    Each attempt is counted before its password is checked (``app.auth.attempts``), so parallel
    guesses get no more tries than one after another, and a database busy with a long import
    delays a sign-in by at most a moment. Ends ``session``'s transaction. A database that cannot
    be used gives one plain line (``AuthError``), never a raw driver message.
    """
    try:
        return _authenticate(session, login, password, org_code)
    except SQLAlchemyError as exc:
        log.warning("sign-in could not use the database: %s", exc)
        raise AuthError(_database_message(exc)) from None


def _authenticate(session: Session, login: str, password: str, org_code: str | None) -> Actor:
    user = find_user(session, login, org_code)
    if user is None or not user.active or not _org_open(session, user):
        session.commit()
        verify_password(_DUMMY_HASH, password)  # same time as a real check: names do not leak
        raise AuthError(translate("Auth", "Wrong user name or password."))
    session.commit()  # hand the connection back before the attempt takes one to count itself
    engine = session.get_bind()
    try:
        ticket = attempts.take_ticket(engine, user.id)
    except attempts.AccountLocked as locked:
        if locked.until is None:  # the user was removed meanwhile
            raise AuthError(translate("Auth", "Wrong user name or password.")) from None
        raise AuthError(_locked_message(session, user, locked.until)) from None
    if not verify_password(user.password_hash, password):
        if ticket.locked_until is not None:
            raise AuthError(_locked_message(session, user, ticket.locked_until))
        raise AuthError(translate(
            "Auth", "Wrong user name or password. {n} attempts left before the account locks."
        ).format(n=ticket.attempts_left))
    new_hash = hash_password(password) if needs_rehash(user.password_hash) else None
    attempts.succeeded(engine, ticket, new_hash)
    return actor_for(session, user)


# Verified against when the user does not exist, so that answer takes as long as a real one.
# A literal (same argon2 parameters as passwords.py) rather than hashing at every start.
_DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Y6c8i0WuK9UxvXBBw1fvhQ$K+8J8qfEbA/kFPxYyHLgCOmJrpxZfav450OH9Z2KcwI"


def _org_open(session: Session, user: User) -> bool:
    org = session.get(OrgUnit, user.org_id)
    return org is not None and org.active and org.deleted_at is None


def _locked_message(session: Session, user: User, until: datetime) -> str:
    clock = LocalClock(session)
    shown = " ".join(filter(None, (clock.text(user.org_id, until, "%H:%M"), clock.zone_note(user.org_id, until))))
    return translate("Auth", "Too many failed sign-ins: the account is locked until {time}.").format(time=shown)


def _database_message(exc: SQLAlchemyError) -> str:
    if isinstance(exc, DBAPIError) and attempts.is_busy(exc):
        return translate("Auth", "The database is busy with another task, such as an import: sign in again in a moment.")
    if isinstance(exc, UserError):  # the engine already put it in words (a full disk, a damaged file)
        return str(exc)
    cause = getattr(exc, "orig", None) or exc
    reason = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    return translate("Auth", "Sign-in could not use the database: {reason}").format(reason=reason)
