"""A customer's signature must be a real, decodable PNG of a signature's size: an 8-byte header,
a cut-off file, a flipped bit or an oversized picture is refused with a message, and nothing of
the sign-off is stored."""

from __future__ import annotations

import struct
import zlib

import pytest

from app.errors import ValidationError
from plugins.tickets import service
from plugins.tickets.models import RepairOrder, TicketEvent
from app.signature_image import MAX_BYTES, PNG_MAGIC, check_signature_png, decode


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width=240, height=80, *, interlaced=False, extra=b"", rows=None) -> bytes:
    """A grey 8-bit PNG; ``rows`` replaces the raw scan lines (filter byte + pixels)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 1 if interlaced else 0)
    if rows is None:
        sizes = [(width, height)]
        if interlaced:
            from app.signature_image import Header

            sizes = Header(width, height, 8, 0, True).passes()
        rows = b"".join((b"\x00" + b"\xff" * w) * h for w, h in sizes)
    return PNG_MAGIC + chunk(b"IHDR", header) + extra + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def refused(data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        check_signature_png(data)
    assert caught.value.field == "signature"
    return str(caught.value)


def test_a_real_png_passes_also_interlaced_and_with_ancillary_chunks():
    check_signature_png(png())
    check_signature_png(png(interlaced=True))
    check_signature_png(png(extra=chunk(b"tEXt", b"Software\x00pad")))
    assert decode(png(300, 100)).width == 300


def test_what_qt_writes_for_the_signature_pad_passes(qapp):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from app.ui.signature_pad import PAD_SIZE

    image = QImage(PAD_SIZE, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawLine(10, 120, 400, 30)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    header = decode(bytes(buffer.data()))
    assert (header.width, header.height) == (PAD_SIZE.width(), PAD_SIZE.height())
    check_signature_png(bytes(buffer.data()))


def test_a_header_alone_or_another_format_is_refused():
    assert "PNG image" in refused(b"GIF89a" + b"\x00" * 40)
    assert "damaged or incomplete" in refused(PNG_MAGIC)
    assert "damaged or incomplete" in refused(PNG_MAGIC + b"0" * 20)


def test_a_cut_or_corrupted_png_is_refused():
    good = png()
    assert "damaged" in refused(good[:-12])  # no IEND
    assert "damaged" in refused(good[:len(good) // 2])
    flipped = bytearray(good)
    flipped[40] ^= 0x01  # inside IDAT: its CRC no longer matches
    assert "damaged" in refused(bytes(flipped))
    assert "damaged" in refused(good + b"trailing")


def test_image_data_that_does_not_match_the_header_is_refused():
    assert "damaged" in refused(png(rows=(b"\x00" + b"\xff" * 240) * 79))  # one scan line short
    assert "damaged" in refused(png(rows=(b"\x07" + b"\xff" * 240) * 80))  # no filter type 7
    header = struct.pack(">IIBBBBB", 240, 80, 8, 3, 0, 0, 0)  # palette image without a palette
    no_palette = PNG_MAGIC + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 241 * 80)) \
        + chunk(b"IEND", b"")
    assert "damaged" in refused(no_palette)
    assert "damaged" in refused(png(extra=chunk(b"ABCD", b"")))  # an unknown critical chunk


def test_sizes_beyond_a_signature_are_refused():
    assert "10000×80" in refused(png(10000, 80, rows=b""))
    assert "8×8" in refused(png(8, 8))
    padding = chunk(b"tEXt", b"Comment\x00" + b"x" * MAX_BYTES)
    assert "too large" in refused(png(extra=padding))


def test_sign_off_with_a_fake_png_stores_nothing(network):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "awaiting_signoff", hook)
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        network.run("sign_off", ticket_id, actor=network.engineer, signer_name="张敏", signature_png=PNG_MAGIC)
    with network.ctx.reading() as session:
        order = session.query(RepairOrder).filter_by(ticket_id=ticket_id).one()
        assert order.signed_at is None and order.signature_png is None and order.signer_name == ""
        assert session.query(TicketEvent).filter_by(ticket_id=ticket_id, kind="signed_off").count() == 0
    assert network.state_of(ticket_id) == "awaiting_signoff"
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="张敏", signature_png=png())
    with network.ctx.reading() as session:
        assert service.ticket_details(session, network.hotline, ticket_id)["repair_order"].signature_png == png()
