"""Automatic sync: every N minutes while the parent answers; after a failure it tries again
after 1, 2, 4 … minutes, whatever the local writes; it runs through the shell's periodic jobs."""

from datetime import datetime, timedelta, timezone

from app.sync import auto, state
from syncnet import add_customer

T0 = datetime(2026, 11, 27, 8, 0, tzinfo=timezone.utc)


def _branch_of(network):
    hq = network.node("HQ", "sqlite", children=(("BJ", "branch"),))
    bj = network.node("BJ", "sqlite", parent="HQ")
    return hq, bj


def test_syncs_at_its_interval(network):
    hq, bj = _branch_of(network)
    state.save_parent(bj.engine, url=hq.engine.url.render_as_string(hide_password=False), interval_minutes=5)
    add_customer(bj, "BJ", "自动同步的客户")
    assert "Sent" in auto.run(bj, now=T0)
    assert auto.run(bj, now=T0 + timedelta(minutes=4)) is None
    add_customer(bj, "BJ", "第二个客户")
    assert auto.run(bj, now=T0 + timedelta(minutes=5)) is not None
    with hq.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM customers_customers").scalar() == 2


def test_a_dead_parent_is_retried_with_backoff(network):
    _, bj = _branch_of(network)
    state.save_parent(bj.engine, url="postgresql://nobody@127.0.0.1:1/none", interval_minutes=30)
    assert "could not be reached" in auto.run(bj, now=T0)
    assert auto.run(bj, now=T0 + timedelta(seconds=30)) is None
    assert auto.run(bj, now=T0 + timedelta(minutes=1)) is not None  # 2nd failure: wait 2 minutes
    assert auto.run(bj, now=T0 + timedelta(minutes=2)) is None
    assert auto.run(bj, now=T0 + timedelta(minutes=3)) is not None
    assert "could not be reached" in state.load(bj.engine).last["push"]["error"]


def test_off_without_a_parent_or_with_interval_zero(network):
    hq, bj = _branch_of(network)
    assert auto.run(bj, now=T0) is None
    state.save_parent(bj.engine, url=hq.engine.url.render_as_string(hide_password=False), interval_minutes=0)
    assert auto.run(bj, now=T0) is None


def test_the_sync_is_one_of_the_shells_periodic_jobs(network):
    # hooks: periodic_jobs
    from app.periodic import PeriodicRunner

    hq, bj = _branch_of(network)
    state.save_parent(bj.engine, url=hq.engine.url.render_as_string(hide_password=False), interval_minutes=5)
    add_customer(bj, "BJ", "经由定时任务同步")
    results = PeriodicRunner(bj).run_due()
    assert "Sent" in results["core.sync"]
