"""Checks an uploaded picture before anything is stored, in bounded memory.

Django's ImageField only reads the header, so a picture cut short would pass and break
every rendition later: the pixel data has to be read through. The checks go from cheap
to dear:

1. the file's size against NEWSROOM_MAX_UPLOAD_SIZE;
2. the header: a format we accept (JPEG, PNG, WebP, AVIF, GIF, HEIC/HEIF) and no more
   pixels than NEWSROOM_MAX_UPLOAD_PIXELS. A decompression bomb is refused here, before
   anything is decoded;
3. the pixel data decoded through. Memory, per format (the pixel cap bounds it, 50 MP
   by default): JPEG is decoded at an eighth of its size (the decoder still reads every
   byte, so a file cut short fails), a few MB, though a progressive JPEG's decoder keeps
   its coefficients, about three bytes a pixel. PNG (every chunk's checksum first), WebP,
   GIF (first frame), AVIF and HEIC cannot be decoded smaller: about four bytes a pixel,
   200 MB at the cap, what making renditions costs anyway;
4. polyglots, files that are a picture and something else too (see `_check_polyglot`).
"""

import io
import re
import struct
import warnings
import zipfile
from contextlib import contextmanager

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat

ACCEPTED_FORMATS = "JPEG, PNG, WebP, AVIF, GIF or HEIC"
UNREADABLE_IMAGE_MESSAGE = (
    "This is not a picture we can read, or it is damaged (cut short during upload?). "
    f"Export it again as {ACCEPTED_FORMATS} and upload it."
)
# The stored file's extension for each format we accept. MPO is how Pillow reports
# camera JPEGs that carry a second, preview frame; HEIF is pillow-heif's name for HEIC.
EXTENSIONS = {
    "JPEG": "jpg",
    "MPO": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "AVIF": "avif",
    "GIF": "gif",
    "HEIF": "heic",
}
EXIF_ORIENTATION = 0x0112
QUARTER_TURNS = {5, 6, 7, 8}  # EXIF orientations that swap width and height

# Markup that makes a browser or a server run code. Each alternative is long enough that
# compressed pixel data matches it by chance about once in 30,000 files of 40 MB: a tag
# is closed at once ("<script>") or has a space or slash after its name and a closing
# ">" after printable text.
MARKUP = re.compile(
    rb"<\?php\s|<!doctype\s+html"
    rb"|<(?:script|svg|html|iframe|object|embed|body|img)(?:>|[\s/][\t\n\r\x20-\x7e]{0,1000}?>)",
    re.IGNORECASE,
)
SCAN_CHUNK = 1024 * 1024
SCAN_OVERLAP = 1100  # longer than any MARKUP match, so none is cut in two


def validate_image_upload(file) -> None:
    if getattr(file, "_committed", True):
        return  # already stored and checked when it was uploaded
    check_picture(file)


def check_picture(file) -> None:
    """Every check, once per upload: the model's validator and storing the file both
    call this, and the second call finds the upload marked as checked."""
    upload = file.file if isinstance(file, FieldFile) else file
    if getattr(upload, "picture_checked", False):
        return
    if file.size > settings.NEWSROOM_MAX_UPLOAD_SIZE:
        raise ValidationError(
            "This file is %(size)s; pictures can be at most %(size_limit)s and "
            "%(pixel_limit)s megapixels.",
            code="too_large",
            params={"size": filesizeformat(file.size), **_limits()},
        )
    with open_picture(file) as picture:
        image_format = picture.format
    end = picture_end(file, image_format)  # first: it bounds what decoding walks
    _decode_through(file, image_format)
    _check_polyglot(file, image_format, end)
    upload.picture_checked = True


def picture_extension(file) -> str:
    """The file extension of the picture's real format, as its header tells it."""
    with open_picture(file) as picture:
        return EXTENSIONS[picture.format]


