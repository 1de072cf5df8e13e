"""The registry's door: add, edit, retire and find customers, each checked there (permission,
scope, the unit that writes the rows), and what it tells the page a user may do."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.errors import NotFound, PermissionDenied, ValidationError
from app.ids import org_id_for_code
from plugins.customers import service

BJ, SH, PARTNER = (org_id_for_code(c) for c in ("BJ", "SH", "BJ-P01"))


def test_a_customer_is_added_edited_and_retired_with_an_audit_trail(registry):
    ctx, hotline = registry.ctx, registry.hotline
    with ctx.transaction() as session:
        customer = service.create_customer(session, hotline, name=" 乌鲁木齐市第一人民医院 ", region="乌鲁木齐")
        customer_id = customer.id
        assert (customer.name, customer.org_id) == ("乌鲁木齐市第一人民医院", BJ)
    with ctx.transaction() as session:
        service.update_customer(session, hotline, customer_id, name="新疆医科大学第一附属医院", region="新疆 乌鲁木齐")
    with ctx.reading() as session:
        rows = service.list_customers(session, hotline).rows
        assert ("新疆医科大学第一附属医院", "新疆 乌鲁木齐") in {(r.name, r.region) for r in rows}
    with ctx.transaction() as session:
        service.retire_customer(session, hotline, customer_id)
    with ctx.reading() as session:
        assert customer_id not in {r.id for r in service.list_customers(session, hotline).rows}
        assert customer_id not in {c.id for c in service.search_customers(session, hotline, "新疆")}
        assert service.get_customer(session, hotline, customer_id).deleted_at is not None  # kept, for old cases
        trail = session.execute(select(AuditEntry.action, AuditEntry.before, AuditEntry.after)
                                .where(AuditEntry.entity_id == str(customer_id)).order_by(AuditEntry.at)).all()
    assert [a for a, *_ in trail] == ["create", "update", "retire"]
    assert trail[1].before == {"name": "乌鲁木齐市第一人民医院", "region": "乌鲁木齐"}
    with pytest.raises(ValidationError, match="retired"), ctx.transaction() as session:
        service.update_customer(session, hotline, customer_id, name="再改一次")


def test_names_are_unique_per_unit_retired_customers_included(registry):
    ctx, hotline = registry.ctx, registry.hotline
    with pytest.raises(ValidationError, match="already exists"), ctx.transaction() as session:
        service.create_customer(session, hotline, name="北京市第一人民医院")
    with ctx.transaction() as session:  # the same name in another unit is another customer
        service.create_customer(session, registry.sh_hotline, name="北京市第一人民医院", region="北京")
        old = service.create_customer(session, hotline, name="北京电力公司")
    with ctx.transaction() as session:
        service.retire_customer(session, hotline, old.id)
    with pytest.raises(ValidationError, match="retired customer"), ctx.transaction() as session:
        service.create_customer(session, hotline, name="北京电力公司")
    with pytest.raises(ValidationError, match="retired customer"), ctx.transaction() as session:
        service.update_customer(session, hotline, registry.customer_id, name="北京电力公司")
    with pytest.raises(ValidationError, match="required"), ctx.transaction() as session:
        service.update_customer(session, hotline, registry.customer_id, name="  ")


def test_looking_needs_the_view_permission_and_changing_the_manage_one(registry, make_actor):
    ctx = registry.ctx
    stranger = make_actor(ctx, "trainer@BJ", roles=["trainer"])
    with ctx.reading() as session:
        with pytest.raises(PermissionDenied):
            service.list_customers(session, stranger)
        with pytest.raises(PermissionDenied):
            service.get_customer(session, stranger, registry.customer_id)
        assert service.list_customers(session, registry.engineer).rows  # the engineer may look
    for change in (lambda s: service.create_customer(s, registry.engineer, name="新客户"),
                   lambda s: service.update_customer(s, registry.engineer, registry.customer_id, name="改名"),
                   lambda s: service.retire_customer(s, registry.engineer, registry.customer_id),
                   lambda s: service.add_contact(s, registry.engineer, registry.customer_id, name="李四"),
                   lambda s: service.create_asset(s, registry.engineer, registry.customer_id, serial_number="SN-X",
                                                  product_line="存储", model="DS600-G35")):
        with pytest.raises(PermissionDenied), ctx.transaction() as session:
            change(session)


def test_other_units_customers_are_out_of_reach(registry):
    ctx = registry.ctx
    with ctx.reading() as session:
        with pytest.raises(NotFound):
            service.get_customer(session, registry.sh_hotline, registry.customer_id)
        assert service.list_customers(session, registry.sh_hotline).rows == []
    with pytest.raises(NotFound), ctx.transaction() as session:
        service.retire_customer(session, registry.sh_hotline, registry.customer_id)
    with pytest.raises(PermissionDenied), ctx.transaction() as session:
        service.create_customer(session, registry.sh_hotline, name="越权客户", org_id=BJ)


def test_a_unit_with_its_own_database_changes_its_customers_only_there(registry):
    """Once BJ is provisioned as a child installation, HQ's copy of its customers is read-only."""
    from app.sync.models import Node

    ctx = registry.ctx
    with ctx.transaction() as session:
        session.add(Node(org_id=BJ, code="BJ", key="00" * 32))
    with pytest.raises(PermissionDenied, match="own database"), ctx.transaction() as session:
        service.update_customer(session, registry.hotline, registry.customer_id, name="改名")
    with pytest.raises(PermissionDenied, match="own database"), ctx.transaction() as session:
        service.create_customer(session, registry.hotline, name="新客户")
    with ctx.reading() as session:
        assert service.units_for_new_customer(session, registry.hotline) == []
        edit = {a.id: a for a in service.available_actions(session, registry.hotline, registry.customer_id)}["edit"]
        assert not edit.enabled and "own database" in edit.reason


