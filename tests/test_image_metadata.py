"""Credits a picture carries in its file pre-fill the image, and never overwrite staff's."""

import io
import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.test import Client
from pytest_django.asserts import assertContains

from articles.image_metadata import read_embedded_metadata
from articles.models import Agency, Image, Photographer
from tests.helpers import admin_url, image_change_data, image_form_data, upload
from tests.metadata_files import jpeg_with, sample, xmp_packet

CHOOSER = "/admin/articles/image/chooser/"
IPTC_REFERENCE = "IPTC-PhotometadataRef-Std2021.1.jpg"


def add_image(client, content: bytes, **fields):
    """Post `content` through the Images admin's add form; blank fields unless given."""
    return client.post(
        admin_url(Image, "add"),
        image_form_data(
            **{"file": upload("photo.jpg", content), "alt_text": ""} | fields
        ),
    )


def reread(admin_user, images):
    """Run the Images list's "Re-read embedded metadata" action; its messages."""
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        admin_url(Image),
        {
            "action": "reread_embedded_metadata",
            "_selected_action": [image.pk for image in images],
        },
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


# The sample files ------------------------------------------------------------------------


def test_iptc_reference_image_prefills_every_credit_and_right(admin_client):
    response = add_image(admin_client, sample(IPTC_REFERENCE))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.photographer.name == "Creator1 (ref2021.1)"
    assert image.caption == "The description aka caption (ref2021.1)"
    assert (
        image.alt_text
        == "This is the Alt Text description to support accessibility in 2021.1"
    )
    assert (
        image.copyright_notice
        == "Copyright (Notice) 2021.1 IPTC - www.iptc.org  (ref2021.1)"
    )
    assert image.licensor_url == "https://example.com/LicensorURL_1_ref2021.1"
    assert image.licence_url == "https://example.com/WebStatementOfRights/2021.1"
    assert image.usage_terms == "Rights Usage Terms (ref2021.1)"
    assert image.agency is None  # no agency of that name: never created
    assert not Agency.objects.exists()


def test_iptc_reference_image_keeps_what_each_source_said(admin_client):
    add_image(admin_client, sample(IPTC_REFERENCE))

    kept = Image.objects.get().embedded_metadata
    assert kept["xmp"]["dc:creator"] == ["Creator1 (ref2021.1)"]
    assert kept["xmp"]["photoshop:Credit"] == "Credit Line (ref2021.1)"
    assert kept["iptc"]["By-line"] == "Creator1 (ref2021.1)"
    assert kept["iptc"]["Source"] == "Source (ref2021.1)"
    assert kept["exif"]["Artist"] == "Creator1 (ref2021.1)"
    assert kept["prefilled"]["caption"] == "The description aka caption (ref2021.1)"
    json.dumps(kept)  # stored as JSON, nothing binary


def test_iptc_reference_image_credits_the_agency_its_credit_line_names(
    admin_client, make_agency
):
    agency = make_agency("credit line (REF2021.1)")  # matched whatever the case
    make_agency("Source (ref2021.1)")

    add_image(admin_client, sample(IPTC_REFERENCE))

    assert Image.objects.get().agency == agency


def test_exiftool_gps_sample_is_credited_from_iptc_and_keeps_no_location(
    admin_client,
):
    response = add_image(
        admin_client, sample("exiftool-GPS.jpg"), alt_text="A telephone box"
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.photographer.name == "Ian Britton"
    assert image.caption == "Communications"
    assert image.copyright_notice == "ian Britton - FreeFoto.com"
    assert "GPS" not in json.dumps(image.embedded_metadata)


def test_exiftool_sample_reads_its_utf16_xmp(admin_client, make_agency):
    agency = make_agency("My Credit")

    add_image(admin_client, sample("exiftool-ExifTool.jpg"), alt_text="Test card")

    image = Image.objects.get()
    assert image.embedded_metadata["xmp"]["dc:creator"] == ["Phil Harvey"]
    assert image.photographer.name == "Phil Harvey"
    assert image.copyright_notice == "Copyright 2004 Phil Harvey"
    assert image.agency == agency
    assert image.licence_url == "https://exiftool.org/"
    # XMP comes first, and this file's XMP description differs from its IPTC caption.
    assert image.caption == "UTF-16 (big-endian) encoded XMP"
    assert image.embedded_metadata["iptc"]["Caption-Abstract"] == "A witty caption"


# Files made here -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ({"xmp": "From XMP", "iptc": "From IPTC", "exif": "From EXIF"}, "From XMP"),
        ({"iptc": "From IPTC", "exif": "From EXIF"}, "From IPTC"),
        ({"exif": "From EXIF"}, "From EXIF"),
    ],
    ids=["xmp-first", "then-iptc", "then-exif"],
)
def test_each_field_comes_from_xmp_then_iptc_then_exif(admin_client, sources, expected):
    content = jpeg_with(
        xmp=xmp_packet(dc_creator=sources["xmp"], dc_description=sources["xmp"])
        if "xmp" in sources
        else b"",
        iptc={"by_line": sources["iptc"].encode(), "caption": sources["iptc"].encode()}
        if "iptc" in sources
        else None,
        exif={"artist": sources["exif"], "description": sources["exif"]},
    )

    add_image(admin_client, content, alt_text="Harbour")

    image = Image.objects.get()
    assert (image.photographer.name, image.caption) == (expected, expected)


