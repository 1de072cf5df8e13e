"""The one clock: moments shown in the org unit's zone, whatever the workstation's."""

from datetime import datetime, timezone

import pytest

from app.orgs.local_time import LocalClock, local_text
from app.orgs.service import get_by_code



def test_shows_the_units_zone_and_names_it_when_the_workstation_differs(ctx, utc_workstation):
    moment = datetime(2026, 10, 1, 1, 30, tzinfo=timezone.utc)
    with ctx.reading() as session:
        clock = LocalClock(session)
        bj = get_by_code(session, "BJ").id
        assert clock.text(bj, moment) == "2026-10-01 09:30"
        assert clock.wall(bj, moment) == datetime(2026, 10, 1, 9, 30)
        assert clock.zone_note(bj) == "Asia/Shanghai"
        assert clock.text(bj, None) == "" and clock.wall(bj, None) is None
        assert local_text(session, bj, moment) == "2026-10-01 09:30"
