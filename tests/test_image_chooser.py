"""The image chooser pop-up: its query parameters."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

CHOOSER = "/admin/articles/image/chooser/"


@pytest.mark.parametrize(
    "chosen",
    ["²", "٣", "1.0", "-1", " ", "9" * 30],
    ids=["superscript", "arabic-indic", "decimal", "negative", "space", "huge"],
)
def test_chosen_that_is_not_a_plain_number_is_ignored(admin_client, make_image, chosen):
    make_image()

    response = admin_client.get(CHOOSER, {"CKEditorFuncNum": "1", "chosen": chosen})

    assert response.status_code == 200
    assertNotContains(response, "data-chosen")


def test_chosen_picture_is_handed_to_the_editor(admin_client, make_image):
    image = make_image()

    response = admin_client.get(CHOOSER, {"CKEditorFuncNum": "-3", "chosen": image.pk})

    assertContains(response, f'data-chosen data-url="{image.file.url}"')
    assertContains(response, 'data-func-num="-3"')


@pytest.mark.parametrize("func_num", ["²", "1²", "1e3", "x", "1" * 12])
def test_func_num_that_is_not_a_plain_number_is_dropped(admin_client, db, func_num):
    response = admin_client.get(CHOOSER, {"CKEditorFuncNum": func_num})

    assert response.status_code == 200
    assertContains(response, 'data-func-num=""')
    assertContains(
        response, '<input type="hidden" name="CKEditorFuncNum" value="">', html=True
    )
    assertContains(response, "Open this chooser from the Figure dialog")


@pytest.mark.parametrize("page", ["²", "٢", "-1", "2.0", "9" * 5000])
def test_page_that_is_not_a_plain_number_shows_the_first_page(
    admin_client, make_image, page
):
    for number in range(30):
        make_image(caption=f"Picture {number}")

    response = admin_client.get(CHOOSER, {"page": page})

    assert response.status_code == 200
    assert response.context["page"].number == 1