@pytest.mark.parametrize(
    "encoded",
    ["Zoë Müller".encode(), "Zoë Müller".encode("latin-1")],
    ids=["utf-8", "latin-1"],
)
def test_iptc_text_is_read_as_utf8_else_latin1(db, encoded):
    metadata = read_embedded_metadata(io.BytesIO(jpeg_with(iptc={"by_line": encoded})))

    assert metadata["iptc"]["By-line"] == "Zoë Müller"


def test_agency_is_matched_by_credit_line_then_source(admin_client, make_agency):
    reuters = make_agency("Reuters")
    content = jpeg_with(iptc={"credit": b"Unknown Wire", "source": b"REUTERS"})

    add_image(admin_client, content, alt_text="Harbour")

    assert Image.objects.get().agency == reuters
    assert Agency.objects.count() == 1


def test_known_photographer_is_credited_not_added_again(
    admin_client, make_photographer
):
    known = make_photographer("Hassan Ammar")
    content = jpeg_with(xmp=xmp_packet(dc_creator="HASSAN AMMAR"))

    add_image(admin_client, content, alt_text="Harbour")

    assert Image.objects.get().photographer == known
    assert Photographer.objects.count() == 1


def test_unknown_photographer_is_added_under_a_free_slug(
    admin_client, make_photographer
):
    make_photographer("Someone else", slug="jane-doe")
    content = jpeg_with(exif={"artist": "Jane Doe"})

    add_image(admin_client, content, alt_text="Harbour")

    photographer = Image.objects.get().photographer
    assert (photographer.name, photographer.slug) == ("Jane Doe", "jane-doe-2")


def test_alt_text_from_the_file_means_none_need_be_typed(admin_client):
    content = jpeg_with(
        xmp=xmp_packet(Iptc4xmpCore_AltTextAccessibility="Boats at dawn")
    )

    response = add_image(admin_client, content)

    assert response.status_code == 302
    assert Image.objects.get().alt_text == "Boats at dawn"


def test_values_staff_type_at_upload_win_over_the_file(admin_client, make_photographer):
    chosen = make_photographer("Staff Pick")
    content = jpeg_with(
        xmp=xmp_packet(
            dc_creator="From the file",
            dc_description="Caption from the file",
            dc_rights="Notice from the file",
        )
    )

    add_image(
        admin_client,
        content,
        alt_text="Typed alt text",
        caption="Typed caption",
        photographer=chosen.pk,
    )

    image = Image.objects.get()
    assert (image.caption, image.photographer) == ("Typed caption", chosen)
    assert image.copyright_notice == "Notice from the file"  # left blank: filled
    assert not Photographer.objects.filter(name="From the file").exists()


def test_form_refused_for_another_reason_shows_the_values_and_adds_no_photographer(
    admin_client,
):
    content = jpeg_with(
        xmp=xmp_packet(
            dc_creator="New Shooter", Iptc4xmpCore_AltTextAccessibility="Boats at dawn"
        )
    )

    refused = add_image(admin_client, content, licence_url="not a url")

    assertContains(refused, "Enter a valid URL.")
    assertContains(refused, 'value="Boats at dawn"')
    assertContains(refused, "The file credits “New Shooter”, who is not in the library")
    assert not Photographer.objects.exists()
    assert not Image.objects.exists()
    token = re.search(r'name="kept_upload" value="([^"]+)"', refused.text).group(1)

    accepted = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file="", kept_upload=token, alt_text="Boats at dawn"),
    )

    assert accepted.status_code == 302
    image = Image.objects.get()
    assert image.photographer.name == "New Shooter"
    assert image.embedded_metadata["prefilled"]["alt_text"] == "Boats at dawn"


