"""Rollup framework: plugins contribute sections, openpyxl writes them (no Qt)."""
