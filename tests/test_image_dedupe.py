"""A picture already in the library is offered instead of being stored twice."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Image
from tests.helpers import (
    admin_url,
    image_bytes,
    image_change_data,
    image_form_data,
    upload,
)
from tests.metadata_files import jpeg_with, xmp_packet

CHOOSER = "/admin/articles/image/chooser/"


@pytest.fixture
def stored_files(settings):
    """The originals on disk, as (relative) paths."""
    root = settings.STORAGES["originals"]["OPTIONS"]["location"]

    def files() -> set[str]:
        return {
            str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()
        }

    return files


@pytest.fixture
def picture():
    return image_bytes(size=(90, 60), color=(10, 120, 200))


def test_admin_refuses_a_picture_already_in_the_library_and_links_to_it(
    admin_client, make_image, picture, stored_files
):
    existing = make_image(file=upload("first.jpg", picture), caption="Harbour at dawn")
    before = stored_files()

    response = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload("again.jpg", picture), alt_text="Harbour"),
    )

    assert response.status_code == 200
    assertContains(
        response,
        f'This picture is already in the library as <a href="{admin_url(Image, "change", existing.pk)}">“Harbour at dawn”</a>',
    )
    assert list(Image.objects.all()) == [existing]
    assert stored_files() == before  # not stored, nor kept for another try


def test_chooser_offers_the_picture_already_in_the_library(
    admin_client, make_image, picture, stored_files
):
    existing = make_image(file=upload("first.jpg", picture), caption="Harbour at dawn")
    before = stored_files()

    response = admin_client.post(
        f"{CHOOSER}?CKEditorFuncNum=7",
        {
            "file": upload("again.jpg", picture),
            "alt_text": "Harbour",
            "caption": "",
            "photographer": "",
            "agency": "",
            "credit_type": Image.CreditType.PHOTO,
            "credit_text": "",
            "licence": "",
        },
    )

    assertContains(response, "This picture is already in the library")
    assertContains(
        response,
        f'<a class="button" href="?CKEditorFuncNum=7&amp;chosen={existing.pk}" data-use-existing>'
        "Use the picture already in the library</a>",
        html=True,
    )
    assert list(Image.objects.all()) == [existing]
    assert stored_files() == before
    picked = admin_client.get(CHOOSER, {"CKEditorFuncNum": "7", "chosen": existing.pk})
    assertContains(picked, f'data-id="{existing.pk}"')
    assertContains(picked, "data-chosen")


def test_a_different_picture_is_no_duplicate(admin_client, make_image, picture):
    make_image(file=upload("first.jpg", picture))

    response = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload("other.jpg", image_bytes()), alt_text="Quay"),
    )

    assert response.status_code == 302
    assert Image.objects.count() == 2


def test_replacing_an_image_file_with_the_same_file_is_allowed(
    admin_client, make_image, picture
):
    image = make_image(file=upload("first.jpg", picture))

    response = admin_client.post(
        admin_url(Image, "change", image.pk),
        image_change_data(image, file=upload("same-again.jpg", picture)),
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.original_filename == "same-again.jpg"


def test_replacing_an_image_file_with_another_image_file_is_refused(
    admin_client, make_image, picture
):
    other = make_image(file=upload("first.jpg", picture), caption="The other one")
    image = make_image(file=upload("mine.jpg", image_bytes()))

    response = admin_client.post(
        admin_url(Image, "change", image.pk),
        image_change_data(image, file=upload("copy.jpg", picture)),
    )

    assertContains(response, f'<a href="{admin_url(Image, "change", other.pk)}">')
    image.refresh_from_db()
    assert image.original_filename == "mine.jpg"
    assertNotContains(response, "Keeping “copy.jpg”")


def test_a_refused_duplicates_credits_do_not_stick_to_the_next_file(
    admin_client, make_image
):
    credited = jpeg_with(
        xmp=xmp_packet(dc_creator="Wire Photographer", dc_description="Wire caption")
    )
    make_image(file=upload("first.jpg", credited))

    refused = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload("again.jpg", credited), alt_text="Harbour"),
    )
    shown = refused.context["adminform"].form
    assert shown.errors["file"]
    assert shown["caption"].value() == ""  # the refused file's caption is not offered
    assertNotContains(refused, "Wire Photographer")

    # What the browser sends back: the form as shown, with another picture.
    data = {
        name: shown[name].value() or ""
        for name in (
            "alt_text",
            "caption",
            "credit_type",
            "licence",
            "focal_x",
            "focal_y",
        )
    }
    saved = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(
            file=upload("other.png", image_bytes(image_format="PNG")), **data
        ),
    )

    assert saved.status_code == 302
    image = Image.objects.latest("pk")
    assert image.caption == ""
    assert image.photographer is None
