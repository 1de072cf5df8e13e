"""A stand-in plugin for the dashboard tests: per org unit of the test network (HQ, BJ, its
partner BJ-P01, SH) a share with a target, a count and a mean, with known figures."""

from __future__ import annotations

from app.hookspecs import hookimpl
from app.ids import org_id_for_code
from app.specs import Measure, RollupSection, UnitFigure

MET = Measure("test.met", "Commitments met", "share", target=0.9, chart=True)
CASES = Measure("test.cases", "Cases closed", "count", chart=True)
HOURS = Measure("test.hours", "Mean hours to close", "mean")

# code: (commitments met, due, cases, hours over those cases)
OWN = {"HQ": (5, 5, 5, 10.0), "BJ": (6, 10, 10, 30.0), "BJ-P01": (10, 10, 10, 5.0), "SH": (19, 20, 20, 50.0)}


def expected(*codes: str) -> tuple:
    """The figures of the units ``codes`` together: (met share, cases, mean hours)."""
    met, due, cases, hours = (sum(OWN[c][i] for c in codes) for i in range(4))
    return met / due, cases, hours / cases


class Commitments:
    def __init__(self):
        self.periods = []

    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        self.periods.append((period, org_code))
        figures = []
        for code, (met, due, cases, hours) in OWN.items():
            org_id = org_id_for_code(code)
            figures += [UnitFigure(MET.code, org_id, met, due), UnitFigure(CASES.code, org_id, cases),
                        UnitFigure(HOURS.code, org_id, hours, cases)]
        rows = [(code, *figures) for code, figures in OWN.items()]
        return [RollupSection("Commitments", ["Org code", "Met", "Due", "Cases", "Hours"], rows,
                              measures=[MET, CASES, HOURS], figures=figures)]


class Broken:
    """A plugin whose figures cannot be read."""

    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        raise RuntimeError("the stock ledger is unreachable")


class Registered:
    """``with Registered(ctx, plugin):`` the plugin answers hooks for the block's duration."""

    def __init__(self, ctx, plugin):
        self.pm, self.plugin = ctx.plugins.pm, plugin

    def __enter__(self):
        self.pm.register(self.plugin)
        return self.plugin

    def __exit__(self, *exc):
        self.pm.unregister(self.plugin)
