"""Setting an image's focal point in the admin: a click or the arrow keys on the
picture, the crop previews following by the rule the renditions use, and the point kept
on save."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from articles.renditions import CROPS, crop_box
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.helpers import image_bytes, upload

SIZE = (1200, 800)


@pytest.fixture
def image(make_image):
    return make_image(file=upload(content=image_bytes(size=SIZE)))


def open_change_page(page, image):
    page.goto(reverse("admin:articles_image_change", args=[image.pk]))
    picture = page.get_by_role("button", name="Focal point")
    picture.scroll_into_view_if_needed()
    # decode() waits for the file, and rejects if it is missing or broken.
    picture.locator("img").evaluate("img => img.decode()")
    return picture


def focal_point(page) -> tuple[float, float]:
    return (
        float(page.get_by_label("Focal point across").input_value()),
        float(page.get_by_label("Focal point down").input_value()),
    )


def expected_object_position(ratio: str, focal) -> str:
    """Where crop_box() puts the crop, as the CSS object-position that shows it."""
    left, top, right, bottom = crop_box(*SIZE, CROPS[ratio], focal)
    spare_x, spare_y = SIZE[0] - (right - left), SIZE[1] - (bottom - top)
    x = left / spare_x * 100 if spare_x else 50
    y = top / spare_y * 100 if spare_y else 50
    return f"{round(x, 3):g}% {round(y, 3):g}%"


def object_positions(page) -> dict[str, str]:
    return page.locator("[data-focal-crop]").evaluate_all(
        "frames => Object.fromEntries(frames.map(frame => "
        "[frame.dataset.focalCrop, frame.querySelector('img').style.objectPosition]))"
    )


def marker_centre(page, picture) -> tuple[float, float]:
    """The marker's centre, as a share of the picture's width and height."""
    area = picture.locator("img").bounding_box()
    mark = page.locator("[data-focal-marker]").bounding_box()
    return (
        (mark["x"] + mark["width"] / 2 - area["x"]) / area["width"],
        (mark["y"] + mark["height"] / 2 - area["y"]) / area["height"],
    )


def test_clicking_the_picture_sets_the_focal_point_and_the_previews_follow(
    admin_page, image
):
    picture = open_change_page(admin_page, image)
    before = object_positions(admin_page)
    assert before == {
        ratio: expected_object_position(ratio, (0.5, 0.5)) for ratio in CROPS
    }
    box = picture.locator("img").bounding_box()

    picture.click(position={"x": box["width"] * 0.95, "y": box["height"] * 0.3})

    x, y = focal_point(admin_page)
    assert 0.9 <= x <= 1.0
    assert 0.25 <= y <= 0.35
    assert marker_centre(admin_page, picture) == pytest.approx((x, y), abs=0.01)
    after = object_positions(admin_page)
    assert after == {ratio: expected_object_position(ratio, (x, y)) for ratio in CROPS}
    assert after["16:9"] != before["16:9"]  # a wide crop of a 3:2 picture moves down
    assert after["1:1"] != before["1:1"]  # a square one moves right
    expect(admin_page.locator("[data-focal-status]")).to_have_text(
        f"Focal point: {round(x * 100)}% across, {round(y * 100)}% down."
    )


def test_arrow_keys_move_the_point_and_saving_keeps_it(admin_page, image):
    picture = open_change_page(admin_page, image)

    picture.focus()
    admin_page.keyboard.press("ArrowRight")
    admin_page.keyboard.press("Shift+ArrowUp")
    admin_page.keyboard.press("Enter")  # a keyboard "click" leaves the point alone

    assert focal_point(admin_page) == (0.51, 0.4)
    assert object_positions(admin_page)["1:1"] == expected_object_position(
        "1:1", (0.51, 0.4)
    )
    admin_page.get_by_role("button", name="Save and continue editing").click()

    expect(admin_page.locator(".messagelist .success")).to_be_visible()
    assert focal_point(admin_page) == (0.51, 0.4)
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.51, 0.4)
    assert object_positions(admin_page)["1:1"] == expected_object_position(
        "1:1", (0.51, 0.4)
    )


def test_typing_a_value_moves_the_marker_and_the_previews(admin_page, image):
    picture = open_change_page(admin_page, image)

    admin_page.get_by_label("Focal point across").fill("0.123")
    # Its 16:9 box starts 27.3 px down: crop_box() rounds that to 27, so must the preview.
    admin_page.get_by_label("Focal point down").fill("0.456")

    assert marker_centre(admin_page, picture) == pytest.approx((0.123, 0.456), abs=0.01)
    assert object_positions(admin_page) == {
        ratio: expected_object_position(ratio, (0.123, 0.456)) for ratio in CROPS
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focal_editor_has_no_accessibility_violations(admin_page, image, scheme):
    admin_page.emulate_media(color_scheme=scheme)
    picture = open_change_page(admin_page, image)
    picture.focus()

    results = (
        Axe().run(admin_page, context=".focal-editor", options=AXE_OPTIONS).response
    )
    assert [v["id"] for v in results["violations"]] == []
    # The focus ring: at least 2 px, in the admin's link colour.
    outline = picture.evaluate(
        "el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]"
    )
    assert outline == ["solid", "3px"]
