"""The body editor's toolbar as an editor sees it, under the admin's strict CSP."""

import io

from django.urls import reverse
from PIL import Image as PILImage


def ink_per_row(png: bytes, columns: int) -> list[int]:
    """How many dark pixels each row has in the rightmost `columns` of `png`, for the rows
    that have any."""
    picture = PILImage.open(io.BytesIO(png)).convert("L")
    width, height = picture.size
    rows = []
    for y in range(height):
        ink = sum(picture.getpixel((x, y)) < 160 for x in range(width - columns, width))
        if ink:
            rows.append(ink)
    return rows


def test_block_type_dropdown_shows_a_down_arrow(admin_page):
    admin_page.goto(reverse("admin:articles_article_add"))
    dropdown = admin_page.locator(".prose-menubar__selected")

    # The arrow sits in the dropdown's right padding. A down-pointing triangle is widest
    # at the top and narrows row by row; the box a browser draws for a character no font
    # has is as wide at the bottom as at the top.
    rows = ink_per_row(dropdown.screenshot(), columns=14)
    assert len(rows) >= 3, rows
    assert rows[0] > rows[-1], rows
    assert rows == sorted(rows, reverse=True), rows
