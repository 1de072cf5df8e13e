"""Whether a customer's signature is a real PNG image of a believable size, checked without Qt:
every chunk and its CRC, the header, and the image data inflated to exactly the size the
header promises, each scan line with a known filter. A file that passes can be decoded."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import translate

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 512 * 1024  # a drawn signature is a few kilobytes
MIN_SIDE = 16
MAX_WIDTH, MAX_HEIGHT = 2000, 1000
# colour type -> (channels, allowed bit depths)
COLOUR_TYPES = {0: (1, (1, 2, 4, 8, 16)), 2: (3, (8, 16)), 3: (1, (1, 2, 4, 8)), 4: (2, (8, 16)), 6: (4, (8, 16))}
# Adam7 passes: (first column, first row, column step, row step)
ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
LAST_FILTER = 4  # filter types 0 (none) … 4 (Paeth)


class Damaged(Exception):
    """The bytes are not a complete, consistent PNG file."""


@dataclass(frozen=True)
class Header:
    width: int
    height: int
    bit_depth: int
    colour_type: int
    interlaced: bool

    def row_bytes(self, width: int) -> int:
        channels = COLOUR_TYPES[self.colour_type][0]
        return (width * channels * self.bit_depth + 7) // 8

    def passes(self) -> list[tuple[int, int]]:
        """(width, height) of each sub-image the data holds, empty passes left out."""
        if not self.interlaced:
            return [(self.width, self.height)]
        sizes = [((self.width - x + dx - 1) // dx, (self.height - y + dy - 1) // dy) for x, y, dx, dy in ADAM7]
        return [(w, h) for w, h in sizes if w > 0 and h > 0]


def check_signature_png(data: bytes) -> None:
    """Refuse, with a translated message, anything but a decodable PNG of a signature's size."""
    if not isinstance(data, (bytes, bytearray)) or not bytes(data[:8]) == PNG_MAGIC:
        raise ValidationError(translate("Signature", "The signature must be a PNG image."), field="signature")
    if len(data) > MAX_BYTES:
        raise ValidationError(translate("Signature", "The signature image is too large ({size} KB; at most {limit} KB).")
                              .format(size=len(data) // 1024, limit=MAX_BYTES // 1024), field="signature")
    try:
        header = decode(bytes(data))
    except Damaged:
        raise ValidationError(translate("Signature", "The signature image is damaged or incomplete."),
                              field="signature") from None
    if not (MIN_SIDE <= header.width <= MAX_WIDTH and MIN_SIDE <= header.height <= MAX_HEIGHT):
        raise ValidationError(translate("Signature", "The signature image must be between {min}×{min} and "
                                                   "{width}×{height} pixels; this one is {w}×{h}.")
                              .format(min=MIN_SIDE, width=MAX_WIDTH, height=MAX_HEIGHT, w=header.width,
                                      h=header.height), field="signature")


def decode(data: bytes) -> Header:
    """Walk the file and inflate its image data; raises ``Damaged`` at the first inconsistency."""
    chunks = list(_chunks(data))
    kinds = [kind for kind, _ in chunks]
    if not kinds or kinds[0] != b"IHDR" or kinds[-1] != b"IEND" or kinds.count(b"IEND") != 1:
        raise Damaged
    header = _header(chunks[0][1])
    unknown_critical = [k for k in kinds if k[:1].isupper() and k not in (b"IHDR", b"PLTE", b"IDAT", b"IEND")]
    if unknown_critical or kinds.count(b"IHDR") != 1 or kinds.count(b"PLTE") > 1:
        raise Damaged
    idat = [i for i, kind in enumerate(kinds) if kind == b"IDAT"]
    if not idat or idat != list(range(idat[0], idat[-1] + 1)):  # the image data is one consecutive run
        raise Damaged
    if header.colour_type == 3 and (b"PLTE" not in kinds or kinds.index(b"PLTE") > idat[0]):
        raise Damaged
    _check_image_data(header, b"".join(chunks[i][1] for i in idat))
    return header


def _chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    position = len(PNG_MAGIC)
    while position < len(data):
        if position + 12 > len(data):
            raise Damaged
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        end = position + 8 + length
        if length > 2**31 - 1 or end + 4 > len(data) or not kind.isalpha():
            raise Damaged
        body = data[position + 8:end]
        (crc,) = struct.unpack(">I", data[end:end + 4])
        if zlib.crc32(kind + body) != crc:
            raise Damaged
        yield kind, body
        position = end + 4


def _header(body: bytes) -> Header:
    if len(body) != 13:
        raise Damaged
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
    if (width == 0 or height == 0 or colour not in COLOUR_TYPES or depth not in COLOUR_TYPES[colour][1]
            or compression != 0 or filtering != 0 or interlace not in (0, 1)):
        raise Damaged
    return Header(width, height, depth, colour, interlace == 1)


def _check_image_data(header: Header, compressed: bytes) -> None:
    if header.width > MAX_WIDTH or header.height > MAX_HEIGHT:
        return  # refused for its size; not worth inflating
    expected = sum(h * (1 + header.row_bytes(w)) for w, h in header.passes())
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, expected + 1)
    except zlib.error:
        raise Damaged from None
    if len(raw) != expected or not inflater.eof or inflater.unconsumed_tail:
        raise Damaged
    offset = 0
    for width, height in header.passes():
        stride = 1 + header.row_bytes(width)
        if any(raw[offset + row * stride] > LAST_FILTER for row in range(height)):
            raise Damaged
        offset += stride * height
