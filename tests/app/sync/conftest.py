"""Fixtures for sync tests: a network of installations on their own databases."""

from __future__ import annotations

import pytest

from syncnet import Network


@pytest.fixture
def network(tmp_path, plugin_host, request):
    net = Network(tmp_path, plugin_host, request)
    yield net
    net.close()


@pytest.fixture(scope="session")
def tables(plugin_host):
    from app.sync.registry import synced_tables

    return synced_tables(plugin_host)


