"""The ticket window draws the door's ``available_actions`` (every button in its place, disabled
with the reason as tooltip) and asks no other plugin itself: dispatch vetoes come from the service."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from plugins.tickets import service
from plugins.tickets.views.ticket_window import TicketWindow


@pytest.fixture
def ctx(sqlite_ctx):  # the window runs on SQLite only; test_available_actions covers both databases
    return sqlite_ctx


def test_the_window_draws_the_services_actions_and_decides_nothing(qtbot, network, monkeypatch):
    ticket_id = network.open_ticket()
    chosen = [service.TicketAction(name, f"label {name}", name in ("close", "pdf"),
                                   "" if name in ("close", "pdf") else f"because {name}")
              for name in service.ACTIONS]
    seen = []

    def scripted(session, actor, asked_id):
        seen.append(asked_id)
        return chosen

    monkeypatch.setattr(service, "available_actions", scripted)
    window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
    qtbot.addWidget(window)
    assert seen == [ticket_id]
    for action in chosen:
        button = window.buttons[action.id]
        assert not button.isHidden() and button.text() == action.label
        assert button.isEnabled() == action.enabled  # a new ticket's "close": the window follows the service
        assert button.toolTip() == action.reason
    layout_order = [window.buttons[name] for name in service.ACTIONS]
    assert [b.objectName() for b in layout_order] == [f"action_{name}" for name in service.ACTIONS]


def test_the_dispatch_dialog_shows_the_services_vetoes_without_asking_the_hook(qtbot, network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "diagnosing", network.hook())
    asked = []

    class CountingHook:
        def __getattr__(self, name):
            return getattr(network.ctx.hook, name)

        def can_dispatch(self, session, check):
            asked.append(check.engineer_id)
            vetoed = check.engineer_id == network.engineer.user_id
            return ["No valid certificate for 机架式服务器"] if vetoed else []

    ctx = replace(network.ctx.signed_in(network.dispatcher), plugins=SimpleNamespace(hook=CountingHook()))
    window = TicketWindow(ctx, ticket_id)
    qtbot.addWidget(window)
    assert asked == []  # drawing the window asks no other plugin
    dialog = window.dispatch()
    engineers = len(dialog.choices.engineers)
    assert sorted(asked) == sorted(c.user_id for c in dialog.choices.engineers)  # once each, by the service
    dialog.engineer.setCurrentIndex(dialog.engineer.findText("eng"))
    assert "No valid certificate" in dialog.veto.text() and not dialog.override.isEnabled()
    dialog.engineer.setCurrentIndex((dialog.engineer.currentIndex() + 1) % engineers)
    dialog.engineer.setCurrentIndex(dialog.engineer.findText("eng"))
    assert len(asked) == engineers  # switching engineers shows the service's answer, asks nothing again
    dialog.reject()
