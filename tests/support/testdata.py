"""Values shared by fixtures and tests."""

ADMIN_PASSWORD = "admin-password-1"
USER_PASSWORD = "user-password-1"
