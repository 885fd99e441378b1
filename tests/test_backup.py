"""`manage.py backup` and `manage.py restore`: one archive brings the whole site back
into an empty database and storage, and a restore that cannot be trusted changes
nothing."""

import io
import json
import re
import tarfile
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from lxml import html as lxml_html

from articles.backups import archive as archive_module
from articles.models import Article, Image, Redirect, Rendition
from tests.helpers import figure, image_bytes, upload

pytestmark = pytest.mark.django_db(transaction=True)


def back_up(path) -> dict:
    call_command("backup", str(path), stdout=StringIO(), stderr=StringIO())
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("manifest.json"))


def restore(path, *options) -> str:
    out = StringIO()
    call_command("restore", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue()


def rewritten(source, destination, *, manifest=None, data=None, leave_out=()):
    """A copy of the archive `source`, its manifest passed through `manifest`, each
    file's bytes through `data(name, bytes)`, members named in `leave_out` dropped."""
    with tarfile.open(source) as old, tarfile.open(destination, "w") as new:
        for member in old:
            if member.name in leave_out:
                continue
            content = old.extractfile(member).read()
            if member.name == "manifest.json":
                if manifest:
                    content = json.dumps(manifest(json.loads(content))).encode()
            elif data:
                content = data(member.name, content)
            member.size = len(content)
            new.addfile(member, io.BytesIO(content))
    return destination


@pytest.fixture
def story(make_article, make_image, make_agency, make_photographer, make_author):
    """A published story with a credited featured picture and a body figure, three
    versions in its history and an old address."""
    agency = make_agency("AP Images")
    featured = make_image(
        file=upload(content=image_bytes(size=(640, 400), color=(10, 90, 160))),
        photographer=make_photographer("Hassan Ammar", agency=agency),
        caption="Boats back at their moorings",
    )
    inline = make_image(
        file=upload(content=image_bytes(size=(640, 400), color=(160, 90, 10))),
        agency=agency,
        alt_text="Nets drying on the quay",
    )
    article = make_article(
        headline="Harbour reopens",
        slug="harbour-reopens",
        featured_image=featured,
        body="<p>Fishermen return to the breakwater.</p>"
        + figure(inline, "Nets drying in the sun"),
        authors=[make_author("Jane Reporter")],
    )
    article.standfirst = "The storm damage is repaired."
    article.save()
    article.slug = "harbour-reopens-after-storm"
    article.save()
    return article


def site(client) -> dict:
    """What a reader, an editor and the storages see of the site."""
    story = Article.objects.get()
    page = client.get(story.get_absolute_url())
    assert page.status_code == 200
    old_address = client.get(Redirect.objects.get().old_path)
    search = lxml_html.fromstring(
        client.get(reverse("articles:search"), {"q": "breakwater"}).content
    )
    return {
        # Each response has its own CSP nonce.
        "page": re.sub(r' nonce="[^"]*"', "", page.content.decode()),
        "old address": (old_address.status_code, old_address["Location"]),
        "found": search.xpath('//li[@class="search-result"]//h2/a/text()'),
        "images": sorted(
            Image.objects.values_list("pk", "file", "caption", "agency__name")
        ),
        "credits": sorted(image.credit_line for image in Image.objects.all()),
        "story history": list(
            story.history.order_by("history_id").values_list(
                "history_id", "headline", "standfirst", "slug"
            )
        ),
        "image history": Image.history.count(),
        "originals": {
            image.file.name: image.file.open("rb").read()
            for image in Image.objects.all()
        },
        "renditions": {
            rendition.file.name: storages["default"].open(rendition.file.name).read()
            for rendition in Rendition.objects.all()
        },
    }


@contextmanager
def empty_site(tmp_path, settings):
    """The site pointed at a database and storages nothing has been written to yet."""
    settings_dict = connection.settings_dict
    name = settings_dict["NAME"]
    fresh = f"{name}_restored"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
            cursor.execute(f'CREATE DATABASE "{fresh}"')
    else:
        fresh = str(tmp_path / "empty.sqlite3")
    connection.close()
    settings_dict["NAME"] = fresh
    settings.MEDIA_ROOT = tmp_path / "empty-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "originals": {
            **settings.STORAGES["originals"],
            "OPTIONS": {"location": tmp_path / "empty-originals"},
        },
    }
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = name
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_restoring_into_an_empty_database_and_storage_brings_the_site_back(
    client, story, tmp_path, settings
):
    before = site(client)
    archive = tmp_path / "site.tar"
    back_up(archive)

    with empty_site(tmp_path, settings):
        assert not connection.introspection.table_names()
        restore(archive)
        after = site(client)

    assert after == before
    assert "Featured Image by Hassan Ammar/AP Images" in after["page"]
    assert after["credits"] == [
        "Image by Hassan Ammar/AP Images",
        "Image by Uncredited/AP Images",
    ]
    assert "Image by Uncredited/AP Images" in after["page"]
    assert "Nets drying in the sun" in after["page"]
    assert after["old address"] == (301, story.get_absolute_url())
    assert after["found"] == ["Harbour reopens"]
    assert len(after["story history"]) == 3
    assert len(after["originals"]) == 2
    assert after["renditions"]


