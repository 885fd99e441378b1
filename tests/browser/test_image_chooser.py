"""The image chooser pop-up in a real browser, under the admin's CSP: a photographer
added in place through the admin's "+" pop-up, and a refused upload that keeps the file."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles import renditions
from articles.models import Image, Photographer
from tests.browser.conftest import BrowserLog
from tests.browser.editing import open_chooser
from tests.helpers import image_bytes

CHOOSER = "admin:articles_image_chooser"


@pytest.fixture
def popup_logs(page, live_server):
    """A BrowserLog for every pop-up the test opens (the page's own is watched already)."""
    logs = []
    page.context.on(
        "page", lambda popup: logs.append(BrowserLog(popup, live_server.url))
    )
    return logs


def check_popups(logs):
    for log in logs:
        log.check("in a pop-up")


@pytest.fixture
def crane(tmp_path):
    path = tmp_path / "crane.png"
    path.write_bytes(
        image_bytes(size=(900, 600), image_format="PNG", color=(30, 90, 160))
    )
    return path


def open_chooser_from_the_editor(page):
    """Open the Figure dialog in an empty story's body and its Browse… pop-up."""
    page.goto(reverse("admin:articles_article_add"))
    page.locator(".prose-editor > .ProseMirror").click()
    return open_chooser(page)


def test_editor_adds_a_photographer_in_the_chooser_and_uploads_a_picture(
    admin_page, popup_logs, crane
):
    chooser = open_chooser_from_the_editor(admin_page)

    with chooser.expect_popup() as popup:
        chooser.get_by_title("Add another photographer").click()
    add_photographer = popup.value
    add_photographer.get_by_label("Name").fill("Priya Castell")
    add_photographer.get_by_label("Slug").fill("priya-castell")
    with add_photographer.expect_event("close"):
        add_photographer.get_by_role("button", name="Save", exact=True).click()

    # The new photographer is picked in the chooser's autocomplete.
    expect(
        chooser.locator(".field-photographer .select2-selection__rendered")
    ).to_contain_text("Priya Castell")
    chooser.get_by_label("File").set_input_files(crane)
    chooser.get_by_label("Alt text").fill("A blue crane over the quay")
    chooser.get_by_label("Caption").fill("The crane arrives")
    chooser.get_by_label("Licence").select_option(label="Staff")
    with chooser.expect_event("close"):
        chooser.get_by_role("button", name="Upload and use").click()

    # The chooser handed the new picture to the Figure dialog.
    dialog = admin_page.locator("dialog[open]")
    expect(dialog.locator("input[name=caption]")).to_have_value("The crane arrives")
    expect(dialog.locator("input[name=altText]")).to_have_value(
        "A blue crane over the quay"
    )
    image = Image.objects.get()
    assert image.photographer == Photographer.objects.get(name="Priya Castell")
    assert image.licence == Image.Licence.STAFF
    assert image.original_filename == "crane.png"
    expect(dialog.get_by_label("Image URL")).to_have_value(
        renditions.preview_url(image)
    )
    check_popups(popup_logs)


def test_refused_upload_shows_its_errors_first_and_keeps_the_file(
    admin_page, popup_logs, crane, make_image
):
    for number in range(30):
        make_image(caption=f"Library picture {number}")
    page = admin_page
    page.goto(reverse(CHOOSER) + "?CKEditorFuncNum=-1")

    page.get_by_label("File").set_input_files(crane)
    page.get_by_label("Caption").fill("The crane arrives")
    page.get_by_role("button", name="Upload and use").click()

    errors = page.get_by_text("Please correct the errors below. Nothing was saved.")
    expect(errors).to_be_focused()
    expect(errors).to_be_in_viewport()
    expect(page.locator(".field-alt_text .errorlist")).to_be_in_viewport()
    expect(page.get_by_label("Caption")).to_have_value("The crane arrives")
    expect(page.get_by_text("Keeping “crane.png” from your last try.")).to_be_visible()

    page.get_by_label("Alt text").fill("A blue crane over the quay")
    page.get_by_role("button", name="Upload and use").click()

    expect(page.get_by_role("status")).to_contain_text("Uploaded “The crane arrives”")
    image = Image.objects.get(caption="The crane arrives")
    assert image.original_filename == "crane.png"
    assert (image.width, image.height) == (900, 600)
