"""A machine's coverage: valid, ending within 30 days, expired, or none on record; contract or
warranty, whichever runs longer; the last day still covered. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import NotFound
from plugins.customers import service

ON = date(2026, 11, 2)


def machine(registry, serial, contract_end=None, warranty_end=None, package_code="7X24-4H"):
    with registry.ctx.transaction() as session:
        return service.create_asset(session, registry.hotline, registry.customer_id, serial_number=serial,
                                    product_line="机架式服务器", model="I620-G30", package_code=package_code,
                                    contract_end=contract_end, warranty_end=warranty_end).id


@pytest.mark.parametrize("contract_end, warranty_end, state, ends_on, text", [
    (date(2027, 6, 30), None, "valid", date(2027, 6, 30), "Contract valid until 2027-06-30"),
    (date(2026, 12, 2), None, "ending", date(2026, 12, 2), "Contract ends on 2026-12-02, in 30 days"),
    (date(2026, 12, 3), None, "valid", date(2026, 12, 3), "Contract valid until 2026-12-03"),
    (ON, None, "ending", ON, "Contract ends on 2026-11-02, in 0 days"),
    (date(2026, 11, 1), None, "expired", date(2026, 11, 1), "Contract expired on 2026-11-01"),
    (date(2026, 5, 1), date(2026, 11, 20), "ending", date(2026, 11, 20), "Warranty ends on 2026-11-20, in 18 days"),
    (date(2026, 5, 1), date(2025, 5, 1), "expired", date(2026, 5, 1), "Contract expired on 2026-05-01"),
    (None, date(2028, 1, 31), "valid", date(2028, 1, 31), "Warranty valid until 2028-01-31"),
    (None, None, "none", None, "No contract or warranty on record"),
])
def test_coverage_on_a_day(registry, contract_end, warranty_end, state, ends_on, text):
    asset_id = machine(registry, "SN-COV-1", contract_end, warranty_end)
    with registry.ctx.reading() as session:
        status = service.coverage_status(session, registry.hotline, asset_id, on=ON)
    assert (status.package, status.state, status.ends_on, status.text) == (
        "7X24-4H 7×24 4小时到场", state, ends_on, text)


def test_a_machine_without_a_package_and_one_out_of_sight(registry):
    asset_id = machine(registry, "SN-COV-2", package_code=None)
    with registry.ctx.reading() as session:
        assert service.coverage_status(session, registry.hotline, asset_id, on=ON).package == ""
        with pytest.raises(NotFound):
            service.coverage_status(session, registry.sh_hotline, asset_id, on=ON)
