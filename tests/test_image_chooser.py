"""The image chooser pop-up: its query parameters, and uploading a picture in it."""

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.files.storage import storages
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import renditions
from articles.models import Image
from tests.helpers import image_bytes, upload

CHOOSER = "/admin/articles/image/chooser/"
PENDING_FOLDER = "pending-uploads"


def pending_files() -> list[str]:
    try:
        return storages["originals"].listdir(PENDING_FOLDER)[1]
    except FileNotFoundError:
        return []


def pending_token(response) -> str:
    match = re.search(r'name="kept_upload" value="([^"]+)"', response.text)
    assert match, "the form keeps no pending upload"
    return match.group(1)


def upload_data(**overrides) -> dict:
    return {
        "file": upload("crane.png", image_bytes(size=(90, 60), image_format="PNG")),
        "alt_text": "A blue crane over the quay",
        "caption": "The crane arrives",
        "photographer": "",
        "agency": "",
        "credit_type": Image.CreditType.PHOTO,
        "credit_text": "",
        "licence": Image.Licence.UNKNOWN,
    } | overrides


# Query parameters ----------------------------------------------------------------------


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

    assertContains(response, f'data-chosen data-url="{renditions.preview_url(image)}"')
    assert "/media/renditions/" in renditions.preview_url(image)
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


# Uploading -------------------------------------------------------------------------------


def test_chooser_upload_form_adds_photographers_and_agencies_in_place(admin_client, db):
    response = admin_client.get(CHOOSER, {"CKEditorFuncNum": "1"})

    for name in ("photographer", "agency"):
        # The "+" that opens the admin's add form in a pop-up.
        assert re.search(
            rf'<a class="[^"]*add-related" id="add_id_{name}"\s+data-popup="yes"\s+'
            rf'href="/admin/articles/{name}/add/\?_to_field=id&amp;_popup=1',
            response.text,
        )
        assertContains(
            response,
            'data-ajax--url="/admin/autocomplete/" data-app-label="articles" '
            f'data-model-name="image" data-field-name="{name}"',
        )
    assertContains(response, "admin/js/admin/RelatedObjectLookups.js")
    assertContains(response, "admin/js/autocomplete.js")
    assertContains(response, '<select name="licence"')


def test_chooser_runs_no_inline_script(admin_client, db):
    response = admin_client.get(CHOOSER, {"CKEditorFuncNum": "1"})

    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts
    for script in scripts:
        assert " src=" in script, script
        assert " nonce=" in script, script
    assert not re.search(r"\son[a-z]+=", response.text)
    assert " style=" not in response.text


