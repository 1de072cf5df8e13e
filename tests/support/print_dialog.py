"""The system's print dialog without a printer: Qt's own dialog, answered at once. Accepting it
points the QPrinter the application set up at a PDF file, as a user choosing "print to file"
would, so a test reads back what was printed; cancelling it prints nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6 import QtPrintSupport
from PySide6.QtWidgets import QDialog


class PrintDialogs:
    """What the patched dialog saw: the printers it was shown with, and their page layouts."""

    def __init__(self):
        self.printers: list = []
        self.output: str | None = None  # where the next accepted dialog prints; None cancels


def patch_print_dialog(monkeypatch) -> PrintDialogs:
    seen = PrintDialogs()

    class AnsweredPrintDialog(QtPrintSupport.QPrintDialog):
        def exec(self):
            printer = self.printer()
            seen.printers.append((printer.docName(), printer.pageLayout()))
            if seen.output is None:
                self.reject()
                return QDialog.Rejected
            self.accept()  # the dialog applies what its widgets hold to the printer: then print to the file
            printer.setOutputFormat(QtPrintSupport.QPrinter.PdfFormat)
            printer.setOutputFileName(seen.output)
            return QDialog.Accepted

    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", AnsweredPrintDialog)
    return seen


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
