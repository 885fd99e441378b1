"""The focal-point editor on an image's change page: drawn on a rendition, never the
original, with the crops as saved; a new focal point posted is saved and the crops remade."""

import io
import re

from django.core.files.storage import default_storage
from PIL import Image as PILImage
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Image
from articles.renditions import crops_for, preview_url
from tests.helpers import admin_url, image_change_data, upload

EDITOR = re.compile(r"<section [^>]*data-focal-editor.*?</section>", re.S)


def editor_html(response) -> str:
    found = EDITOR.search(response.text)
    assert found, "the change page has no focal-point editor"
    return found.group(0)


def image_sources(html: str) -> list[str]:
    return re.findall(r'<img [^>]*src="([^"]+)"', html)


def saved_crop_sources(response) -> dict[str, str]:
    return dict(
        re.findall(
            r'data-saved-crop="([^"]+)">\s*<img [^>]*src="([^"]+)"',
            editor_html(response),
        )
    )


def red_and_blue() -> bytes:
    """A 1200 × 800 picture, red on its left quarter and blue on the rest: its square
    crop shows both around the middle, only blue at the right edge."""
    picture = PILImage.new("RGB", (1200, 800), (0, 0, 220))
    picture.paste((220, 0, 0), (0, 0, 300, 800))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def colours(rendition) -> set[str]:
    """Which of red and blue the picture in `rendition` shows."""
    with default_storage.open(rendition.file.name, "rb") as stored:
        picture = PILImage.open(io.BytesIO(stored.read())).convert("RGB")
    left, right = picture.getpixel((0, 0)), picture.getpixel((picture.width - 1, 0))
    return {"red" if red > blue else "blue" for red, _, blue in (left, right)}


def test_change_page_draws_the_focal_editor_on_the_preview_rendition(
    admin_client, make_image
):
    image = make_image()

    response = admin_client.get(admin_url(Image, "change", image.pk))

    editor = editor_html(response)
    preview = preview_url(image)
    assert preview.startswith("/media/renditions/")
    # The picture to click and each of the three live crops: all the 480 px JPEG.
    assert image_sources(editor)[:4] == [preview] * 4
    assert 'aria-label="Focal point"' in editor
    for name, across, down in [("16:9", 16, 9), ("4:3", 4, 3), ("1:1", 1, 1)]:
        assert (
            f'data-focal-crop="{name}" data-across="{across}" data-down="{down}"'
            in editor
        )
    assertNotContains(response, image.file.name)  # the original's stored name


def test_change_page_shows_the_three_crops_as_saved(admin_client, make_image):
    image = make_image()
    crops = crops_for(image)

    response = admin_client.get(admin_url(Image, "change", image.pk))

    assert saved_crop_sources(response) == {
        name: crops[name].file.url for name in ("16:9", "4:3", "1:1")
    }
    assertContains(response, "<h3>Saved crops</h3>", html=True)
    for name, crop in crops.items():
        size = f"{crop.width_px} × {crop.height_px}"
        assertContains(
            response,
            f'<figcaption>{name} <span class="focal-editor__size">{size}</span></figcaption>',
            html=True,
        )
    # A 1200 × 800 picture: its square crop is as tall as it is.
    assert (crops["1:1"].width_px, crops["1:1"].height_px) == (800, 800)


def test_add_page_has_no_focal_editor(admin_client, db):
    response = admin_client.get(admin_url(Image, "add"))

    assertContains(response, 'name="focal_x"')
    assertNotContains(response, "data-focal-editor")


def test_posting_a_new_focal_point_saves_it_and_remakes_the_crops(
    admin_client, make_image, django_capture_on_commit_callbacks
):
    image = make_image(file=upload("red-and-blue.png", red_and_blue(), "image/png"))
    before = {name: crop.file.name for name, crop in crops_for(image).items()}
    assert colours(crops_for(image)["1:1"]) == {"red", "blue"}

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url(Image, "change", image.pk),
            image_change_data(image, focal_x="1", focal_y="0.25"),
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (1.0, 0.25)
    after = crops_for(image)
    assert all(after[name].file.name != before[name] for name in before)
    assert not any(default_storage.exists(name) for name in before.values())
    assert colours(after["1:1"]) == {"blue"}  # the square moved to the right edge
    page = admin_client.get(admin_url(Image, "change", image.pk))
    assert saved_crop_sources(page) == {
        name: crop.file.url for name, crop in after.items()
    }


def test_a_refused_post_keeps_the_typed_point_and_shows_the_crops_still_saved(
    admin_client, make_image
):
    image = make_image(file=upload("red-and-blue.png", red_and_blue(), "image/png"))

    response = admin_client.post(
        admin_url(Image, "change", image.pk),
        image_change_data(image, focal_x="0.9", alt_text=""),
    )

    assertContains(response, "This field is required.")
    assertContains(response, 'value="0.9"')
    image.refresh_from_db()
    assert image.focal_x == 0.5
    # The crops shown are those of the saved point: the square still shows both colours.
    shown = saved_crop_sources(response)
    assert shown == {name: crop.file.url for name, crop in crops_for(image).items()}
    assert colours(crops_for(image)["1:1"]) == {"red", "blue"}
