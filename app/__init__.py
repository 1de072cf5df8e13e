"""Service Center Suite: the shell and the core. Knows no plugin by name."""

__version__ = "0.1.0"
