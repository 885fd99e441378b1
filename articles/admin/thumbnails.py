from django.urls import reverse
from django.utils.html import format_html


def thumbnail(image, *, width: int) -> str:
    """A small `<img>` of `image`, scaled to `width` pixels wide (height kept in proportion
    so the list does not jump while pictures load)."""
    if not image.file:
        return "—"
    height = round(width * image.height / image.width) if image.width else width
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy">',
        reverse("admin:articles_image_original", args=[image.pk]),
        image.alt_text,
        width,
        height,
    )
