"""Service packages kept at HQ: created, edited and retired through the door; bad input is refused
naming the field and saves nothing; a ticket copies its package's targets (for its priority) when
it opens, so an edit moves no open ticket's due times; a retired package takes no new machine but
the machines under it keep it. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from app.orgs.service import get_by_code
from plugins.customers import service
from plugins.tickets import service as tickets

TARGETS = dict(response_minutes=20, onsite_minutes=180, resolution_minutes=600)


def create(ctx, actor, code="7X24-3H", **changes):
    values = dict(code=code, name="7×24 3小时到场", coverage="24x7", **TARGETS)
    values.update(changes)
    with ctx.transaction() as session:
        return service.create_service_package(session, actor, **values).id


def codes(ctx, actor) -> list[str]:
    with ctx.reading() as session:
        return [p.code for p in service.list_service_packages(session, actor, include_retired=True)]


@pytest.mark.parametrize("changes, field, words", [
    (dict(response_minutes=0), "response_minutes", "First response must be more than zero"),
    (dict(onsite_minutes=-30), "onsite_minutes", "On site must be more than zero"),
    (dict(resolution_minutes=None), "resolution_minutes", "Resolution must be more than zero"),
    (dict(response_minutes=700), "response_minutes", "cannot be longer than the resolution target (10 h)"),
    (dict(code=" "), "code", "code is required"),
    (dict(name=""), "name", "name is required"),
    (dict(coverage="5x8"), "coverage", "7×24 or business hours"),
    (dict(priority_targets={1: {"response_minutes": 0}}), "priority_targets", "P1 First response must be more"),
    (dict(priority_targets={2: {"resolution_minutes": 10}}), "priority_targets", "P2 First response (20 min) "
                                                                                 "cannot be longer"),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(ctx, admin, changes, field, words):
    before = codes(ctx, admin)
    with pytest.raises(ValidationError) as refused:
        create(ctx, admin, **changes)
    assert refused.value.field == field and words in str(refused.value)
    assert codes(ctx, admin) == before


def test_a_code_is_used_once_retired_packages_included(ctx, admin):
    create(ctx, admin, code="7x24-3h")
    with pytest.raises(ValidationError, match="7X24-3H already exists") as refused:
        create(ctx, admin, code="7X24-3H ")
    assert refused.value.field == "code"
    with ctx.transaction() as session:
        service.retire_service_package(session, admin, service.package_by_code(session, "7X24-3H").id)
    with pytest.raises(ValidationError, match="retired service package has the code 7X24-3H"):
        create(ctx, admin, code="7X24-3H")


def test_only_hq_maintains_packages(registry, make_actor):
    ctx = registry.ctx
    branch_analyst = make_actor(ctx, "analyst@BJ", roles=["hq_analyst"])
    for actor in (registry.hotline, branch_analyst):
        with pytest.raises(PermissionDenied):
            create(ctx, actor)
    with ctx.reading() as session:
        with pytest.raises(PermissionDenied):  # the page is not theirs to open
            service.package_actions(session, registry.hotline)
        actions = service.package_actions(session, branch_analyst)
    assert not any(a.enabled for a in actions) and actions[0].reason == "Service packages are maintained at HQ."


def test_durations_are_typed_in_minutes_or_hours():
    assert [service.parse_duration(t, "f", "F") for t in ("30", "30 min", "4 h", "1.5h", "2 小时", "45分钟", "")] == [
        30, 30, 240, 90, 120, 45, None]
    assert service.parse_duration("-2 h", "f", "F") == -120  # refused as "more than zero" by the checks
    with pytest.raises(ValidationError, match="minutes or hours") as refused:
        service.parse_duration("four hours", "onsite_minutes", "On site")
    assert refused.value.field == "onsite_minutes"
    assert (service.format_duration(240), service.format_duration(90)) == ("4 h", "90 min")


def open_ticket(registry, serial, priority=3):
    with registry.ctx.transaction() as session:
        ticket = tickets.create_ticket(session, registry.hotline, customer_id=registry.customer_id, symptom="硬盘告警",
                                       serial_number=serial, priority=priority)
        return ticket.id


def clock_of(registry, ticket_id):
    with registry.ctx.reading() as session:
        t = tickets.load_ticket(session, registry.hotline, ticket_id)
        return (t.clock, t.response_minutes, t.onsite_minutes, t.resolution_minutes,
                t.response_due_at, t.onsite_due_at, t.resolution_due_at)


def test_an_edit_moves_no_open_ticket_and_the_next_ticket_follows_it_per_priority(registry, admin):
    ctx = registry.ctx
    package_id = create(ctx, admin)
    with ctx.transaction() as session:
        service.create_asset(session, registry.hotline, registry.customer_id, serial_number="SN-BJ-0100",
                             product_line="存储", model="DS600", package_code="7X24-3H")
    before = open_ticket(registry, "SN-BJ-0100")
    opened = clock_of(registry, before)
    assert opened[:4] == ("24x7", 20, 180, 600)
    assert 0 < (opened[4] - utcnow()).total_seconds() <= 20 * 60  # 7×24: twenty minutes from opening

    with ctx.transaction() as session:
        service.update_service_package(session, admin, package_id, name="7×24 2小时到场", coverage="business",
                                       response_minutes=10, onsite_minutes=120, resolution_minutes=480,
                                       priority_targets={1: {"response_minutes": 5, "onsite_minutes": 120}})
    with ctx.transaction() as session:  # the clock looks again: the targets it opened with still hold
        tickets.add_note(session, registry.hotline, before, "客户来电催促")
    assert clock_of(registry, before) == opened

    assert clock_of(registry, open_ticket(registry, "SN-BJ-0100"))[:4] == ("business", 10, 120, 480)
    assert clock_of(registry, open_ticket(registry, "SN-BJ-0100", priority=1))[:4] == ("business", 5, 120, 480)
    with ctx.reading() as session:
        row = next(r for r in service.package_rows(session, admin) if r.code == "7X24-3H")
    assert row.priority_targets == {1: {"response_minutes": 5}}  # only what differs is kept


def test_a_retired_package_takes_no_new_machine_but_its_machines_keep_it(registry, admin):
    ctx = registry.ctx
    package_id = create(ctx, admin)
    with ctx.transaction() as session:
        service.create_asset(session, registry.hotline, registry.customer_id, serial_number="SN-BJ-0200",
                             product_line="存储", model="DS600", package_code="7X24-3H")
    with ctx.transaction() as session:
        service.retire_service_package(session, admin, package_id)
    with pytest.raises(ValidationError, match="retired") as refused, ctx.transaction() as session:
        service.create_asset(session, registry.hotline, registry.customer_id, serial_number="SN-BJ-0201",
                             product_line="存储", model="DS600", package_code="7X24-3H")
    assert refused.value.field == "package_code"
    with ctx.reading() as session:
        assert "7X24-3H" not in [p.code for p in service.list_service_packages(session, registry.hotline)]
        actions = {a.id: a for a in service.package_actions(session, admin, package_id)}
        assert not actions["edit"].enabled and "retired" in actions["edit"].reason
        asset = service.find_asset_by_serial(session, registry.hotline, "SN-BJ-0200")
        status = service.coverage_status(session, registry.hotline, asset.id)
    assert status.package == "7X24-3H 7×24 3小时到场 (retired)"
    assert clock_of(registry, open_ticket(registry, "SN-BJ-0200"))[:4] == ("24x7", 20, 180, 600)
    with pytest.raises(ValidationError, match="retired"), ctx.transaction() as session:
        service.update_service_package(session, admin, package_id, name="x", coverage="24x7", **TARGETS)


def test_the_standard_packages_are_there_for_every_network(ctx):
    with ctx.transaction() as session:
        created = service.ensure_default_packages(session, get_by_code(session, "HQ"))
    assert sorted(p.code for p in created) == ["5X8-NBD", "7X24-4H"]
