"""Dispatch asks the real certification plugin (through can_dispatch): an engineer without a valid
work certificate is refused, and only a branch manager's override, with its reason, lets it through."""

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from plugins.tickets import service


def dispatch(network, ticket_id, actor, **kwargs):
    network.run("dispatch", ticket_id, actor=actor, engineer_id=network.engineer.user_id,
                eta=utcnow() + timedelta(hours=2), hook=network.ctx.hook, **kwargs)


def test_the_certification_plugin_vetoes_and_a_manager_overrides_on_record(network):
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    with pytest.raises(ValidationError, match="certificate") as refused:
        dispatch(network, ticket_id, network.dispatcher)
    with pytest.raises(PermissionDenied):
        dispatch(network, ticket_id, network.dispatcher, override_reason="客户生产系统停机")
    assert network.state_of(ticket_id) == "diagnosing"
    dispatch(network, ticket_id, network.manager, override_reason="客户生产系统停机")
    assert network.state_of(ticket_id) == "dispatched"
    with network.ctx.reading() as session:
        events = [(e.kind, service.event_text(e)) for e in service.timeline(session, network.manager, ticket_id)]
    overrides = [text for kind, text in events if kind == "veto_overridden"]
    assert len(overrides) == 1 and "客户生产系统停机" in overrides[0]
    assert str(refused.value).split(":")[-1].strip()[:20] in overrides[0]
