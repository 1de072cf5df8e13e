"""The certification part of the rollup workbook, read back from the .xlsx file: on the period's
last day, engineers with a valid certificate, certificates expiring within 90 days, and partner
authorisations active and lapsed, per unit and on the Summary, equal plain SQL written here over
the test rows (expired, suspended, not yet valid, ending on the day itself and 90 and 91 days
after it; authorisations past their end, short of certified engineers, withdrawn before and after
the day, not yet valid, about to expire). An empty period gives zeros."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import JSON, Date

from app.clock import utcnow
from app.reports.period import Period, parse_period
from app.reports.rollup import write_rollup
from plugins.certification.models import Certificate, CertificateType, PartnerAuthorisation
from rollup_rows import CODES, ORG, SHANGHAI, sheet, sql, summary, tier_groups, workbook

SERVERS, STORAGE = "天阔服务器", "存储"
TITLES = {"certified": "Engineers with a valid certificate", "expiring": "Certificates expiring within 90 days",
          "active": "Partner authorisations active", "lapsed": "Partner authorisations lapsed"}
_numbers = itertools.count(1)


def past_quarter() -> Period:
    return Period.quarter_of(utcnow().astimezone(SHANGHAI).date()).previous_quarter()


def seed(ctx, make_actor, on: date) -> None:
    """Certificates and authorisations around ``on`` (the period's last day)."""
    people = {login: make_actor(ctx, login, roles=["field_engineer"]) for login in (
        "wang@BJ", "sun@BJ", "zhou@BJ", "qian@BJ", "liu@BJ", "li@BJ-P01", "he@BJ-P01", "zhao@SH")}
    days = timedelta(days=1)
    with ctx.transaction() as session:
        kind = CertificateType(code="SRV-B", name="服务器上岗证书", product_lines=[SERVERS], level="basic",
                               validity_months=24, required_courses=[])
        session.add(kind)
        session.flush()

        def certificate(login, valid_from, expires_on, status="valid", lines=(SERVERS,)):
            holder = people[login]
            session.add(Certificate(org_id=holder.org_id, number=f"C-{next(_numbers):04d}", type_id=kind.id,
                                    holder_id=holder.user_id, holder_name=login, product_lines=list(lines),
                                    level="basic", issued_on=valid_from, valid_from=valid_from,
                                    expires_on=expires_on, status=status))

        certificate("wang@BJ", on - 100 * days, on + 200 * days)
        certificate("wang@BJ", on - 100 * days, on + 30 * days, lines=(STORAGE,))  # the same engineer, expiring
        certificate("sun@BJ", on - 700 * days, on - days)  # expired the day before
        certificate("zhou@BJ", on - 100 * days, on + 100 * days, status="suspended")
        certificate("qian@BJ", on + days, on + 700 * days)  # not yet valid
        certificate("liu@BJ", on - 700 * days, on)  # its last day
        certificate("liu@BJ", on - 10 * days, on + 90 * days, lines=(STORAGE,))
        certificate("zhao@SH", on - 10 * days, on + 91 * days)
        certificate("li@BJ-P01", on - 10 * days, on + 300 * days)
        certificate("he@BJ-P01", on - 10 * days, on + 300 * days, status="revoked")

        def authorisation(lines, valid_from, valid_until, minimum=1, withdrawn=None):
            session.add(PartnerAuthorisation(org_id=ORG["BJ-P01"], number=f"AUTH-{next(_numbers):03d}",
                                             product_lines=list(lines), service_types=["on_site"],
                                             valid_from=valid_from, valid_until=valid_until, min_engineers=minimum,
                                             withdrawn_on=withdrawn))

        authorisation([SERVERS], on - 10 * days, on + 200 * days)  # active
        authorisation([SERVERS], on - 400 * days, on - days)  # lapsed: ended the day before
        authorisation([STORAGE], on - 10 * days, on + 200 * days)  # lapsed: nobody certified for storage
        authorisation([SERVERS], on - 10 * days, on + 200 * days, minimum=2)  # lapsed: one engineer of two
        authorisation([SERVERS], on - 10 * days, on + 200 * days, withdrawn=on - 5 * days)  # withdrawn
        authorisation([SERVERS], on + days, on + 200 * days)  # not yet valid
        authorisation([SERVERS], on - 300 * days, on + 20 * days)  # about to expire: still active
        authorisation([SERVERS], on - 10 * days, on + 200 * days, withdrawn=on + 3 * days)  # withdrawn later


def expected(ctx, code: str, on: date) -> dict:
    valid = ("org_id = :org AND status = 'valid' AND valid_from <= :on AND expires_on >= :on "
             "AND deleted_at IS NULL")
    certified = sql(ctx, f"SELECT count(DISTINCT holder_id) FROM certification_certificates WHERE {valid}",
                    org=ORG[code], on=on)[0][0]
    expiring = sql(ctx, f"SELECT count(*) FROM certification_certificates WHERE {valid} AND expires_on <= :ending",
                   org=ORG[code], on=on, ending=on + timedelta(days=90))[0][0]
    held = sql(ctx, "SELECT c.holder_id, c.product_lines FROM certification_certificates c "
                    "JOIN core_users u ON u.id = c.holder_id WHERE u.org_id = :org AND u.active = :yes "
                    "AND u.deleted_at IS NULL AND c.status = 'valid' AND c.valid_from <= :on AND c.expires_on >= :on",
               columns={"product_lines": JSON()}, org=ORG[code], on=on, yes=True)
    active = lapsed = 0
    for lines, start, end, minimum, withdrawn in sql(
            ctx, "SELECT product_lines, valid_from, valid_until, min_engineers, withdrawn_on "
                 "FROM certification_partner_authorisations WHERE org_id = :org AND deleted_at IS NULL",
            columns={"product_lines": JSON(), "valid_from": Date(), "valid_until": Date(), "withdrawn_on": Date()},
            org=ORG[code]):
        if (withdrawn is not None and withdrawn <= on) or on < start:
            continue
        engineers = len({holder for holder, held_lines in held if set(held_lines) & set(lines)})
        if on > end or engineers < minimum:
            lapsed += 1
        else:
            active += 1
    return {"certified": certified, "expiring": expiring, "active": active, "lapsed": lapsed}


def test_every_certification_figure_of_the_workbook_is_the_sql_count(ctx, admin, make_actor, tmp_path):
    period = past_quarter()
    seed(ctx, make_actor, period.last_day)
    write_rollup(ctx.signed_in(admin), period, None, tmp_path / "rollup.xlsx")
    book = workbook(tmp_path / "rollup.xlsx")
    own = {code: expected(ctx, code, period.last_day) for code in CODES}
    assert own["BJ"] == {"certified": 2, "expiring": 3, "active": 0, "lapsed": 0}  # the cases hold
    assert own["BJ-P01"] == {"certified": 1, "expiring": 0, "active": 3, "lapsed": 3}

    rows = sheet(book, "Certification by unit")
    assert list(rows) == list(CODES)
    lines = summary(book)
    for code, f in own.items():
        assert {key: rows[code][title] for key, title in TITLES.items()} == f, code
    for key, codes in {**{code: (code,) for code in CODES}, **tier_groups()}.items():
        assert {k: lines[key][title] for k, title in TITLES.items()} == {
            k: sum(own[c][k] for c in codes) for k in TITLES}, key

    authorisations = list(book["Partner authorisations"].iter_rows(values_only=True))
    assert authorisations[0][-1] == f"Status on {period.last_day.isoformat()}"
    statuses = [row[-1] for row in authorisations[1:]]
    assert sorted(statuses) == sorted(["Active", "Lapsed", "Lapsed", "Lapsed", "Withdrawn", "Not yet valid",
                                       "Expiring", "Active"])
    assert book["Partner authorisations"].cell(2, 4).number_format == "yyyy-mm-dd"


def test_an_empty_period_and_a_reader_who_sees_only_their_own(ctx, admin, make_actor, tmp_path):
    seed(ctx, make_actor, past_quarter().last_day)
    write_rollup(ctx.signed_in(admin), parse_period("2001Q1"), None, tmp_path / "empty.xlsx")
    book = workbook(tmp_path / "empty.xlsx")
    assert [list(row.values())[2:] for row in sheet(book, "Certification by unit").values()] == [[0] * 4] * 4
    assert list(book["Partner authorisations"].iter_rows(values_only=True))[1][-1] == "Not yet valid"
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])  # certification.view, not view_all
    groups = ctx.hook.rollup_sections(ctx=ctx.signed_in(engineer), period=past_quarter(), org_code=None)
    assert not [s for group in groups for s in group if s.title == "Certification by unit"]
