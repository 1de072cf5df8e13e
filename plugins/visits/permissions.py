"""Permission codes: importable without the models, so start-up stays light."""

VIEW = "visits.view"
RECORD = "visits.record"
PLANS_VIEW = "visits.plans.view"
PLAN = "visits.plan"
RECORD_VISIT = "visits.record_visit"
