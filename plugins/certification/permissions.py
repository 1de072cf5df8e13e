"""Permission codes: importable without the models or the cryptography, so start-up stays light."""

VIEW = "certification.view"
VIEW_ALL = "certification.view_all"  # without it a user sees only their own certificates
ISSUE = "certification.issue"  # issue and renew (trainers)
SUSPEND = "certification.suspend"  # suspend, reinstate and revoke (branch managers, HQ)
AUTHORISE = "certification.authorise"  # partner service authorisations
MANAGE = "certification.manage"  # certificate types and signing keys (at HQ)
