"""Training: courses, sessions, enrolment with a waiting list, attendance, exam scores, history.
Hookimpls only (thin wiring), calling the door ``service``."""

from pathlib import Path

from app.auth.roles import BRANCH_MANAGER, FIELD_ENGINEER, HQ_ANALYST, TRAINER
from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import DashboardCounter, PageSpec, PermissionSpec, SyncTable
from plugins.training import permissions as codes  # permission codes only; the door loads on first use

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return [
        PermissionSpec(codes.VIEW, translate("Training", "See courses, sessions and training records"),
                       (TRAINER, BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(codes.VIEW_OWN, translate("Training", "See one's own training history"), (FIELD_ENGINEER,)),
        PermissionSpec(codes.MANAGE, translate("Training", "Run sessions: enrolment, attendance, exam scores"),
                       (TRAINER,)),
        PermissionSpec(codes.COURSES, translate("Training", "Edit the course catalogue (at HQ)"), (TRAINER,)),
    ]


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"training_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def courses(context):
        from plugins.training.views.courses_page import CoursesPage

        return CoursesPage(context)

    def sessions(context):
        from plugins.training.views.sessions_page import SessionsPage

        return SessionsPage(context)

    def history(context):
        from plugins.training.views.history_page import HistoryPage

        return HistoryPage(context)

    return [
        PageSpec("training.sessions", translate("Training", "Training sessions"), "fa5s.chalkboard-teacher",
                 sessions, codes.VIEW, order=30),
        PageSpec("training.courses", translate("Training", "Courses"), "fa5s.book", courses, codes.VIEW, order=31),
        PageSpec("training.history", translate("Training", "Training history"), "fa5s.user-graduate", history,
                 codes.VIEW_OWN if ctx.actor and not ctx.actor.has(codes.VIEW) else codes.VIEW, order=32),
    ]


@hookimpl
def dashboard_counters(session, actor):
    if not actor.has(codes.VIEW):
        return []
    from plugins.training.service import upcoming_count, waiting_count

    upcoming = upcoming_count(session, actor)
    waiting = waiting_count(session, actor)
    return [DashboardCounter("training.upcoming", translate("Training", "Upcoming training sessions"), upcoming),
            DashboardCounter("training.waiting", translate("Training", "Engineers on a waiting list"), waiting,
                             "warning" if waiting else "info")]


@hookimpl
def rollup_sections(ctx, period, org_code):
    from plugins.training.service import rollup_sections as training_sections

    return training_sections(ctx, period, org_code)


@hookimpl
def passed_courses(session, engineer_id):
    from plugins.training.service import passed_courses as passes

    return passes(session, engineer_id)


@hookimpl
def course_names(session, course_codes):
    from plugins.training.service import course_names as titles

    return titles(session, course_codes)


@hookimpl(tryfirst=True)  # before certification's demo, which issues certificates to those who passed
def demo_data(demo):
    from plugins.training.service import generate_demo

    generate_demo(demo)


@hookimpl
def sync_tables():
    return [
        SyncTable("training_courses", "down", owner=None),
        SyncTable("training_course_prerequisites", "down", owner=None),
        SyncTable("training_sessions", "up"),
        SyncTable("training_enrolments", "up"),
    ]