def displayed_size(file) -> tuple[int | None, int | None]:
    """Width and height of the picture as it is seen: an EXIF orientation of 5 to 8
    (a phone held upright) turns the stored pixels a quarter, as `exif_transpose` will.
    (None, None) if the header cannot be read, as Django's `get_image_dimensions()`:
    validation says what is wrong."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PIL.Image.DecompressionBombWarning)
            with PIL.Image.open(file) as picture:
                width, height = picture.size
                # From the header only: PNG's getexif() would decode it to look further.
                exif = PIL.Image.Exif()
                exif.load(picture.info.get("exif", b""))
    except Exception:  # anything a damaged header raises; see the docstring
        return None, None
    finally:
        file.seek(0)
    if exif.get(EXIF_ORIENTATION) in QUARTER_TURNS:
        return height, width
    return width, height


@contextmanager
def open_picture(file):
    """The picture in `file` with only its header read, refused unless it is of a format
    we accept and within the pixel limit. The file is rewound afterwards."""
    if not file_size(file):
        raise ValidationError(
            "This file is empty (0 bytes): choose the picture again, or export it "
            "again if it was saved empty.",
            code="empty",
        )
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
        if "too large for PngImagePlugin" in str(error) or "text chunks" in str(error):
            # Pillow stops unpacking a PNG's text or colour profile past a megabyte.
            raise ValidationError(
                "This picture carries embedded text or a colour profile that unpacks "
                "to more than a megabyte, far more than a picture for the web needs "
                "(and a trick used to exhaust servers). Open it in a photo editor, "
                "export it again as sRGB and upload that.",
                code="embedded_data_too_large",
            ) from error
        raise _not_a_picture(file) from error
    try:
        with picture:
            if picture.format not in EXTENSIONS:
                raise ValidationError(
                    f"%(format)s pictures are not accepted. Upload a {ACCEPTED_FORMATS} picture.",
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


def _decode_through(file, image_format: str) -> None:
    try:
        if image_format == "PNG":
            # Decoding does not check chunk checksums: a damaged byte in the last data
            # chunk could go unseen. verify() checks them all, and needs a fresh open.
            with open_picture(file) as picture:
                picture.verify()
        with open_picture(file) as picture:
            picture.draft(None, (1, 1))  # JPEG only: an eighth of the size
            picture.load()  # a file cut short or damaged fails here; GIF: first frame
    except ValidationError:
        raise
    except Exception as error:  # damaged data breaks decoders in many ways
        raise _unreadable() from error


def _check_polyglot(file, image_format: str, end: int | None) -> None:
    """Refuse a picture that is also something else: a browser or server that took it
    for that other thing would run it, and tools that sniff files would be fooled.

    - a ZIP archive (a JAR in a GIF, "GIFAR", or a ZIP after a JPEG): found as archive
      readers find it, by its directory record at the end of the file;
    - a PDF: "%PDF-" in the first 1024 bytes, where PDF readers look for it;
    - web page or PHP code anywhere in the file (`MARKUP`). Camera metadata is safe: XMP
      is XML but uses none of these tags;
    - data after the picture's end, for PNG (IEND chunk), GIF (trailer) and WebP (the
      RIFF length). Not for JPEG: phones append data after the end marker on purpose
      (Samsung's trailer, the video of a motion photo, an MPO's second frame), so JPEG
      trailers are only scanned for the above. AVIF and HEIC are boxes with no end
      marker, scanned likewise.
    """
    file.seek(0)
    try:
        if zipfile.is_zipfile(file):
            raise ValidationError(
                "This picture has a ZIP archive hidden in it, a trick used to smuggle "
                "programs. Open it in a photo editor, export it again as JPEG or PNG "
                "and upload that.",
                code="polyglot_archive",
            )
        file.seek(0)
        if b"%PDF-" in file.read(1024):
            raise _pdf_message()
        if markup := _find_markup(file):
            raise ValidationError(
                "This picture has web page code hidden in it (“%(markup)s”), a trick "
                "used to attack browsers. Open it in a photo editor, export it again as "
                "JPEG or PNG and upload that.",
                code="polyglot_markup",
                params={"markup": markup},
            )
        if end is not None and end < file.size:
            raise ValidationError(
                "This picture has %(size)s of other data after its end, a trick used to "
                "hide files in pictures. Open it in a photo editor, export it again and "
                "upload that.",
                code="polyglot_trailer",
                params={"size": filesizeformat(file.size - end)},
            )
    finally:
        file.seek(0)


def _find_markup(file) -> str | None:
    file.seek(0)
    tail = b""
    while chunk := file.read(SCAN_CHUNK):
        if match := MARKUP.search(tail + chunk):
            return re.split(rb"[\s/>]", match.group(), maxsplit=1)[0].decode().lower()
        tail = chunk[-SCAN_OVERLAP:]
    return None


def picture_end(file, image_format: str) -> int | None:
    """Where the picture's own data ends, for the formats whose end is well defined and
    may not be followed by anything; None for the others. A PNG or GIF made of more
    pieces than any real picture needs is refused here, before anything decodes it:
    Pillow walks them one by one in Python, several times, and a few megabytes of
    empty pieces would hold a server for minutes."""
    file.seek(0)
    try:
        if image_format == "PNG":
            return _png_end(file)
        if image_format == "GIF":
            return _gif_end(file, most_blocks=GIF_BLOCKS + file_size(file) // 128)
        if image_format == "WEBP":
            riff_size = struct.unpack("<I", file.read(8)[4:])[0]
            return 8 + riff_size + riff_size % 2
        return None
    except struct.error as error:
        raise _unreadable() from error  # cut short
    finally:
        file.seek(0)


def file_size(file) -> int:
    """An upload's or stored file's size, or an open file's (metadata tools pass those)."""
    if (size := getattr(file, "size", None)) is not None:
        return size
    size = file.seek(0, io.SEEK_END)
    file.seek(0)
    return size


