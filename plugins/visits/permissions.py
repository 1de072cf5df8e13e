"""Permission codes: importable without the models, so start-up stays light."""

VIEW = "visits.view"
RECORD = "visits.record"
