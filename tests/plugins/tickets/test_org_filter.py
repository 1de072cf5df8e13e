"""The org filter on the ticket list: the door narrows the list, its index-merged pages, the count and
the Excel export to the chosen unit (and the units below it when asked); a unit outside the actor's
scope is refused. Then through the list page's widget."""

import openpyxl
import pytest

from app.errors import PermissionDenied
from app.ids import org_id_for_code
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.service import TicketFilter, list_page
from plugins.tickets.views.list_page import TicketListPage

BJ, SH, PARTNER = (org_id_for_code(c) for c in ("BJ", "SH", "BJ-P01"))


@pytest.fixture
def owners(network, make_actor):
    """Two tickets each at BJ, BJ-P01 and SH; one partner case escalated to BJ. Ticket id -> owner unit."""
    ctx = network.ctx
    partner = make_actor(ctx, "hot@BJ-P01", roles=["hotline", "dispatcher"])
    with ctx.transaction() as session:
        customers = {PARTNER: registry.create_customer(session, partner, name="代理商客户").id,
                     SH: registry.create_customer(session, network.sh_hotline, name="上海客户").id}
    customers[BJ] = network.customer_id
    actors = {BJ: network.hotline, PARTNER: partner, SH: network.sh_hotline}
    made = {}
    for n in range(6):
        org = (BJ, PARTNER, SH)[n % 3]
        with ctx.transaction() as session:
            made[service.create_ticket(session, actors[org], customer_id=customers[org], symptom=f"故障{n}",
                                       priority=1 + n % 4).id] = org
    escalated = next(t for t, org in made.items() if org == PARTNER)
    network.run("escalate", escalated, "需要分公司支持", actor=partner)
    return made


def of(owners, *orgs) -> set:
    return {t for t, org in owners.items() if org in orgs}


def test_the_filter_narrows_every_read_of_the_list(ctx, network, owners, admin, tmp_path):
    cases = [(TicketFilter(org_id=BJ), of(owners, BJ)),
             (TicketFilter(org_id=BJ, subtree=True), of(owners, BJ, PARTNER)),
             (TicketFilter(org_id=SH, subtree=True), of(owners, SH)),
             (TicketFilter(org_id=PARTNER, priority=2), of(owners, PARTNER)),
             (TicketFilter(), set(owners))]
    for filters, expected in cases:
        with ctx.reading() as session:
            listed = {r.id for r in service.list_stream(session, admin, filters)}
            if filters.priority:  # the other filters still apply beside the unit
                expected = {t for t in expected if session.get(service.Ticket, t).priority == 2}
            assert listed == expected, filters
            assert service.list_count(session, admin, filters) == len(expected)
            for sort in ("opened_at", "priority", "state", "due"):
                pages = [r.id for offset in (0, 2, 4) for r in list_page(session, admin, filters, offset=offset,
                                                                            limit=2, sort=sort)]
                assert sorted(pages) == sorted(expected), (filters, sort)
            path = tmp_path / "tickets.xlsx"
            assert service.export_list(session, admin, filters, path) == len(expected)
        numbers = {row[0] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)}
        with ctx.reading() as session:
            assert numbers == {session.get(service.Ticket, t).number for t in expected}


def test_a_chosen_unit_shows_the_cases_it_owns_not_those_escalated_to_it(ctx, network, owners):
    with ctx.reading() as session:
        everything = {r.id for r in list_page(session, network.hotline, TicketFilter(), limit=100)}
        own = {r.id for r in list_page(session, network.hotline, TicketFilter(org_id=BJ), limit=100)}
    assert own == of(owners, BJ)
    assert len(everything - own) == 1 and everything - own <= of(owners, PARTNER)  # the escalated case


def test_a_unit_outside_the_scope_is_refused(ctx, network, owners, tmp_path):
    for actor, unit in ((network.manager, SH), (network.hotline, PARTNER), (network.sh_hotline, BJ)):
        filters = TicketFilter(org_id=unit, subtree=True)
        with ctx.reading() as session:
            for read in (lambda: list(service.list_stream(session, actor, filters)),
                         lambda: list_page(session, actor, filters),
                         lambda: service.list_count(session, actor, filters),
                         lambda: service.export_list(session, actor, filters, tmp_path / "refused.xlsx")):
                with pytest.raises(PermissionDenied):
                    read()
    assert not (tmp_path / "refused.xlsx").exists()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_choosing_a_unit_in_the_list_page_shows_only_its_tickets(qtbot, ctx, network, owners, admin):
    page = TicketListPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()

    def shown() -> set:
        return {page.model.key_at(row) for row in range(page.model.rowCount())}

    qtbot.waitUntil(lambda: shown() == set(owners), timeout=10_000)
    qtbot.waitUntil(lambda: page.org_filter.combo.count() == 5, timeout=10_000)  # all units + HQ, BJ, BJ-P01, SH
    assert page.org_filter.isVisible()
    assert page.org_filter.combo.itemText(2) == "BJ  北京分公司"
    page.org_filter.choose(BJ, include_below=False)
    qtbot.waitUntil(lambda: shown() == of(owners, BJ), timeout=10_000)
    page.org_filter.subtree.click()  # now with its partner
    qtbot.waitUntil(lambda: shown() == of(owners, BJ, PARTNER), timeout=10_000)
    qtbot.waitUntil(lambda: page.count.text() == "Tickets: 4", timeout=10_000)
    page.org_filter.combo.setCurrentIndex(0)  # all units again
    qtbot.waitUntil(lambda: shown() == set(owners), timeout=10_000)
