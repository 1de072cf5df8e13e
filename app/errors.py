"""Errors a user can act on. Their messages are already translated and say what and where."""


class UserError(Exception):
    """A mistake the user can fix: shown as one plain line, never as a traceback."""


class ValidationError(UserError):
    """A value in a form or a file is wrong. ``field`` names where."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class PermissionDenied(UserError):
    """The acting user lacks a permission; raised by service code, never only by widgets."""


class NotFound(UserError):
    """The record asked for does not exist or is outside the user's scope."""


class AuthError(UserError):
    """Sign-in failed: wrong credentials or a locked account."""