def test_the_list_searches_names_and_regions_and_narrows_to_a_unit(registry, admin):
    ctx = registry.ctx
    with ctx.transaction() as session:
        service.create_customer(session, registry.hotline, name="国家电网新疆电力公司", region="乌鲁木齐")
        service.create_customer(session, registry.partner, name="代理商客户", region="北京")
        service.create_customer(session, registry.sh_hotline, name="上海客户", region="上海")

    def names(actor, text="", **unit) -> list[str]:
        return [r.name for r in service.list_customers(session, actor, text, **unit).rows]

    with ctx.reading() as session:
        assert names(registry.hotline, "电力") == ["国家电网新疆电力公司"]  # anywhere in the name
        assert names(registry.hotline, "乌鲁") == ["国家电网新疆电力公司"]  # the region's start
        assert names(registry.hotline, "100%") == []  # wildcards are text
        assert names(admin, org_id=BJ) == ["北京市第一人民医院", "国家电网新疆电力公司"]
        assert names(admin, org_id=BJ, subtree=True) == ["代理商客户", "北京市第一人民医院", "国家电网新疆电力公司"]
        assert names(admin, org_id=SH) == ["上海客户"]
        assert names(registry.manager, org_id=PARTNER) == ["代理商客户"]
        with pytest.raises(PermissionDenied):
            service.list_customers(session, registry.manager, org_id=SH)
        with pytest.raises(PermissionDenied):
            service.search_customers(session, registry.manager, org_id=SH)
        row = next(r for r in service.list_customers(session, registry.hotline).rows if r.id == registry.customer_id)
        assert (row.region, row.unit, row.contact, row.phone, row.assets) == ("北京", "BJ", "王磊（信息科）",
                                                                              "13800000001", 1)
        first_two = service.list_customers(session, admin, limit=2)
        assert len(first_two.rows) == 2 and first_two.truncated
        assert not service.list_customers(session, admin).truncated


