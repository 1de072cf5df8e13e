"""Certification: engineer work certificates (上岗证书), signed and verifiable offline, and partner
service authorisations (服务授权). Hookimpls only (thin wiring), calling the door ``service``."""

from pathlib import Path

from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import ActionSpec, DashboardCounter, PageSpec, SyncTable
from plugins.certification import permissions as codes  # permission codes only; the door loads on first use

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return codes.permission_specs()


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"certification_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def certificates(context):
        from plugins.certification.views.certificates_page import CertificatesPage

        return CertificatesPage(context)

    def partners(context):
        from plugins.certification.views.authorisations_page import AuthorisationsPage

        return AuthorisationsPage(context)

    return [PageSpec("certification.main", translate("Certification", "Certificates"), "fa5s.certificate",
                     certificates, codes.VIEW, order=40),
            PageSpec("certification.partners", translate("Certification", "Partner authorisations"),
                     "fa5s.handshake", partners, codes.VIEW_ALL, order=41)]


@hookimpl
def actions(ctx):
    def open_verify(context, parent):
        from plugins.certification.views.verify_dialog import VerifyDialog

        VerifyDialog(context, parent).exec()

    def open_keys(context, parent):
        from plugins.certification.views.keys_dialog import KeysDialog

        KeysDialog(context, parent).exec()

    return [ActionSpec("certification.verify", "tools", translate("Certification", "Verify certificate…"),
                       open_verify, "fa5s.qrcode", codes.VIEW),
            ActionSpec("certification.keys", "tools",
                       translate("Certification", "Signing keys and certificate types…"), open_keys, "fa5s.key",
                       codes.MANAGE)]


@hookimpl
def dashboard_counters(session, actor):
    if not actor.has(codes.VIEW):
        return []
    from plugins.certification import service

    certificates = service.expiring_counts(session, actor)[30]
    counters = [DashboardCounter("certification.expiring", translate("Certification", "Certificates expiring in 30 days"),
                                 certificates, "warning" if certificates else "info")]
    if actor.has(codes.VIEW_ALL):
        partners = service.authorisation_expiring_counts(session, actor)[30]
        counters.append(DashboardCounter("certification.authorisations_expiring",
                                         translate("Certification", "Partner authorisations expiring in 30 days"),
                                         partners, "warning" if partners else "info"))
    return counters


@hookimpl
def can_dispatch(session, check):
    from plugins.certification.service import dispatch_veto

    return dispatch_veto(session, check)


@hookimpl
def engineer_qualification(session, check):
    from plugins.certification.service import dispatch_qualification

    return dispatch_qualification(session, check)


@hookimpl(trylast=True)
def demo_data(demo):
    from plugins.certification.service import generate_demo

    # The training plugin's demo ran first (tryfirst/trylast); its passes are flushed in this session.
    hook = demo.hook
    if hook is None:  # a DemoContext built by hand: ask a host loaded the usual way
        from app.plugins import get_plugin_manager

        hook = get_plugin_manager().hook
    generate_demo(demo, hook)


@hookimpl
def rollup_sections(ctx, period, org_code):
    from plugins.certification.service import rollup_sections as sections

    return sections(ctx, period, org_code)


@hookimpl
def append_only_tables():
    return ["certification_events"]  # each certificate's history


@hookimpl
def sync_tables():
    # The registry goes everywhere so that every verifier knows every revocation; private
    # keys never travel by sync (a training center gets its own in its provisioning file).
    return [
        SyncTable("certification_types", "down", owner=None),
        SyncTable("certification_root_keys", "down", owner=None, private=(("encrypted_private_pem", None),)),
        SyncTable("certification_center_keys", "up", everywhere=True, private=(("encrypted_private_pem", ""),)),
        SyncTable("certification_certificates", "up", everywhere=True),
        SyncTable("certification_events", "up", everywhere=True),
        SyncTable("certification_partner_authorisations", "up", everywhere=True),
        SyncTable("certification_key_secrets", "local"),
    ]


@hookimpl
def node_secrets(session, org_id):
    # The private halves sync leaves behind travel in the provisioning file instead.
    from plugins.certification.service import node_secrets as secrets_of

    return secrets_of(session, org_id)


@hookimpl
def node_secrets_received(session, secrets):
    from plugins.certification.service import store_secrets

    store_secrets(session, secrets)