# A PNG's chunks: encoders write the pixels in chunks of 8 to 64 kB, so a 40 MB picture
# has a few thousand. A GIF's blocks hold at most 255 bytes each: allowed are these,
# plus one for each 128 bytes of the file, plus a few for each frame (its timing and
# its pixels take two or three however little changes), up to this many frames: ten
# minutes at 30 a second.
PNG_CHUNKS = 50_000
GIF_BLOCKS = 10_000
GIF_FRAMES = 18_000
GIF_BLOCKS_PER_FRAME = 4


def _too_many_pieces() -> ValidationError:
    return ValidationError(
        "This picture is made of far more pieces than a picture needs, which takes too "
        "long to check safely. Open it in a photo editor, export it again and upload "
        "that.",
        code="too_many_pieces",
    )


def _png_end(file) -> int:
    file.seek(8)  # the signature
    for _ in range(PNG_CHUNKS):
        length, kind = struct.unpack(">I4s", file.read(8))
        file.seek(length + 4, 1)  # data and checksum, checked by verify()
        if kind == b"IEND":
            return file.tell()
    raise _too_many_pieces()


def _gif_end(file, *, most_blocks: int) -> int:
    header = file.read(13)  # signature, screen size, flags
    file.seek(_colour_table_size(header[10]), 1)
    blocks = frames = 0
    while (block := file.read(1)) != b";":  # the trailer
        if block == b"!":  # an extension: its label, then sub-blocks
            file.read(1)
        elif block == b",":  # an image: its descriptor, colour table, code size
            frames += 1
            if frames > GIF_FRAMES:
                raise _too_many_pieces()
            most_blocks += GIF_BLOCKS_PER_FRAME
            descriptor = file.read(9)
            file.seek(_colour_table_size(descriptor[8]) + 1, 1)
        else:
            raise _unreadable()  # cut short, or not a block: later frames are damaged
        while (size := file.read(1)) != b"\x00":
            if not size:
                raise _unreadable()  # cut short
            blocks += 1
            if blocks > most_blocks:
                raise _too_many_pieces()
            file.seek(size[0], 1)
    return file.tell()


def _colour_table_size(flags: int) -> int:
    return 3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0


def _not_a_picture(file) -> ValidationError:
    """What an unreadable file is, if it is a kind staff often try: an SVG, a PDF, a
    web page."""
    file.seek(0)
    head = file.read(4096)
    file.seek(0)
    if b"%PDF-" in head[:1024]:
        return _pdf_message()
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        if re.search(rb"<svg[\s>]", head, re.IGNORECASE):
            return ValidationError(
                "SVG drawings are not accepted: export the picture as PNG or JPEG.",
                code="svg",
            )
        return ValidationError(
            "This is a web page or other text, not a picture. Save the picture itself "
            "(as JPEG or PNG) and upload that.",
            code="markup",
        )
    return _unreadable()


def _pdf_message() -> ValidationError:
    return ValidationError(
        "PDF documents are not accepted: export the page or picture you need as PNG or "
        "JPEG and upload that.",
        code="pdf",
    )


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
