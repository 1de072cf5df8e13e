"""The printed certificate: its QR code is small (version 10 or less, error correction M or
better), a real decoder reads it from the page rendered at 72 dpi and from a phone photo of the
page (downscaled, blurred, turned, grainy), and what it reads verifies offline. The page goes to
the system's print dialog with the same drawing as the PDF; cancelling there prints nothing."""

from __future__ import annotations

import random
import shutil
import subprocess

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QTransform
from PySide6.QtWidgets import QPushButton

from app.auth.models import User
from plugins.certification import service
from plugins.certification.views.certificates_page import CertificatesPage
from print_dialog import patch_print_dialog, pdf_text

zxingcpp = pytest.importorskip("zxingcpp")
PASSPHRASE = "center-passphrase-1"  # as in conftest.py
pytestmark = [pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
              pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")]


def rendered(pdf, dpi: int, folder) -> QImage:
    """The PDF's page as a picture, by poppler: how it looks printed at ``dpi``."""
    stem = folder / f"page-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(stem)], check=True)
    return QImage(f"{stem}.png")


def phone_photo(page: QImage, scale: float = 0.6, turn: float = 5, grain: float = 0.25) -> QImage:
    """``page`` as a phone sees it held over the paper: fewer pixels, soft focus, a slight turn,
    sensor noise."""
    width, height = int(page.width() * scale), int(page.height() * scale)
    soft = page.scaled(int(width * 0.7), int(height * 0.7), Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    photo = soft.scaled(width, height, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    photo = photo.transformed(QTransform().rotate(turn), Qt.SmoothTransformation).convertToFormat(QImage.Format_RGB32)
    noise = QImage(random.Random(14).randbytes(photo.width() * photo.height()), photo.width(), photo.height(),
                   photo.width(), QImage.Format_Grayscale8)
    painter = QPainter(photo)
    painter.setOpacity(grain)
    painter.drawImage(0, 0, noise)
    painter.end()
    return photo


def scanned(image: QImage) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_the_printed_certificate_scans_at_72_dpi_and_from_a_phone_photo_and_verifies(
        qtbot, ctx, chain, people, transcript, tmp_path, monkeypatch):
    engineer_id = people["partner_engineer"].user_id
    with ctx.transaction() as session:
        session.get(User, engineer_id).display_name = "欧阳建国"
    transcript.grant(engineer_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=engineer_id,
                                         type_code="SRV-B", passphrase=PASSPHRASE)
        number, qr_text = cert.number, cert.qr_text
    code = segno.make(qr_text, error="m", micro=False)
    assert code.version <= 10 and code.error in ("M", "Q", "H") and code.mode == "alphanumeric"

    page = CertificatesPage(ctx.signed_in(people["manager"]))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    dialogs = patch_print_dialog(monkeypatch)
    dialogs.output = str(tmp_path / "printed.pdf")
    qtbot.mouseClick(page.findChild(QPushButton, "print_paper"), Qt.LeftButton)
    (title, layout), = dialogs.printers
    assert title == number and layout.orientation() == QPageLayout.Landscape  # the printer starts on A4 landscape
    printed = pdf_text(tmp_path / "printed.pdf")
    assert "欧阳建国" in printed and number in printed

    assert scanned(rendered(tmp_path / "printed.pdf", 72, tmp_path)) == [qr_text]
    photo = phone_photo(rendered(tmp_path / "printed.pdf", 150, tmp_path))
    assert photo.width() < 1200  # about 90 dots per inch of paper
    read, = scanned(photo)
    with ctx.reading() as session:
        result = service.verify_certificate(session, read)
    assert result.ok and (result.number, result.holder) == (number, "欧阳建国")

    dialogs.output = None  # cancelled in the dialog
    assert page.print_paper() is False and len(dialogs.printers) == 2
