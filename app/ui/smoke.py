"""``service-center smoke``: sign in as a smoke user, open every page, report one line each."""

from __future__ import annotations

import secrets
import sys
import traceback

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

SMOKE_USER = "smoke"


def _prepare_smoke_user(ctx) -> str:
    """A throwaway administrator with a fresh random password, deactivated after the run."""
    from app.auth.models import Role, User
    from app.auth.passwords import hash_password
    from app.runtime import node_org

    password = secrets.token_urlsafe(16)
    with ctx.transaction() as session:
        org = node_org(ctx, session)
        user = session.scalar(select(User).where(User.org_id == org.id, User.username == SMOKE_USER))
        if user is None:
            user = User(org_id=org.id, username=SMOKE_USER, display_name="smoke test", password_hash="")
            session.add(user)
        user.password_hash = hash_password(password)
        user.active = True
        user.locked_until = None
        user.roles = list(session.scalars(select(Role)))
        code = org.code
    return f"{SMOKE_USER}@{code}", password


def _retire_smoke_user(ctx) -> None:
    from app.auth.models import User

    with ctx.transaction() as session:
        for user in session.scalars(select(User).where(User.username == SMOKE_USER)):
            user.active = False


def run_smoke(ctx) -> int:
    from app.auth.service import authenticate
    from app.ui.main_window import MainWindow

    app = QApplication.instance()
    login, password = _prepare_smoke_user(ctx)
    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda t, v, tb: errors.append("".join(traceback.format_exception(t, v, tb)))
    failed = 0
    try:
        with ctx.reading() as session:
            actor = authenticate(session, login, password)
        window = MainWindow(ctx.signed_in(actor))
        window.remember_state = False  # a smoke run must not move the user's window or last page
        window.show()
        for spec in window.page_specs:
            errors.clear()
            window.open_page(spec.id)
            for _ in range(3):  # let the page's workers finish and deliver their results
                app.processEvents()
                QThreadPool.globalInstance().waitForDone(10_000)
            app.processEvents()
            error = window.page_errors.get(spec.id) or (errors[-1].strip().splitlines()[-1] if errors else "")
            failed += bool(error)
            print(f"{'FAIL' if error else 'ok  '} {spec.id:<28} {spec.title}" + (f"  {error}" if error else ""))
        window.close()
    finally:
        sys.excepthook = previous_hook
        _retire_smoke_user(ctx)
    print(f"{len(window.page_specs) - failed} pages opened, {failed} failed")
    return 1 if failed else 0
