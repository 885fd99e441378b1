"""The photo desk's views of images by agency: filters and counts follow the credit rule."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Agency, Image
from tests.helpers import admin_url, changelist_rows, row_containing


@pytest.fixture
def agency_pictures(make_image, make_agency, make_photographer):
    ap = make_agency("AP Images")
    reuters = make_agency("Reuters")
    ammar = make_photographer("Hassan Ammar", agency=ap)
    make_image(caption="Own agency", agency=ap)
    make_image(caption="Through the photographer", photographer=ammar)
    make_image(caption="Lent to another agency", photographer=ammar, agency=reuters)
    make_image(caption="Nobody credited")
    return ap, reuters


def test_images_by_agency_include_pictures_credited_through_the_photographer(
    admin_client, agency_pictures
):
    ap, _ = agency_pictures

    response = admin_client.get(admin_url(Image), {"agency": ap.pk})

    assertContains(response, "Own agency")
    assertContains(response, "Through the photographer")
    assertNotContains(response, "Lent to another agency")
    assertNotContains(response, "Nobody credited")
    assert len(changelist_rows(response)) == 2


def test_agency_list_counts_every_picture_credited_to_each_agency(
    admin_client, agency_pictures
):
    ap, reuters = agency_pictures

    response = admin_client.get(admin_url(Agency))

    ap_row = row_containing(response, "AP Images")
    assert f'<a href="{admin_url(Image)}?agency={ap.pk}">2</a>' in ap_row
    assert f'<a href="{admin_url(Image)}?agency={reuters.pk}">1</a>' in row_containing(
        response, "Reuters"
    )


@pytest.mark.parametrize("value", ["abc", "²", "999999"])
def test_images_by_an_unknown_agency_list_nothing(admin_client, agency_pictures, value):
    response = admin_client.get(admin_url(Image), {"agency": value})

    assert response.status_code == 200
    assert changelist_rows(response) == []


def test_image_form_labels_read_as_words_and_promise_nothing_untrue(admin_client):
    response = admin_client.get(admin_url(Image, "add"))

    assertContains(
        response, '<label for="id_licence_url">Licence URL:</label>', html=True
    )
    assertContains(response, "Focal point across:")
    assertContains(response, "Focal point down:")
    assertNotContains(response, "readers see resized copies")
