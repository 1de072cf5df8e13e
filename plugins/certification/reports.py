"""The certification sheets of the HQ rollup (no Qt), for a reader the door let in: counts at the
period's last day, one row per org unit the reader may see (zeros where there is nothing), and
the units' figures for the Summary sheet.

    engineers certified      engineers holding at least one certificate valid that day, in the
                             unit that issued it (certificates are dates: no time zone involved)
    expiring within 90 days  certificates valid that day whose validity ends within 90 days after it
    authorisations           a partner's service authorisations active that day (in force with
                             enough certified engineers, those about to expire included) and
                             lapsed (past their end, or short of certified engineers); the status
                             rule is the authorisations page's own (``authorisations.status_on``)

A certificate's status (suspended, revoked) is the one recorded now: a certificate revoked since
the period's end no longer counts for it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.reports.period import Period
from app.reports.summary import Unit, units_covered
from app.specs import Measure, RollupColumn, RollupSection, UnitFigure
from plugins.certification.authorisations import certificates_held, certified_for, status_label, status_on
from plugins.certification.certificates import valid_clause
from plugins.certification.models import Certificate, PartnerAuthorisation

EXPIRING_WITHIN_DAYS = 90


@dataclass
class Tally:
    certified_engineers: int = 0
    expiring: int = 0
    authorisations: Counter = field(default_factory=Counter)  # status -> authorisations


@dataclass(frozen=True)
class AuthorisationLine:
    authorisation: PartnerAuthorisation
    certified: int
    status: str


def rollup_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    on = period.last_day
    with ctx.reading() as session:
        units = units_covered(session, ctx.actor, org_code)
        ids = [u.id for u in units]
        tallies = certificate_tallies(session, ids, on)
        lines = authorisation_lines(session, ids, on)
    for line in lines:
        tallies[line.authorisation.org_id].authorisations[line.status] += 1
    return [unit_section(units, tallies), authorisations_section(units, lines, on)]


def certificate_tallies(session: Session, org_ids: Sequence[uuid.UUID], on: date) -> dict[uuid.UUID, Tally]:
    tallies = {org_id: Tally() for org_id in org_ids}
    if not org_ids:
        return tallies
    ending = on + timedelta(days=EXPIRING_WITHIN_DAYS)
    stmt = (select(Certificate.org_id, func.count(func.distinct(Certificate.holder_id)),
                   func.sum(case((Certificate.expires_on <= ending, 1), else_=0)))
            .where(Certificate.org_id.in_(list(org_ids)), valid_clause(on)).group_by(Certificate.org_id))
    for org_id, engineers, expiring in session.execute(stmt):
        tallies[org_id].certified_engineers = int(engineers)
        tallies[org_id].expiring = int(expiring or 0)
    return tallies


def authorisation_lines(session: Session, org_ids: Sequence[uuid.UUID], on: date) -> list[AuthorisationLine]:
    """Every authorisation of the units (partners) with its status on ``on``: two queries."""
    if not org_ids:
        return []
    auths = session.scalars(select(PartnerAuthorisation).where(
        PartnerAuthorisation.org_id.in_(list(org_ids)), PartnerAuthorisation.deleted_at.is_(None))
        .order_by(PartnerAuthorisation.number)).all()
    held = certificates_held(session, sorted({a.org_id for a in auths}), on) if auths else {}
    lines = []
    for auth in auths:
        certified = certified_for(held.get(auth.org_id, []), auth.product_lines)
        lines.append(AuthorisationLine(auth, certified, status_on(auth, certified, on)[0]))
    return lines


def active(tally: Tally) -> int:
    return tally.authorisations["active"] + tally.authorisations["expiring"]


def certification_measures() -> dict[str, Measure]:
    return {
        "certified": Measure("certification.engineers_certified",
                             translate("Certification", "Engineers with a valid certificate")),
        "expiring": Measure("certification.expiring_90_days",
                            translate("Certification", "Certificates expiring within 90 days")),
        "active": Measure("certification.authorisations_active",
                          translate("Certification", "Partner authorisations active")),
        "lapsed": Measure("certification.authorisations_lapsed",
                          translate("Certification", "Partner authorisations lapsed")),
    }


def unit_section(units: Sequence[Unit], tallies: dict[uuid.UUID, Tally]) -> RollupSection:
    measures = certification_measures()
    rows, figures = [], []
    for unit in units:
        tally = tallies[unit.id]
        values = {"certified": tally.certified_engineers, "expiring": tally.expiring, "active": active(tally),
                  "lapsed": tally.authorisations["lapsed"]}
        rows.append((unit.code, unit.name, *values.values()))
        figures += [UnitFigure(measures[key].code, unit.id, value) for key, value in values.items()]
    columns = [RollupColumn(translate("Certification", "Org code")),
               RollupColumn(translate("Certification", "Org unit")),
               *(RollupColumn(m.label, "count") for m in measures.values())]
    return RollupSection(translate("Certification", "Certification by unit"), columns, rows,
                         measures=list(measures.values()), figures=figures)


def authorisations_section(units: Sequence[Unit], lines: Sequence[AuthorisationLine], on: date) -> RollupSection:
    by_id = {u.id: u for u in units}
    order = {u.id: index for index, u in enumerate(units)}
    columns = [RollupColumn(translate("Certification", "Partner code")),
               RollupColumn(translate("Certification", "Partner")),
               RollupColumn(translate("Certification", "Authorisation")),
               RollupColumn(translate("Certification", "Valid from"), "date"),
               RollupColumn(translate("Certification", "Valid until"), "date"),
               RollupColumn(translate("Certification", "Certified engineers"), "count"),
               RollupColumn(translate("Certification", "Required engineers"), "count"),
               RollupColumn(translate("Certification", "Status on {day}").format(day=on.isoformat()))]
    rows = []
    for line in sorted(lines, key=lambda x: (order[x.authorisation.org_id], x.authorisation.number)):
        auth, partner = line.authorisation, by_id[line.authorisation.org_id]
        rows.append((partner.code, partner.name, auth.number, auth.valid_from, auth.valid_until, line.certified,
                     auth.min_engineers, status_label(line.status)))
    return RollupSection(translate("Certification", "Partner authorisations"), columns, rows)
