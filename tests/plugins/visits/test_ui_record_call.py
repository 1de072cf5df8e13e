"""Through the real windows: a follow-up specialist records a reached call with the survey's
answers on the follow-up page; the low score's corrective action is closed by the branch manager
on the corrective actions page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from confirmations import answer_confirmation
from follow_up_cases import closed_event, desk, schedule
from plugins.visits import service
from plugins.visits.models import CorrectiveAction, FollowUpCall, SurveyAnswer
from plugins.visits.views.corrective_page import CorrectiveActionsPage
from plugins.visits.views.followups_page import FollowUpsPage
from plugins.visits.views.record_call_dialog import RecordCallDialog

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def opened(qtbot, page):
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.rows is not None, timeout=10_000)
    return page


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def choose(combo, data) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == data))


def test_a_specialist_records_the_survey_and_a_manager_closes_the_corrective_action(qtbot, ctx, make_actor):
    team = desk(ctx, make_actor)
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    number = "BJ-202611-000123"
    call_id = schedule(ctx, closed_event(number=number, customer_id=team.customer_id, engineer_id=engineer.user_id))

    page = opened(qtbot, FollowUpsPage(ctx.signed_in(team.specialist)))
    row = column(page.table, 0).index(number)
    assert [page.table.item(row, c).text() for c in (1, 2, 3, 4, 7, 8)] == [
        "北京协和医院", "李工（信息中心）", "010-69156114", "eng", "0", "Overdue"]
    page.table.selectRow(row)
    seen = {}

    def answer_the_survey():
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        choose(dialog.outcome, "reached")
        assert dialog.answers["solved"].isVisibleTo(dialog)
        choose(dialog.answers["solved"], True)
        choose(dialog.answers["satisfaction"], 2)
        seen["consequence"] = dialog.consequence.text()
        choose(dialog.answers["punctuality"], False)
        choose(dialog.answers["attitude"], 3)
        dialog.answers["suggestions"].setText("希望提前电话告知到场时间")
        dialog.ok_button.click()
        seen["refusal"] = dialog.message.text()  # a low score needs a note
        dialog.note.setPlainText("工程师迟到两小时")
        dialog.ok_button.click()

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        QTimer.singleShot(0, answer_the_survey)
        page.record_button.click()
    assert seen["title"] == "Record call" and "corrective action" in seen["consequence"]
    assert seen["refusal"].startswith("Note:")
    assert "survey is recorded" in page.outcome.text() and "corrective action" in page.outcome.text()
    assert number not in column(page.table, 0)  # no longer due
    with ctx.reading() as session:
        call = session.get(FollowUpCall, call_id)
        stored = dict(session.execute(select(SurveyAnswer.question_code, SurveyAnswer.value)
                                      .where(SurveyAnswer.call_id == call_id)).all())
    assert (call.state, call.solved, call.satisfaction, call.notes) == ("done", True, 2, "工程师迟到两小时")
    assert stored == {"solved": "yes", "satisfaction": "2", "punctuality": "no", "attitude": "3",
                      "suggestions": "希望提前电话告知到场时间"}

    actions = opened(qtbot, CorrectiveActionsPage(ctx.signed_in(manager)))
    assert column(actions.table, 0) == [number]
    assert [actions.table.item(0, c).text() for c in (1, 2, 3, 4, 5, 8)] == [
        "北京协和医院", "eng", "boss", "2 / 5", "工程师迟到两小时", "Open"]
    actions.table.selectRow(0)
    assert actions.close_button.isEnabled()

    def resolve():
        dialog = QApplication.activeModalWidget()
        dialog.fields["resolution"].setPlainText("已约谈工程师，向客户致歉并调整排班")
        answer_confirmation(seen=closing)  # a closed action cannot be reopened: asked first
        dialog.ok_button.click()

    closing = []
    with qtbot.waitSignal(actions.loaded, timeout=10_000):
        QTimer.singleShot(0, resolve)
        actions.close_button.click()
    assert closing[0][2] == "Close action" and "cannot be reopened" in closing[0][1]
    assert actions.table.rowCount() == 0  # open ones only
    with qtbot.waitSignal(actions.loaded, timeout=10_000):
        choose(actions.show_which, False)
    assert actions.table.item(0, 8).text().startswith("Closed ") and actions.table.item(0, 8).text().endswith("boss")
    assert actions.table.item(0, 9).text() == "已约谈工程师，向客户致歉并调整排班"
    with ctx.reading() as session:
        action = session.scalar(select(CorrectiveAction))
        assert (action.closed_by, action.resolution) == (manager.user_id, "已约谈工程师，向客户致歉并调整排班")


def test_the_dialog_says_what_an_outcome_will_do_before_saving(qtbot, ctx, make_actor):
    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id))
    dialog = RecordCallDialog(ctx.signed_in(team.specialist), call_id)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.outcome, "no_answer")
    assert "attempt 1 of 3" in dialog.consequence.text() and not dialog.answers["solved"].isVisible()
    choose(dialog.outcome, "wrong_number")
    assert "closes the call as unreachable" in dialog.consequence.text()
    choose(dialog.outcome, "reached")
    assert dialog.answers["solved"].isVisible() and not dialog.unsolved_action.isVisible()
    choose(dialog.answers["solved"], False)
    assert dialog.unsolved_action.isVisible() and dialog.unsolved_reason.isVisible()
    assert "reopen the ticket or open a quality complaint" in dialog.consequence.text()
    choose(dialog.answers["satisfaction"], 4)
    dialog.ok_button.click()  # no choice made for the unsolved problem
    assert dialog.isVisible() and dialog.is_marked("unsolved_action")
    choose(dialog.outcome, "wrong_number")
    said = []
    answer_confirmation(yes=False, seen=said)  # closing it as unreachable is asked first
    dialog.ok_button.click()
    assert "closed as unreachable" in said[0][1] and dialog.isVisible()
    answer_confirmation()
    dialog.ok_button.click()
    assert dialog.result() == RecordCallDialog.Accepted
    with ctx.reading() as session:
        assert session.get(FollowUpCall, call_id).state == "unreachable"


def test_a_withdrawn_call_stays_on_the_form_with_the_reason(qtbot, ctx, make_actor):
    team = desk(ctx, make_actor)
    ticket_id = team.closed_ticket()
    [call] = team.calls(ticket_id)
    team.reopen(ticket_id)
    dialog = RecordCallDialog(ctx.signed_in(team.specialist), call.id)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.outcome, "no_answer")
    dialog.ok_button.click()
    assert dialog.isVisible() and "was reopened on" in dialog.message.text()
    with ctx.reading() as session:
        assert session.get(FollowUpCall, call.id).attempts == 0
        assert service.list_calls(session, team.specialist, "withdrawn")[0].id == call.id
