"""Permission codes: importable without the models or the cryptography, so start-up stays light."""

VIEW = "certification.view"
VIEW_ALL = "certification.view_all"  # without it a user sees only their own certificates
ISSUE = "certification.issue"  # issue and renew (trainers)
SUSPEND = "certification.suspend"  # suspend, reinstate and revoke (branch managers, HQ)
AUTHORISE = "certification.authorise"  # partner service authorisations
MANAGE = "certification.manage"  # certificate types and signing keys (at HQ)


def permission_specs() -> list:
    """The permissions with the names users read (hook ``permissions``)."""
    from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, HQ_ANALYST, TRAINER
    from app.i18n import translate
    from app.specs import PermissionSpec

    return [
        PermissionSpec(VIEW, translate("Certification", "See certificates"),
                       (TRAINER, BRANCH_MANAGER, HQ_ANALYST, FIELD_ENGINEER, DISPATCHER)),
        PermissionSpec(VIEW_ALL, translate("Certification", "See every certificate in one's scope"),
                       (TRAINER, BRANCH_MANAGER, HQ_ANALYST, DISPATCHER)),
        PermissionSpec(ISSUE, translate("Certification", "Issue and renew certificates"), (TRAINER,)),
        PermissionSpec(SUSPEND, translate("Certification", "Suspend and revoke certificates"),
                       (BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(AUTHORISE, translate("Certification", "Authorise partners"), (TRAINER, BRANCH_MANAGER)),
        PermissionSpec(MANAGE, translate("Certification", "Manage certificate types and signing keys")),
    ]


def permission_name(code: str) -> str:
    return next((spec.label for spec in permission_specs() if spec.code == code), code)
