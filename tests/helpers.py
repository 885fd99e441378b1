"""Builders shared by the tests: pictures made in memory, body markup as the editor stores it."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage


def image_bytes(size=(1200, 800), image_format="JPEG", color=(200, 60, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def upload(
    name="picture.jpg", content=None, content_type="image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, image_bytes() if content is None else content, content_type=content_type
    )


def figure(image, caption="") -> str:
    """A body figure as the editor stores it."""
    return f'<figure><img src="/editor-preview.jpg" alt="" data-file="{image.pk}"><figcaption>{caption}</figcaption></figure>'
