"""Checks an uploaded picture before anything is stored, in little memory.

Django's ImageField only reads the header, so a picture cut short would pass and break
every rendition later: the pixel data has to be read through. Decoding a picture whole
costs four bytes a pixel whatever the file's size (a 250 kB PNG of 9,400 × 9,400 pixels
took 340 MB), so the checks go from cheap to dear:

1. the file's size against NEWSROOM_MAX_UPLOAD_SIZE;
2. the header: a format we accept, and no more pixels than NEWSROOM_MAX_UPLOAD_PIXELS;
3. the pixel data, read through without keeping the picture: JPEGs are decoded at an
   eighth of their size (the decoder still reads every byte, so a file cut short fails),
   PNG pixel data is inflated piece by piece and thrown away after checking every
   chunk's checksum. WebP and GIF cannot be decoded smaller; they are decoded whole,
   which the pixel limit keeps within four bytes a pixel.

A progressive JPEG's decoder keeps every coefficient of the picture until its last scan
(about three bytes a pixel, at any scale), so for those the check walks the file's
segments and compressed data to its end marker instead of decoding it.
"""

import struct
import warnings
import zlib
from contextlib import contextmanager

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

UNREADABLE_IMAGE_MESSAGE = (
    "This is not a picture we can read, or it is damaged (cut short during upload?). "
    "Export it again as JPEG, PNG, WebP or GIF and upload it."
)
# The stored file's extension for each format we accept. MPO is how Pillow reports
# camera JPEGs that carry a second, preview frame.
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def validate_image_upload(file) -> None:
    if getattr(file, "_committed", True):
        return  # already stored and checked when it was uploaded
    if file.size > settings.NEWSROOM_MAX_UPLOAD_SIZE:
        raise ValidationError(
            "This file is %(size)s; pictures can be at most %(size_limit)s and "
            "%(pixel_limit)s megapixels.",
            code="too_large",
            params={"size": filesizeformat(file.size), **_limits()},
        )
    with open_picture(file) as picture:
        try:
            is_jpeg = picture.format in ("JPEG", "MPO")
            if picture.format == "PNG":
                _read_png_pixel_data(file)
            elif is_jpeg and picture.info.get("progressive"):
                _read_jpeg_to_its_end(file)
            elif is_jpeg:
                picture.draft(None, (1, 1))  # the smallest scale, an eighth
                picture.load()  # a file cut short fails here
            else:
                picture.load()  # WebP, GIF: whole, within the pixel limit
        except (
            OSError,
            SyntaxError,
            ValueError,
            KeyError,
            zlib.error,
            struct.error,
        ) as error:
            raise _unreadable() from error


def picture_extension(file) -> str:
    """The file extension of the picture's real format, as its header tells it."""
    with open_picture(file) as picture:
        return EXTENSIONS[picture.format]