def test_the_page_is_told_what_the_user_may_do_and_why_not(registry):
    with registry.ctx.reading() as session:
        nothing_chosen = {a.id: a for a in service.available_actions(session, registry.hotline)}
        chosen = {a.id: a for a in service.available_actions(session, registry.hotline, registry.customer_id)}
        looker = {a.id: a for a in service.available_actions(session, registry.engineer, registry.customer_id)}
    assert nothing_chosen["add"].enabled and nothing_chosen["import"].enabled
    assert not nothing_chosen["edit"].enabled and nothing_chosen["edit"].reason == "Select a customer first."
    assert chosen["edit"].enabled and chosen["retire"].enabled and chosen["retire"].reason == ""
    assert not any(a.enabled for a in looker.values())
    assert all("managing customers" in a.reason for a in looker.values())


def test_a_machine_needs_a_known_package_a_free_serial_and_a_site_of_its_customer(registry):
    ctx, hotline = registry.ctx, registry.hotline
    with ctx.transaction() as session:
        other = service.create_customer(session, hotline, name="北京交通大学")
        foreign_site = service.add_site(session, hotline, other.id, name="主机房").id
    attempts = [({"serial_number": registry.serial.lower()}, "already registered"),
                ({"serial_number": "SN-NEW", "package_code": "9X9"}, "No service package"),
                ({"serial_number": "SN-NEW", "site_id": foreign_site}, "not one of"),
                ({"serial_number": " "}, "required")]
    for extra, message in attempts:
        with pytest.raises(ValidationError, match=message), ctx.transaction() as session:
            service.create_asset(session, hotline, registry.customer_id, product_line="存储", model="DS600-G35",
                                 **extra)
    with ctx.reading() as session:
        found = service.find_asset_by_serial(session, hotline, " sn-bj-0001 ")
        assert found is not None and service.package_for_asset(session, found).code == "7X24-4H"
        assert service.package_for_asset(session, None).code == service.DEFAULT_PACKAGE_CODE
        assert service.find_asset_by_serial(session, registry.sh_hotline, registry.serial) is None


def test_other_plugins_find_live_customers_and_how_to_reach_them(registry):
    ctx = registry.ctx
    with ctx.transaction() as session:
        gone = service.create_customer(session, registry.hotline, name="已注销客户")
        service.add_contact(session, registry.hotline, gone.id, name="赵六", phone="010-1")
        service.retire_customer(session, registry.hotline, gone.id)
        gone_id = gone.id
    with ctx.reading() as session:
        assert service.visible_customer(session, registry.followup, registry.customer_id).name == "北京市第一人民医院"
        assert service.visible_customer(session, registry.followup, gone_id) is None  # no new cases
        assert service.visible_customer(session, registry.sh_hotline, registry.customer_id) is None
        reach = service.contacts_of(session, registry.followup, [registry.customer_id, gone_id, None])
        assert reach[registry.customer_id] == service.CustomerContact("北京市第一人民医院", "王磊（信息科）", "13800000001")
        assert reach[gone_id].phone == "010-1"  # an old case's customer is still reachable
        assert service.contacts_of(session, registry.sh_hotline, [registry.customer_id]) == {}
        assert service.asset_by_serial(session, "sn-bj-0001").customer_id == registry.customer_id


def test_service_packages_are_kept_at_hq(registry, make_actor):
    ctx = registry.ctx
    analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    with ctx.transaction() as session:
        service.create_service_package(session, analyst, code="7x24-2h", name="7×24 2小时到场", coverage="24x7",
                                       response_minutes=15, onsite_minutes=120, resolution_minutes=720)
    with ctx.reading() as session:
        assert [p.code for p in service.list_service_packages(session, registry.hotline)] == [
            "5X8-NBD", "7X24-2H", "7X24-4H"]
    with pytest.raises(PermissionDenied), ctx.transaction() as session:
        service.create_service_package(session, registry.hotline, code="X", name="X", coverage="24x7",
                                       response_minutes=1, onsite_minutes=1, resolution_minutes=1)
    with pytest.raises(ValidationError, match="more than zero"), ctx.transaction() as session:
        service.create_service_package(session, analyst, code="X", name="X", coverage="24x7",
                                       response_minutes=0, onsite_minutes=1, resolution_minutes=1)