"""One walk up the org tree: the materialised path, climbed the same way by the ORM and by sync on a
bare connection (which also sees units arriving inside a bundle)."""

from app.ids import org_id_for_code
from app.orgs import service as orgs
from app.orgs.local_time import LocalClock
from app.orgs.tree import child_path, is_within, lineage_codes, lineage_ids
from app.sync.topology import Topology

HQ, BJ, P01, SH = (org_id_for_code(code) for code in ("HQ", "BJ", "BJ-P01", "SH"))


def test_the_path_names_the_lineage_nearest_first():
    assert child_path(None, "HQ") == "/HQ/" and child_path("/HQ/BJ/", "BJ-P01") == "/HQ/BJ/BJ-P01/"
    assert lineage_codes("/HQ/BJ/BJ-P01/") == ["BJ-P01", "BJ", "HQ"]
    assert lineage_ids("/HQ/BJ/BJ-P01/") == [P01, BJ, HQ]
    assert is_within("/HQ/BJ/BJ-P01/", "/HQ/BJ/") and not is_within("/HQ/BJ-X/", "/HQ/BJ/")


def test_every_climb_uses_the_one_walk(ctx, admin):
    with ctx.transaction() as session:
        partner, branch = orgs.get_by_code(session, "BJ-P01"), orgs.get_by_code(session, "BJ")
        assert [u.code for u in orgs.ancestors(session, partner)] == ["BJ-P01", "BJ", "HQ"]
        assert orgs.answering_unit(session, partner) is branch and orgs.answering_unit(session, branch) is branch
        orgs.update_org_unit(session, admin, orgs.get_by_code(session, "HQ"),
                             settings={"calendar": {"timezone": "Asia/Urumqi"}, "emergency_plan": [{"title": "x"}]})
        orgs.update_org_unit(session, admin, branch, settings={"calendar": {"timezone": "Asia/Shanghai"}})
    with ctx.reading() as session:
        partner, sh = orgs.get_by_code(session, "BJ-P01"), orgs.get_by_code(session, "SH")
        assert orgs.effective_setting(session, partner, "emergency_plan") == [{"title": "x"}]
        assert LocalClock(session).zone(partner.id).key == "Asia/Shanghai"  # the branch's, nearer than HQ's
        assert LocalClock(session).zone(sh.id).key == "Asia/Urumqi"


def test_sync_climbs_the_same_path_on_a_bare_connection_and_takes_in_a_bundles_units(ctx):
    with ctx.engine.connect() as connection:
        tree = Topology.read(connection)
    assert tree.ancestors(P01) == [BJ, HQ] and tree.ancestors(HQ) == []
    assert set(tree.subtree(BJ)) == {BJ, P01}
    arriving = org_id_for_code("BJ-P02")
    grown = tree.including({arriving: "/HQ/BJ/BJ-P02/"})
    assert grown.ancestors(arriving) == [BJ, HQ] and set(grown.subtree(BJ)) == {BJ, P01, arriving}
    assert arriving not in tree.paths  # the tree read from the database is left as it was