@contextmanager
def open_picture(file):
    """The picture in `file` with only its header read, refused unless it is of a format
    we accept and within the pixel limit. The file is rewound afterwards."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns between one and two times its own limit; ours is checked below.
            warnings.simplefilter("ignore", PIL.Image.DecompressionBombWarning)
            picture = PIL.Image.open(file)  # reads the header only
    except PIL.Image.DecompressionBombError as error:
        # Over twice Pillow's limit: refused before it tells us the dimensions.
        file.seek(0)
        raise ValidationError(
            "This picture has too many pixels to process safely; pictures can be at "
            "most %(pixel_limit)s megapixels and %(size_limit)s.",
            code="too_many_pixels",
            params=_limits(),
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        file.seek(0)
        raise _unreadable() from error
    try:
        with picture:
            if picture.format not in EXTENSIONS:
                raise ValidationError(
                    "%(format)s pictures are not accepted. Upload a JPEG, PNG, WebP or GIF.",
                    code="unsupported_format",
                    params={"format": picture.format},
                )
            width, height = picture.size
            if width * height > pixel_limit():
                raise ValidationError(
                    "This picture has too many pixels to process safely: it is "
                    "%(width)s × %(height)s pixels (%(megapixels)s megapixels); pictures "
                    "can be at most %(pixel_limit)s megapixels and %(size_limit)s.",
                    code="too_many_pixels",
                    params={
                        "width": f"{width:,}",
                        "height": f"{height:,}",
                        "megapixels": f"{width * height / 1_000_000:.1f}",
                        **_limits(),
                    },
                )
            yield picture
    finally:
        file.seek(0)


def pixel_limit() -> int:
    limit = settings.NEWSROOM_MAX_UPLOAD_PIXELS
    if PIL.Image.MAX_IMAGE_PIXELS:  # None turns Pillow's own check off
        # Pillow's limit still applies if someone sets it below ours.
        limit = min(limit, PIL.Image.MAX_IMAGE_PIXELS)
    return limit


def _limits() -> dict[str, str]:
    megapixels = pixel_limit() / 1_000_000
    return {
        # Three significant digits, no trailing zeros: "50", "89.5", "0.01".
        "pixel_limit": f"{float(f'{megapixels:.3g}'):g}",
        "size_limit": filesizeformat(settings.NEWSROOM_MAX_UPLOAD_SIZE),
    }


def _unreadable() -> ValidationError:
    # Same code as the form field's own header check, so forms show one message.
    return ValidationError(UNREADABLE_IMAGE_MESSAGE, code="invalid_image")


# PNG: IHDR colour type -> samples a pixel.
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# Adam7 interlacing: (first column, first row, column step, row step) of each pass.
_ADAM7 = [
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
]
_PIECE = 1 << 20  # bytes read, and bytes inflated, at a time


def _read_png_pixel_data(file) -> None:
    """Walk every chunk of a PNG to IEND checking its checksum, and inflate the pixel
    data (IDAT) in pieces that are counted and dropped: the picture is whole if the
    compressed pixels fill every row. Raises ValueError otherwise."""
    file.seek(8)  # the signature, which Pillow has checked
    expected = None
    inflater = zlib.decompressobj()
    inflated = 0
    while True:
        head = file.read(8)
        if len(head) < 8:
            raise ValueError("PNG cut short before its end chunk")
        length, kind = struct.unpack(">I4s", head)
        checksum = zlib.crc32(kind)
        remaining = length
        while remaining:
            piece = file.read(min(remaining, _PIECE))
            if not piece:
                raise ValueError("PNG cut short inside a chunk")
            remaining -= len(piece)
            checksum = zlib.crc32(piece, checksum)
            if kind == b"IHDR" and expected is None:
                expected = _png_data_size(piece)
            elif kind == b"IDAT" and expected is not None and inflated < expected:
                # Stop inflating once every row is there, so a small file cannot make
                # us inflate gigabytes; the checksums are still read to the end.
                inflated += len(inflater.decompress(piece, _PIECE))
                while inflater.unconsumed_tail and inflated < expected:
                    inflated += len(
                        inflater.decompress(inflater.unconsumed_tail, _PIECE)
                    )
        if file.read(4) != struct.pack(">I", checksum):
            raise ValueError(f"PNG {kind!r} chunk damaged")
        if kind == b"IEND":
            break
    if expected is None or inflated < expected:
        raise ValueError("PNG pixel data ends early")


def _png_data_size(ihdr: bytes) -> int:
    """How many bytes the PNG's pixel data inflates to: each row of each interlacing pass
    starts with a filter byte."""
    width, height, bit_depth, colour_type, _, _, interlace = struct.unpack(
        ">IIBBBBB", ihdr[:13]
    )
    bits = _PNG_CHANNELS[colour_type] * bit_depth

    def rows(columns: int, count: int) -> int:
        return count * (1 + (columns * bits + 7) // 8) if columns and count else 0

    if not interlace:
        return rows(width, height)
    return sum(
        rows(
            (width - x0 + dx - 1) // dx if width > x0 else 0,
            (height - y0 + dy - 1) // dy if height > y0 else 0,
        )
        for x0, y0, dx, dy in _ADAM7
    )


# JPEG markers that stand alone, with no length after them: TEM and RST0-RST7.
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
_JPEG_END = 0xD9


def _read_jpeg_to_its_end(file) -> None:
    """Walk a JPEG's segments (by their lengths) and compressed data (to the next
    marker) until its end marker, keeping a piece at a time. Raises ValueError if the
    file ends first."""
    reader = _PieceReader(file)
    if reader.read(2) != b"\xff\xd8":
        raise ValueError("not a JPEG")
    while (marker := reader.next_jpeg_marker()) != _JPEG_END:
        if marker in _JPEG_STANDALONE:
            continue
        (length,) = struct.unpack(">H", reader.read(2))
        if length < 2:
            raise ValueError("JPEG segment of impossible length")
        reader.read(
            length - 2
        )  # the compressed data after SOS is skipped by the next call


class _PieceReader:
    def __init__(self, file):
        file.seek(0)
        self.file = file
        self.buffer = b""
        self.position = 0

    def _more(self) -> None:
        piece = self.file.read(_PIECE)
        if not piece:
            raise ValueError("file cut short")
        self.buffer = self.buffer[self.position :] + piece
        self.position = 0

    def read(self, size: int) -> bytes:
        while len(self.buffer) - self.position < size:
            self._more()
        data = self.buffer[self.position : self.position + size]
        self.position += size
        return data

    def next_jpeg_marker(self) -> int:
        """Skip to the next marker, as a JPEG decoder does: past compressed data, in
        which 0xFF is followed by 0x00 (a stuffed byte) or a restart marker, and past
        fill bytes and stray bytes between segments."""
        while True:
            found = self.buffer.find(b"\xff", self.position)
            if found < 0 or found + 1 >= len(self.buffer):
                self.position = len(self.buffer) if found < 0 else found
                self._more()
                continue
            code = self.buffer[found + 1]
            if code == 0xFF:  # fill byte: the marker code follows
                self.position = found + 1
            elif code == 0x00 or 0xD0 <= code <= 0xD7:
                self.position = found + 2
            else:
                self.position = found + 2
                return code
