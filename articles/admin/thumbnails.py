from django.utils.html import format_html

from articles.renditions import preview_url


def thumbnail(image, *, width: int) -> str:
    """A small `<img>` of `image`, scaled to `width` pixels wide (height kept in proportion
    so the list does not jump while pictures load)."""
    if not image.file:
        return "—"
    height = round(width * image.height / image.width) if image.width else width
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy">',
        preview_url(image),
        image.alt_text,
        width,
        height,
    )
