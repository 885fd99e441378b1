"""Pictures in S3-compatible object storage (moto's server): originals private, reached
by staff through short-lived signed addresses; renditions public at plain addresses,
which pages show and the CSP allows; files go when their image does."""

import re
from io import StringIO
from unittest.mock import Mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection

from articles.backups import archive, database
from articles.models import Image, Rendition
from tests.deployment.conftest import settings_from_environment
from tests.deployment.http import Visitor
from tests.helpers import admin_url, image_bytes, image_form_data, upload

PICTURE = image_bytes(size=(1200, 800))
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def uploaded(s3, admin_client, django_capture_on_commit_callbacks) -> Image:
    """A picture uploaded through the admin, its renditions made by the task the
    upload enqueues."""
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url(Image, "add"),
            image_form_data(file=upload("harbour-at-dawn.jpg", PICTURE)),
        )
    assert response.status_code == 302
    return Image.objects.get()


def test_uploaded_original_is_kept_private_in_the_originals_bucket(s3, uploaded):
    key = f"originals/{uploaded.file.name}"

    assert s3.keys(s3.private_bucket) == [key]
    assert s3.keys(s3.public_bucket, "originals/") == []
    grants = s3.client.get_object_acl(Bucket=s3.private_bucket, Key=key)["Grants"]
    assert ALL_USERS not in [grant["Grantee"].get("URI") for grant in grants]
    anonymous = Visitor().get(f"{s3.endpoint}/{s3.private_bucket}/{key}")
    assert anonymous.status == 403


def test_renditions_are_public_at_plain_addresses(s3, uploaded):
    renditions = Rendition.objects.filter(image=uploaded)
    urls = [rendition.file.url for rendition in renditions]

    assert len(urls) == 9  # 480, 960, 1200 wide in AVIF and JPEG; three crops
    assert s3.keys(s3.public_bucket) == sorted(r.file.name for r in renditions)
    for url in urls:
        assert url.startswith(f"{s3.endpoint}/{s3.public_bucket}/renditions/")
        assert "?" not in url
    response = Visitor().get(urls[0])
    assert response.status == 200
    assert response.headers["Content-Type"] in ("image/avif", "image/jpeg")
    assert response.headers["Cache-Control"] == "public, max-age=86400"


def test_article_page_shows_renditions_from_the_bucket_its_policy_allows(
    s3, uploaded, client, make_article
):
    article = make_article(featured_image=uploaded)

    response = client.get(article.get_absolute_url())

    public = f"{s3.endpoint}/{s3.public_bucket}/"
    pictures = re.findall(r'(?:src|srcset)="([^" ]+)', response.text)
    pictures = [url for url in pictures if "/renditions/" in url]
    assert pictures
    assert all(url.startswith(public + "renditions/") for url in pictures)
    image_sources = response["Content-Security-Policy"].split("img-src ")[1]
    assert public in image_sources.split(";")[0].split()


def test_staff_get_the_original_through_a_short_lived_signed_address(
    s3, uploaded, admin_client
):
    response = admin_client.get(admin_url(Image, "original", uploaded.pk))

    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    assert signed.startswith(f"{s3.endpoint}/{s3.private_bucket}/originals/")
    query = parse_qs(urlsplit(signed).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    original = Visitor().get(signed)
    assert original.status == 200
    assert original.content == PICTURE
    assert original.headers["Content-Type"] == "image/jpeg"
    assert 'filename="harbour-at-dawn.jpg"' in original.headers["Content-Disposition"]


def test_deleting_an_image_removes_its_files_from_both_buckets(
    s3, uploaded, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url(Image, "delete", uploaded.pk), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert s3.keys(s3.private_bucket) == []
    assert s3.keys(s3.public_bucket) == []


def test_a_picture_kept_between_tries_of_the_form_waits_in_the_private_bucket(
    s3, admin_client
):
    refused = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload("boat.jpg", PICTURE), alt_text=""),
    )
    token = re.search(r'name="kept_upload" value="([^"]+)"', refused.text).group(1)

    assert [key.split("/")[1] for key in s3.keys(s3.private_bucket)] == [
        "pending-uploads"
    ]
    accepted = admin_client.post(
        admin_url(Image, "add"), image_form_data(file="", kept_upload=token)
    )
    assert accepted.status_code == 302
    image = Image.objects.get()
    assert s3.keys(s3.private_bucket) == [f"originals/{image.file.name}"]


def test_a_cdn_domain_gives_renditions_plain_addresses_on_it(monkeypatch):
    configured = settings_from_environment(
        monkeypatch,
        {
            "NEWSROOM_S3_BUCKET": "newsroom-media",
            "NEWSROOM_S3_CUSTOM_DOMAIN": "media.example.com",
        },
    )
    public = storages.create_storage(configured["STORAGES"]["default"])

    assert (
        public.url("renditions/7/0123abcd-480.jpg")
        == "https://media.example.com/renditions/7/0123abcd-480.jpg"
    )
    assert "https://media.example.com" in configured["SECURE_CSP"]["img-src"]


def test_a_backup_holds_the_buckets_pictures_and_puts_them_back(
    s3, uploaded, tmp_path, monkeypatch
):
    path = tmp_path / "site.tar"

    # The database half is tested on local storage (tests/test_backup.py); a stand-in
    # here reads this test's rows, which a dump from outside its transaction would not.
    def dump(to):
        to.write_bytes(b"dump")
        with connection.cursor() as cursor:
            return database._stored_files(cursor)

    monkeypatch.setattr(database, "dump", dump)
    call_command("backup", str(path), stdout=StringIO(), stderr=StringIO())
    before = {
        bucket: {key: body(s3, bucket, key) for key in s3.keys(bucket)}
        for bucket in (s3.public_bucket, s3.private_bucket)
    }
    for bucket, objects in before.items():
        for key in objects:
            s3.client.delete_object(Bucket=bucket, Key=key)

    with archive.open_archive(path) as tar:
        manifest = archive.read_manifest(tar)
    with archive.open_archive(path) as tar:
        written = archive.restore_files(tar, manifest, progress=Mock())

    assert written == 10  # the original and its 9 renditions
    assert {entry["path"] for entry in manifest["files"]} >= {
        f"originals/{uploaded.file.name}"
    }
    after = {
        bucket: {key: body(s3, bucket, key) for key in s3.keys(bucket)}
        for bucket in (s3.public_bucket, s3.private_bucket)
    }
    assert after == before
    key = f"originals/{uploaded.file.name}"
    assert Visitor().get(f"{s3.endpoint}/{s3.private_bucket}/{key}").status == 403


def body(s3, bucket, key) -> bytes:
    return s3.client.get_object(Bucket=bucket, Key=key)["Body"].read()