def test_chooser_upload_sets_credit_and_licence(admin_client, make_photographer):
    photographer = make_photographer("Priya Castell")

    response = admin_client.post(
        f"{CHOOSER}?CKEditorFuncNum=1",
        upload_data(
            photographer=photographer.pk,
            credit_type=Image.CreditType.ILLUSTRATION,
            licence=Image.Licence.STAFF,
        ),
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.photographer == photographer
    assert image.credit_type == Image.CreditType.ILLUSTRATION
    assert image.licence == Image.Licence.STAFF


def test_chooser_upload_is_stored_under_a_generated_name(admin_client, db):
    png = image_bytes(size=(90, 60), image_format="PNG")

    admin_client.post(
        CHOOSER, upload_data(file=upload("report.pdf", png, "application/pdf"))
    )

    image = Image.objects.get()
    assert re.fullmatch(r"images/\d{4}/\d{2}/[0-9a-f]{32}\.png", image.file.name)
    assert image.original_filename == "report.pdf"


def test_refused_upload_shows_its_errors_above_the_pictures(admin_client, make_image):
    for number in range(3):
        make_image(caption=f"Library picture {number}")

    response = admin_client.post(
        f"{CHOOSER}?CKEditorFuncNum=4",
        upload_data(
            alt_text="   ", caption="Typed caption", credit_text="Typed credit"
        ),
    )

    html = response.text
    assert html.index("Please correct the errors below") < html.index("chooser__item")
    assert html.index('id="upload-heading"') < html.index('class="chooser__filters"')
    assertContains(response, "This field is required.")
    # What was typed is still there.
    assertContains(response, "Typed caption</textarea>")
    assertContains(response, 'value="Typed credit"')
    assertContains(response, 'data-func-num="4"')
    assert Image.objects.count() == 3


def test_upload_form_sits_below_the_pictures_until_it_has_errors(
    admin_client, make_image
):
    make_image()

    response = admin_client.get(CHOOSER)

    html = response.text
    assert html.index("chooser__item") < html.index('id="upload-heading"')
    assertContains(response, 'href="#upload-heading"')


def test_valid_picture_is_kept_when_another_field_is_refused(admin_client, db):
    content = image_bytes(size=(90, 60), image_format="PNG")

    refused = admin_client.post(
        CHOOSER, upload_data(file=upload("crane.png", content), alt_text="")
    )
    assertContains(refused, "crane.png")
    token = pending_token(refused)
    assert len(pending_files()) == 1
    # The file input may stay empty now.
    assert not re.search(r'<input type="file"[^>]*\brequired\b', refused.text)

    accepted = admin_client.post(
        f"{CHOOSER}?CKEditorFuncNum=1",
        upload_data(file="", kept_upload=token),
    )

    assert accepted.status_code == 302
    image = Image.objects.get()
    assert image.original_filename == "crane.png"
    assert image.file_hash == hashlib.sha256(content).hexdigest()
    assert (image.width, image.height) == (90, 60)
    assert pending_files() == []


def test_refused_picture_is_not_kept(admin_client, db):
    response = admin_client.post(
        CHOOSER, upload_data(file=upload(content=b"not a picture"), alt_text="")
    )

    assertContains(response, "This is not a picture we can read")
    assertNotContains(response, 'name="kept_upload" value=')
    assert pending_files() == []


def test_a_new_file_replaces_the_kept_one(admin_client, db):
    refused = admin_client.post(CHOOSER, upload_data(alt_text=""))
    token = pending_token(refused)

    admin_client.post(
        CHOOSER,
        upload_data(
            file=upload("second.jpg", image_bytes(size=(30, 20))),
            kept_upload=token,
        ),
    )

    image = Image.objects.get()
    assert image.original_filename == "second.jpg"
    assert pending_files() == []


def test_kept_picture_is_only_for_the_editor_who_uploaded_it(
    admin_client, client, django_user_model
):
    refused = admin_client.post(CHOOSER, upload_data(alt_text=""))
    token = pending_token(refused)
    other = django_user_model.objects.create_user("desk", is_staff=True)
    other.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_image", "add_image"])
    )
    client.force_login(other)

    response = client.post(CHOOSER, upload_data(file="", kept_upload=token))

    assertContains(response, "This field is required.")
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    "token", ["", "forged", "pending-uploads/../../settings.py"], ids=repr
)
def test_a_forged_pending_token_keeps_nothing(admin_client, db, token):
    admin_client.post(CHOOSER, upload_data(alt_text=""))
    valid = pending_token(admin_client.post(CHOOSER, upload_data(alt_text="")))

    response = admin_client.post(
        CHOOSER, upload_data(file="", kept_upload=token or valid[:-2] + "xx")
    )

    assertContains(response, "This field is required.")
    assert not Image.objects.exists()


def test_kept_pictures_left_behind_are_removed_after_a_day(
    admin_client, admin_user, db
):
    admin_client.post(CHOOSER, upload_data(alt_text=""))
    [abandoned] = pending_files()

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        admin_client.force_login(admin_user)  # the first session has ended since
        refused = admin_client.post(CHOOSER, upload_data(alt_text=""))

    assert abandoned not in pending_files()
    assert len(pending_files()) == 1
    assertContains(refused, 'name="kept_upload"')


def test_chooser_says_when_a_pictures_rights_have_expired_or_soon_will(
    admin_client, make_image
):
    today = timezone.localdate()
    make_image(caption="Expired one", rights_expire_on=today - timedelta(days=1))
    make_image(caption="Expiring one", rights_expire_on=today + timedelta(days=10))
    make_image(caption="Lasting one", rights_expire_on=today + timedelta(days=90))

    response = admin_client.get(CHOOSER)

    assertContains(
        response,
        f"Expired on {today - timedelta(days=1):%-d %b %Y}: readers will not see it.",
    )
    assertContains(
        response,
        f"Expires on {today + timedelta(days=10):%-d %b %Y}: then readers stop seeing it.",
    )
    assertContains(response, 'class="chooser__rights"', count=2)