def test_chooser_upload_is_prefilled_from_the_file(admin_client):
    content = jpeg_with(
        xmp=xmp_packet(
            dc_creator="Chooser Shooter",
            Iptc4xmpCore_AltTextAccessibility="Cranes on the quay",
            dc_rights="© Chooser Shooter",
        )
    )

    response = admin_client.post(
        f"{CHOOSER}?CKEditorFuncNum=1",
        {
            "file": upload("quay.jpg", content),
            "alt_text": "",
            "caption": "",
            "photographer": "",
            "agency": "",
            "credit_type": Image.CreditType.PHOTO,
            "credit_text": "",
            "licence": "",
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.alt_text == "Cranes on the quay"
    assert image.photographer.name == "Chooser Shooter"
    assert image.copyright_notice == "© Chooser Shooter"  # not on the short form


def test_hostile_metadata_is_read_safely_and_cut_to_fit(admin_client):
    entity_bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    content = jpeg_with(
        xmp=entity_bomb,
        iptc={
            "by_line": b"Bad\x00 Name\x07 " + b"x" * 300,
            "caption": b"\xff\xfe" * 10,
        },
        exif={"description": "Fine caption"},
    )

    response = add_image(admin_client, content, alt_text="Harbour")

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.photographer.name == ("Bad Name " + "x" * 300)[:200]
    assert (
        image.caption == "\xff\xfe" * 10
    )  # Latin-1 reading of bytes that are not UTF-8
    assert "xmp" not in image.embedded_metadata


def test_malformed_xmp_and_a_web_statement_that_is_no_url_are_ignored(admin_client):
    content = jpeg_with(xmp=b"<x:xmpmeta><unclosed>", iptc={"caption": b"IPTC caption"})
    response = add_image(admin_client, content, alt_text="Harbour")
    assert response.status_code == 302
    assert Image.objects.get().caption == "IPTC caption"

    not_a_url = jpeg_with(xmp=xmp_packet(xmpRights_WebStatement="javascript:alert(1)"))
    metadata = read_embedded_metadata(io.BytesIO(not_a_url))
    assert metadata["xmp"]["xmpRights:WebStatement"] == "javascript:alert(1)"
    add_image(admin_client, not_a_url, alt_text="Quay")
    assert Image.objects.get(alt_text="Quay").licence_url == ""


# Later reads -----------------------------------------------------------------------------


def test_reread_fills_untouched_fields_and_keeps_those_staff_changed_or_cleared(
    admin_client, admin_user, make_agency
):
    content = jpeg_with(
        xmp=xmp_packet(
            dc_description="File caption",
            dc_rights="File notice",
            xmpRights_UsageTerms="File terms",
            photoshop_Credit="Wire Agency",
        )
    )
    add_image(admin_client, content, alt_text="Harbour")
    image = Image.objects.get()
    image.caption = "Staff caption"  # changed by staff
    image.copyright_notice = ""  # cleared by staff
    image.usage_terms = "File terms"  # as pre-filled
    image.save()
    agency = make_agency("Wire Agency")  # the desk adds the agency the file names

    messages = reread(admin_user, Image.objects.all())

    image.refresh_from_db()
    assert image.caption == "Staff caption"
    assert image.copyright_notice == ""
    assert image.usage_terms == "File terms"
    assert image.agency == agency
    assert messages == [
        "Re-read the embedded metadata of 1 image: 1 field filled in on 1 image. "
        "Fields staff have set were left as they are."
    ]


def test_reread_of_an_image_uploaded_before_prefill_fills_its_empty_fields(
    admin_user, make_image
):
    filled = make_image(
        file=upload("old.jpg", jpeg_with(iptc={"caption": b"Archive caption"}))
    )
    plain = make_image(caption="Typed long ago")

    messages = reread(admin_user, Image.objects.all())

    filled.refresh_from_db()
    plain.refresh_from_db()
    assert filled.caption == "Archive caption"
    assert plain.caption == "Typed long ago"
    assert messages[0].startswith(
        "Re-read the embedded metadata of 2 images: 1 field filled in on 1 image."
    )


def test_new_file_replacing_the_old_one_updates_only_untouched_fields(admin_client):
    first = jpeg_with(
        xmp=xmp_packet(dc_description="Old caption", dc_rights="Old notice")
    )
    add_image(admin_client, first, alt_text="Harbour")
    image = Image.objects.get()
    second = jpeg_with(
        xmp=xmp_packet(dc_description="New caption", dc_rights="New notice"),
        exif={"artist": "Second Shooter"},
    )

    response = admin_client.post(
        admin_url(Image, "change", image.pk),
        image_change_data(
            image,
            copyright_notice="Staff notice",
            file=upload("second.jpg", second),
        ),
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.caption == "New caption"
    assert image.copyright_notice == "Staff notice"
    assert image.photographer.name == "Second Shooter"


def test_only_staff_who_may_change_images_can_reread_and_it_is_recorded(
    client, admin_user, django_user_model, make_image
):
    image = make_image(
        file=upload("old.jpg", jpeg_with(iptc={"caption": b"From the file"}))
    )
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_image"))
    client.force_login(viewer)

    response = client.post(
        admin_url(Image),
        {"action": "reread_embedded_metadata", "_selected_action": [image.pk]},
    )

    image.refresh_from_db()
    assert response.status_code == 200  # the list again: no such action for them
    assert image.caption == ""

    reread(admin_user, [image])

    image.refresh_from_db()
    assert image.caption == "From the file"
    entry = LogEntry.objects.get(object_id=str(image.pk))
    assert entry.user == admin_user
    assert entry.get_change_message() == "Re-read embedded metadata: filled in caption."


def test_names_from_the_file_are_escaped_in_the_form_help(admin_client):
    markup = '<img src=x onerror="alert(1)">'
    content = jpeg_with(xmp=xmp_packet(dc_creator=markup))

    response = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload(f"{markup}.jpg", content), alt_text=""),
    )

    assert response.status_code == 200  # refused: no alt text
    html = response.content.decode()
    assert "<img src=x" not in html
    assert "The file credits “&lt;img src=x onerror=&quot;alert(1)&quot;&gt;”" in html
    assert "Keeping “&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.jpg”" in html
