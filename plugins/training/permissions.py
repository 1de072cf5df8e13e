"""Permission codes: importable without the models, so start-up stays light."""

VIEW = "training.view"            # courses, sessions and enrolments of one's scope, reports
VIEW_OWN = "training.view_own"    # an engineer's own training history
MANAGE = "training.manage"        # sessions, enrolment, attendance, scores
COURSES = "training.courses"      # the course catalogue (at HQ only: it is reference data)
