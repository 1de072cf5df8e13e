"""Through the real windows: plan a session, enrol past capacity, record scores, see pass and fail."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from confirmations import answer_confirmation
from plugins.training.views.courses_page import CoursesPage
from plugins.training.views.enrol_dialog import CancelEnrolmentDialog, EnrolDialog
from plugins.training.views.history_page import HistoryPage
from plugins.training.views.scores_dialog import ScoresDialog
from plugins.training.views.session_dialog import SessionDialog
from plugins.training.views.sessions_page import SessionsPage


def click_ok(dialog, which=QDialogButtonBox.Ok):
    dialog.buttons.button(which).click()


def test_trainer_runs_a_session_through_the_pages(qtbot, sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    zhang = make_actor(ctx, "zhang@BJ", roles=["field_engineer"])
    kit.catalogue(ctx, p.hq_trainer)
    page = SessionsPage(ctx.signed_in(p.bj_trainer))
    qtbot.addWidget(page)

    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SessionDialog)
    dialog.course.setCurrentIndex(dialog.course.findText("SRV-101", Qt.MatchStartsWith))
    dialog.capacity.setValue(2)
    click_ok(dialog)
    assert "place" in dialog.message.text()  # neither a place nor online
    dialog.location.setText("北京培训中心 3 楼")
    with qtbot.waitSignal(page.model.page_loaded):
        click_ok(dialog)
    qtbot.waitUntil(lambda: page.selected_session() == dialog.created_id)
    assert page.model.rows[0][1] == "SRV-101" and page.model.rows[0][6] == "0/2"

    qtbot.mouseClick(page.enrol_button, Qt.LeftButton)
    enrol = page.dialog
    assert isinstance(enrol, EnrolDialog) and enrol.engineers.count() == 3
    for name in ("wang", "li", "zhang"):
        enrol.check(name)
    with qtbot.waitSignal(page.model.page_loaded):
        click_ok(enrol)
    qtbot.waitUntil(lambda: page.enrolments.rowCount() == 3)
    # ticked in list order (BJ before its partner): the partner's engineer is the one left waiting
    assert page.enrolment_texts(0) == ["wang", "zhang", "li"]
    assert page.enrolment_texts(2) == ["Enrolled", "Enrolled", "Waiting list"]
    assert "2 of 2 seats taken, 1 waiting" in page.summary.text()

    qtbot.mouseClick(page.scores_button, Qt.LeftButton)
    scores = page.dialog
    assert isinstance(scores, ScoresDialog) and scores.table.rowCount() == 2  # the waiting engineer sits no exam
    scores.set_score("wang", 85)
    scores.set_score("zhang", 42)
    assert [scores.table.item(r, 3).text() for r in range(2)] == ["Passed", "Failed"]  # shown before saving
    with qtbot.waitSignal(page.model.page_loaded):
        click_ok(scores)
    assert scores.message.text() == "", scores.message.text()
    qtbot.waitUntil(lambda: page.enrolment_texts(5)[:2] == ["Passed", "Failed"])
    assert page.enrolment_texts(4)[:2] == ["85", "42"]
    assert page.enrolments.item(1, 5).foreground().color().name() == "#c62828"

    history = HistoryPage(ctx.signed_in(p.bj_trainer))
    qtbot.addWidget(history)
    history.show_engineer(zhang.user_id)
    assert history.table.item(0, 8).text() == "Failed" and history.table.item(0, 7).text() == "42 / 60"


def test_cancelling_a_seat_moves_the_waiting_engineer_up_on_screen(qtbot, sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=1)
    from plugins.training import service

    with ctx.transaction() as session:
        for engineer in (p.bj_engineer, p.partner_engineer):
            service.enrol(session, p.bj_trainer, sid, engineer.user_id)
    page = SessionsPage(ctx.signed_in(p.bj_trainer))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.enrolments.rowCount() == 2)
    page.enrolments.selectRow(0)
    qtbot.mouseClick(page.cancel_button, Qt.LeftButton)
    cancel = page.dialog
    assert isinstance(cancel, CancelEnrolmentDialog)
    cancel.reason.setText("临时出差")
    with qtbot.waitSignal(page.model.page_loaded):
        click_ok(cancel)
    qtbot.waitUntil(lambda: page.enrolment_texts(2) == ["Enrolled", "Cancelled"])
    assert page.enrolment_texts(0) == ["li", "wang"]

    qtbot.mouseClick(page.edit_session_button, Qt.LeftButton)  # a second seat: nobody waits, nothing moves
    edit = page.dialog
    assert isinstance(edit, SessionDialog) and edit.capacity.value() == 1 and not edit.course.isEnabled()
    edit.capacity.setValue(3)
    with qtbot.waitSignal(page.model.page_loaded):
        click_ok(edit)
    qtbot.waitUntil(lambda: "1 of 3 seats taken" in page.summary.text())

    # cancelling the session asks first; "Go back" keeps it
    from plugins.training.models import TrainingSession

    said = []
    answer_confirmation(yes=False, seen=said)
    page.cancel_session()
    assert "nobody can enrol" in said[0][1] and said[0][2] == "Cancel session"
    with ctx.reading() as session:
        assert not session.get(TrainingSession, sid).cancelled
    answer_confirmation()
    page.cancel_session()
    with ctx.reading() as session:
        assert session.get(TrainingSession, sid).cancelled


def test_engineer_sees_only_their_history_and_managers_cannot_edit(qtbot, sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], starts_in=-2, days=1)
    from plugins.training import service

    with ctx.transaction() as session:
        seat = service.enrol(session, p.bj_trainer, sid, p.bj_engineer.user_id)
        service.record_score(session, p.bj_trainer, seat.id, 91)
    mine = HistoryPage(ctx.signed_in(p.bj_engineer))
    qtbot.addWidget(mine)
    assert not mine.engineer.isEnabled() and mine.table.rowCount() == 1
    assert mine.table.item(0, 8).text() == "Passed"
    assert "1 courses passed, 16 hours trained" in mine.totals.text()
    courses_page = CoursesPage(ctx.signed_in(manager))
    qtbot.addWidget(courses_page)
    assert courses_page.table.rowCount() == 2 and not courses_page.new_button.isEnabled()
    sessions = SessionsPage(ctx.signed_in(manager))
    qtbot.addWidget(sessions)
    assert not sessions.enrol_button.isVisible() and not sessions.new_button.isVisibleTo(sessions)


def test_a_branch_sees_only_its_own_people_in_an_hq_session_and_is_told_so(qtbot, sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.hq_trainer, courses["SRV-101"], capacity=1)
    from plugins.training import service

    with ctx.transaction() as session:
        for engineer in (p.sh_engineer, p.bj_engineer):
            service.enrol(session, p.hq_trainer, sid, engineer.user_id)
    page = SessionsPage(ctx.signed_in(p.bj_trainer))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.enrolments.rowCount() == 1)
    assert page.enrolment_texts(0) == ["wang"] and page.enrolment_texts(2) == ["Waiting list"]
    assert page.summary.text() == "SRV-101: 1 of 1 seats taken, 1 waiting (1 from other units not listed)"


def test_hq_trainer_adds_a_course_with_a_prerequisite_through_the_dialog(qtbot, sqlite_ctx, make_actor, kit):
    from plugins.training.views.course_dialog import CourseDialog

    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    kit.catalogue(ctx, p.hq_trainer)
    page = CoursesPage(ctx.signed_in(p.hq_trainer))
    qtbot.addWidget(page)
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CourseDialog)
    qtbot.keyClicks(dialog.code, "SRV-301")
    dialog.title.setText("关键业务服务器高可用与集群")
    dialog.level.setCurrentIndex(dialog.level.findData("expert"))
    dialog.hours.setValue(32)
    dialog.pass_mark.setValue(80)
    for i in range(dialog.prerequisites.count()):
        if dialog.prerequisites.item(i).data(Qt.UserRole) == "SRV-201":
            dialog.prerequisites.item(i).setCheckState(Qt.Checked)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
    assert dialog.message.text() == ""
    rows = {page.table.item(r, 0).text(): page.table.item(r, 6).text() for r in range(page.table.rowCount())}
    assert rows["SRV-301"] == "SRV-201"
