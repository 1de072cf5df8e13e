"""Recording a follow-up call on its form: reached or not, solved, satisfaction, notes."""

import uuid
from datetime import timedelta

import pytest

from app.clock import utcnow
from app.ids import org_id_for_code
from app.specs import TicketClosed
from plugins.visits import service
from plugins.visits.views.record_call_dialog import RecordCallDialog

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def due_call(ctx, specialist):
    event = TicketClosed(uuid.uuid4(), "BJ-202611-000009", org_id_for_code("BJ"), None, utcnow() - timedelta(days=3),
                         None)
    with ctx.transaction() as session:
        ctx.hook.ticket_closed(session=session, event=event)
    with ctx.reading() as session:
        return service.list_calls(session, specialist)[0].id


def test_a_reached_customer_gives_a_satisfaction_and_says_whether_it_is_solved(qtbot, ctx, make_actor):
    specialist = make_actor(ctx, "fu@BJ", roles=["followup"])
    call_id = due_call(ctx, specialist)
    dialog = RecordCallDialog(ctx.signed_in(specialist), call_id)
    qtbot.addWidget(dialog)
    dialog.solved.setChecked(False)  # satisfied with the visit, yet the fault came back: both are recorded
    dialog.satisfaction.setValue(4)
    dialog.notes.setPlainText("客户表示故障复现")
    dialog.ok_button.click()
    assert dialog.result() == RecordCallDialog.Accepted, dialog.message.text()
    with ctx.reading() as session:
        call = service.list_calls(session, specialist, state=None)[0]
        assert (call.state, call.solved, call.satisfaction, call.notes) == ("done", False, 4, "客户表示故障复现")


def test_an_unreachable_customer_answers_no_questions(qtbot, ctx, make_actor):
    specialist = make_actor(ctx, "fu@BJ", roles=["followup"])
    call_id = due_call(ctx, specialist)
    dialog = RecordCallDialog(ctx.signed_in(specialist), call_id)
    qtbot.addWidget(dialog)
    dialog.reached.setChecked(False)
    assert not dialog.satisfaction.isEnabled() and not dialog.solved.isEnabled()
    dialog.ok_button.click()
    with ctx.reading() as session:
        call = service.list_calls(session, specialist, state=None)[0]
        assert (call.state, call.solved, call.satisfaction) == ("unreachable", None, None)


def test_a_refusal_from_the_door_stays_on_the_form(qtbot, ctx, make_actor):
    specialist = make_actor(ctx, "fu@BJ", roles=["followup"])
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])  # may not record calls
    call_id = due_call(ctx, specialist)
    dialog = RecordCallDialog(ctx.signed_in(engineer), call_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message.text()
