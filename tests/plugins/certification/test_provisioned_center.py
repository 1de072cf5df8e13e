"""A training center gets its signing key in its provisioning file (docs/sync.md): HQ authorises
BJ, provisions it, BJ is set up from the file and pulls; a trainer at BJ then issues with the
center passphrase HQ chose, and the certificate verifies at BJ and, after a push, at HQ. Sync
itself never carries the private half."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.auth.actor import SCOPE_SUBTREE, system_actor
from app.auth.service import authenticate
from app.config import Config
from app.errors import ValidationError
from app.hookspecs import hookimpl
from app.ids import org_id_for_code
from app.orgs.service import get_by_code
from app.plugins import get_plugin_manager
from app.runtime import open_context
from app.specs import CoursePass
from app.sync import service as sync
from app.sync.provision import Provisioning
from plugins.certification import keys, service
from plugins.certification.common import today
from plugins.certification.service import ISSUE, MANAGE, VIEW, VIEW_ALL
from plugins.certification.models import CenterKey, KeySecret
from plugins.certification.verification import verify
from syncnet import Network
from testdata import ADMIN_PASSWORD

ROOT_PASSPHRASE = "root-passphrase-1"
CENTER_PASSPHRASE = "bj-center-passphrase"
HQ_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


class Transcript:
    """Every engineer passed the courses SRV-B requires."""

    @hookimpl
    def passed_courses(self, session, engineer_id):
        return [CoursePass(code, "天阔服务器", "basic", date(2026, 3, 1), 90) for code in ("SRV-101", "SRV-102")]


@pytest.fixture
def network(tmp_path, plugin_host, request):
    transcript = Transcript()
    plugin_host.pm.register(transcript)
    net = Network(tmp_path, plugin_host, request)
    yield net
    net.close()
    plugin_host.pm.unregister(transcript)


def _authorised_hq(network, backend: str):
    """HQ with a root key, the certificate type SRV-B and a center key for BJ (and one for HQ)."""
    hq = network.node("HQ", backend, children=(("BJ", "branch"),))
    with hq.transaction() as session:
        actor = system_actor(get_by_code(session, "HQ"), frozenset({MANAGE, ISSUE, VIEW, VIEW_ALL, SCOPE_SUBTREE}))
        service.create_root_key(session, actor, ROOT_PASSPHRASE)
        for code in ("BJ", "HQ"):
            service.authorise_center(session, actor, center_code=code, product_lines=["天阔服务器"],
                                  valid_from=today() - timedelta(days=365), valid_until=today() + timedelta(days=1000),
                                  root_passphrase=ROOT_PASSPHRASE, center_passphrase=CENTER_PASSPHRASE)
        service.create_type(session, actor, code="SRV-B", name="天阔服务器初级上岗证书", product_lines=["天阔服务器"],
                            level="basic", validity_months=24, required_courses=["SRV-101", "SRV-102"])
    return hq


def _admin(ctx, code: str):
    with ctx.reading() as session:
        return authenticate(session, f"admin@{code}", ADMIN_PASSWORD)


def _provision(hq, out):
    url = hq.engine.url.render_as_string(hide_password=False)
    return sync.provision_node(hq, _admin(hq, "HQ"), "BJ", out, url)


def _branch_from(network, plugin_host, path):
    """A new, empty installation set up from the provisioning file alone, then pulled."""
    bj = open_context(Config(), network.url("BJ", "sqlite"), plugins=plugin_host)
    network.contexts.append(bj)
    sync.setup_from_provisioning(bj, path, "admin", ADMIN_PASSWORD)
    sync.pull(bj, _admin(bj, "BJ"))
    return bj


def _people(bj, make_actor):
    return make_actor(bj, "trainer@BJ", roles=["trainer"]), make_actor(bj, "eng@BJ", roles=["field_engineer"])


def _issue(bj, trainer, engineer):
    with bj.transaction() as session:
        cert = service.issue_certificate(session, trainer, bj.hook, engineer_id=engineer.user_id, type_code="SRV-B",
                                         passphrase=CENTER_PASSPHRASE)
        return cert.number, cert.qr_text


def _verified(ctx, presented: str):
    with ctx.reading() as session:
        return verify(session, presented)


@pytest.mark.parametrize("backend", HQ_BACKENDS)
def test_a_provisioned_branch_signs_with_the_key_hq_authorised(network, plugin_host, make_actor, tmp_path, backend):
    hq = _authorised_hq(network, backend)
    _provision(hq, tmp_path / "bj.json")
    handed = json.loads((tmp_path / "bj.json").read_text(encoding="utf-8"))["secrets"]
    with hq.reading() as session:
        bj_key = session.scalar(select(CenterKey).where(CenterKey.org_id == org_id_for_code("BJ")))
        assert handed == {keys.SECRETS: [{"id": str(bj_key.id), "encrypted_private_pem": bj_key.encrypted_private_pem}]}

    bj = _branch_from(network, plugin_host, tmp_path / "bj.json")
    with bj.reading() as session:  # the pulled key row has no private half: it came in the file
        assert session.get(CenterKey, bj_key.id).encrypted_private_pem == ""
    number, qr = _issue(bj, *_people(bj, make_actor))
    for presented in (number, qr):
        assert _verified(bj, presented).ok

    sync.push(bj, _admin(bj, "BJ"))
    result = _verified(hq, number)
    assert result.ok and result.center == "BJ", result.message
    with hq.reading() as session:  # pushing the key row back left HQ's private half as it was
        assert session.get(CenterKey, bj_key.id).encrypted_private_pem == bj_key.encrypted_private_pem


def test_a_file_without_secrets_still_sets_a_branch_up_and_connect_brings_the_key(network, plugin_host, make_actor,
                                                                                   tmp_path):
    hq = _authorised_hq(network, "sqlite")
    without_certification = replace(hq, plugins=get_plugin_manager(disabled=["certification"]))
    _provision(without_certification, tmp_path / "bare.json")
    assert Provisioning.read(tmp_path / "bare.json").secrets == {}

    bj = _branch_from(network, plugin_host, tmp_path / "bare.json")
    people = _people(bj, make_actor)
    with pytest.raises(ValidationError, match="does not hold your training center's signing key"):
        _issue(bj, *people)

    _provision(hq, tmp_path / "bj.json")  # provisioning again, now with the plugin: connect takes the key
    sync.connect(bj, _admin(bj, "BJ"), str(tmp_path / "bj.json"))
    number, _ = _issue(bj, *people)
    assert _verified(bj, number).ok


def test_secrets_are_only_the_childs_and_receiving_again_replaces(network, tmp_path):
    hq = _authorised_hq(network, "sqlite")
    with hq.reading() as session:
        answers = hq.hook.node_secrets(session=session, org_id=org_id_for_code("BJ"))
        own = keys.node_secrets(session, org_id_for_code("HQ"))[keys.SECRETS]
    handed = [a for a in answers if a]
    assert len(handed) == 1 and len(handed[0][keys.SECRETS]) == 1
    assert handed[0][keys.SECRETS][0]["id"] != own[0]["id"]  # HQ's own key is not handed to BJ

    key_id = handed[0][keys.SECRETS][0]["id"]
    for pem in ("first", "second"):
        with hq.transaction() as session:
            hq.hook.node_secrets_received(session=session, secrets={
                keys.SECRETS: [{"id": key_id, "encrypted_private_pem": pem}], "other.plugin": {"ignored": True}})
    with hq.reading() as session:
        assert [s.encrypted_private_pem for s in session.scalars(select(KeySecret))] == ["second"]


def test_a_file_from_before_secrets_travelled_still_reads(tmp_path):
    data = json.loads(Provisioning("BJ", str(org_id_for_code("BJ")), "HQ", None, "k" * 64, "北京", "branch",
                                   {"x.y": [1]}).to_json())
    assert data["secrets"] == {"x.y": [1]}
    del data["secrets"]
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    assert Provisioning.read(tmp_path / "old.json").secrets == {}