def test_the_manifest_lists_every_file_with_its_size_and_checksum(story, tmp_path):
    manifest = back_up(tmp_path / "site.tar")

    assert manifest["format"] == 1
    assert manifest["database"]["vendor"] == connection.vendor
    assert "0001_content_model" in manifest["migrations"]["articles"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    with tarfile.open(tmp_path / "site.tar") as tar:
        assert set(tar.getnames()) == {*listed, "manifest.json"}
    for image in Image.objects.all():
        entry = listed[f"originals/{image.file.name}"]
        assert entry["size"] == image.file.size
    assert {f"media/{r.file.name}" for r in Rendition.objects.all()} <= listed.keys()
    assert all(re.fullmatch(r"[0-9a-f]{64}", e["sha256"]) for e in listed.values())


def test_backup_never_overwrites_an_archive(story, tmp_path):
    archive = tmp_path / "site.tar"
    archive.write_bytes(b"last night's backup")

    with pytest.raises(CommandError, match="already exists"):
        back_up(archive)
    assert archive.read_bytes() == b"last night's backup"


def test_an_archive_made_meanwhile_under_the_same_name_is_kept(
    story, tmp_path, monkeypatch
):
    archive = tmp_path / "site.tar"
    write = archive_module.write

    def other_backup_finishes_first(destination, **kwargs):
        destination.write_bytes(b"the other backup")
        return write(destination, **kwargs)

    monkeypatch.setattr(archive_module, "write", other_backup_finishes_first)

    with pytest.raises(CommandError, match="appeared while this backup was written"):
        back_up(archive)
    assert archive.read_bytes() == b"the other backup"
    assert not (tmp_path / "site.tar.partial").exists()


def test_two_backups_to_one_name_at_once_refuse_the_second(story, tmp_path):
    archive = tmp_path / "site.tar"
    partial = tmp_path / "site.tar.partial"
    partial.write_bytes(b"being written")

    with pytest.raises(CommandError, match="another backup is writing site.tar now"):
        back_up(archive)
    assert partial.read_bytes() == b"being written"
    assert not archive.exists()


def test_restore_refuses_a_database_with_content_unless_forced(client, story, tmp_path):
    archive = tmp_path / "site.tar"
    back_up(archive)
    story.headline = "Harbour closes again"
    story.save()
    # The page cache keeps the page as it is now.
    assert b"Harbour closes again" in client.get(story.get_absolute_url()).content

    with pytest.raises(CommandError, match=r"not empty \(1 story, 2 images\).*--force"):
        restore(archive)
    assert Article.objects.get().headline == "Harbour closes again"

    restore(archive, "--force")

    page = client.get(story.get_absolute_url()).content.decode()
    assert "Harbour reopens" in page
    assert "Harbour closes again" not in page
    assert site(client)["found"] == ["Harbour reopens"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        pytest.param(
            {"data": lambda name, data: data[:-1] + bytes([data[-1] ^ 1])},
            "does not match its size and SHA-256 checksum",
            id="checksum",
        ),
        pytest.param(
            {"leave_out": {"manifest.json"}}, "has no manifest.json", id="no-manifest"
        ),
        pytest.param(
            {
                "manifest": lambda manifest: (
                    manifest
                    | {
                        "files": [
                            entry
                            for entry in manifest["files"]
                            if entry["path"] != manifest["database"]["path"]
                        ]
                    }
                ),
                "leave_out": {"database/db.sqlite3", "database/db.dump"},
            },
            "manifest.json is incomplete",
            id="no-database-dump",
        ),
        pytest.param(
            {"manifest": lambda manifest: manifest | {"format": 2}},
            "backup format 2; this release restores format 1 only",
            id="format",
        ),
        pytest.param(
            {
                "manifest": lambda manifest: (
                    manifest
                    | {"migrations": {"articles": ["9999_from_a_later_release"]}}
                )
            },
            "migrations this release does not: articles.9999_from_a_later_release",
            id="newer-release",
        ),
    ],
)
def test_restore_refuses_a_damaged_archive_and_changes_nothing(
    client, story, tmp_path, damage, message
):
    back_up(tmp_path / "site.tar")
    damaged = rewritten(tmp_path / "site.tar", tmp_path / "damaged.tar", **damage)
    story.headline = "Harbour closes again"
    story.save()
    before = site(client)

    with pytest.raises(
        CommandError, match=f"{re.escape(message)}.*Nothing was changed"
    ):
        restore(damaged, "--force")

    assert site(client) == before


def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path):
    (tmp_path / "notes.tar").write_text("not a tar file")

    with pytest.raises(CommandError, match="cannot be read as a backup archive"):
        restore(tmp_path / "notes.tar")


def test_restore_refuses_a_dump_of_the_other_database(story, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    back_up(tmp_path / "site.tar")
    damaged = rewritten(
        tmp_path / "site.tar",
        tmp_path / "other.tar",
        manifest=lambda manifest: (
            manifest | {"database": manifest["database"] | {"vendor": other}}
        ),
    )

    with pytest.raises(CommandError) as refused:
        restore(damaged, "--force")

    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    assert (
        f"holds a {names[other]} database and this site runs on "
        f"{names[connection.vendor]}: a dump of one cannot be restored into the other"
    ) in str(refused.value)
    assert Article.objects.get().headline == story.headline
