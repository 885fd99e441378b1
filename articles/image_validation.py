"""Checks an uploaded picture before anything is stored, in bounded memory.

Django's ImageField only reads the header, so a picture cut short would pass and break
every rendition later: the pixel data has to be read through. Decoding a picture whole
costs up to four bytes a pixel whatever the file's size (a 250 kB PNG of 9,400 × 9,400
pixels took 340 MB), so the checks go from cheap to dear:

1. the file's size against NEWSROOM_MAX_UPLOAD_SIZE;
2. the header: a format we accept, and no more pixels than NEWSROOM_MAX_UPLOAD_PIXELS,
   which bounds the memory of every later decoding too (renditions);
3. the data read through: JPEGs are decoded at an eighth of their size (the decoder
   still reads every byte, so a file cut short fails; a progressive JPEG's decoder keeps
   its coefficients, about three bytes a pixel), PNGs have every chunk's checksum checked
   up to their end chunk by Pillow's `verify()` without decoding, WebP and GIF cannot be
   decoded smaller and are decoded whole.
"""

import warnings
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
            if picture.format == "PNG":
                picture.verify()  # every chunk's checksum, up to the end chunk
            else:
                # JPEGs decode at an eighth of their size; WebP and GIF whole.
                picture.draft(None, (1, 1))
                picture.load()  # a file cut short fails here
        except (OSError, SyntaxError, ValueError) as error:
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
