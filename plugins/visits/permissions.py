"""Permission codes: importable without the models, so start-up stays light."""

VIEW = "visits.view"
RECORD = "visits.record"
PLANS_VIEW = "visits.plans.view"
PLAN = "visits.plan"
RECORD_VISIT = "visits.record_visit"
# Follow-up surveys and the corrective actions a poor score opens
SURVEYS_MANAGE = "visits.surveys.manage"
CORRECTIVE_VIEW = "visits.corrective.view"
CORRECTIVE_CLOSE = "visits.corrective.close"
# Technical inspections: schedules, checklists (HQ reference data), results and the signed report
INSPECTIONS_VIEW = "visits.inspections.view"
INSPECTIONS_PLAN = "visits.inspections.plan"
INSPECT = "visits.inspections.record"
CHECKLISTS_MANAGE = "visits.checklists.manage"
# The staff scorecard (and satisfaction in the figures); its weights are HQ reference data
SCORECARD_VIEW = "visits.scorecard.view"
SCORECARD_WEIGHTS = "visits.scorecard.weights"
