"""Checks an uploaded picture before anything is stored.

Django's ImageField only reads the header, so a truncated JPEG would pass and break
every rendition later; decoding the whole picture once here catches it.
"""

import warnings

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

UNREADABLE_IMAGE_MESSAGE = (
    "This is not a picture we can read, or it is damaged (cut short during upload?). "
    "Export it again as JPEG, PNG, WebP or GIF and upload it."
)
# MPO is how Pillow reports camera JPEGs that carry a second, preview frame.
ACCEPTED_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "WEBP": "WebP",
    "GIF": "GIF",
}


def validate_image_upload(file) -> None:
    if getattr(file, "_committed", True):
        return  # already stored and checked when it was uploaded
    if file.size > settings.NEWSROOM_MAX_UPLOAD_SIZE:
        raise ValidationError(
            "This file is %(size)s; pictures can be at most %(limit)s.",
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.NEWSROOM_MAX_UPLOAD_SIZE),
            },
        )
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # Pillow only warns between one and two times its pixel limit; refuse those too.
            warnings.simplefilter("error", PIL.Image.DecompressionBombWarning)
            with PIL.Image.open(file) as picture:  # reads the header only
                if picture.format not in ACCEPTED_FORMATS:
                    raise ValidationError(
                        "%(format)s pictures are not accepted. Upload a JPEG, PNG, WebP or GIF.",
                        code="unsupported_format",
                        params={"format": picture.format},
                    )
                picture.load()  # decodes everything: a file cut short fails here
    except (
        PIL.Image.DecompressionBombError,
        PIL.Image.DecompressionBombWarning,
    ) as error:
        raise ValidationError(
            "This picture has too many pixels to process safely. Resize it and upload it again.",
            code="too_many_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        # Same code as the form field's own header check, so forms show one message.
        raise ValidationError(UNREADABLE_IMAGE_MESSAGE, code="invalid_image") from error
    finally:
        file.seek(0)
