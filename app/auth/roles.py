"""The built-in roles (docs/architecture.md, Who uses it). Their permissions come from the plugins' PermissionSpecs."""

from app.i18n import translate

HOTLINE = "hotline"
DISPATCHER = "dispatcher"
FIELD_ENGINEER = "field_engineer"
BRANCH_MANAGER = "branch_manager"
FOLLOWUP = "followup"
SALES = "sales"
TRAINER = "trainer"
HQ_ANALYST = "hq_analyst"
ADMIN = "admin"

ROLE_CODES = (HOTLINE, DISPATCHER, FIELD_ENGINEER, BRANCH_MANAGER, FOLLOWUP, SALES, TRAINER, HQ_ANALYST, ADMIN)


def role_label(code: str) -> str:
    labels = {
        HOTLINE: translate("Roles", "Hotline engineer"),
        DISPATCHER: translate("Roles", "Dispatcher"),
        FIELD_ENGINEER: translate("Roles", "Field engineer"),
        BRANCH_MANAGER: translate("Roles", "Branch manager"),
        FOLLOWUP: translate("Roles", "Follow-up specialist"),
        SALES: translate("Roles", "Salesperson"),
        TRAINER: translate("Roles", "Trainer"),
        HQ_ANALYST: translate("Roles", "HQ analyst"),
        ADMIN: translate("Roles", "Administrator"),
    }
    return labels.get(code, code)
