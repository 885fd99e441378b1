"""Uploaded pictures: how they are stored, and what checking them may cost."""

import hashlib
import io
import os
import re
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path
from unittest.mock import Mock

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from PIL import Image as PILImage
from pytest_django.asserts import assertContains, assertNotContains

from articles import image_metadata
from articles.image_metadata import read_embedded_metadata
from articles.models import Image
from tests.helpers import admin_url, image_bytes, image_form_data, upload
from tests.metadata_files import jpeg_with, xmp_packet

GENERATED_NAME = r"images/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp|avif|gif|heic)"


def stored_format(image: Image) -> str:
    with image.file.storage.open(image.file.name) as stored:
        return PILImage.open(stored).format


def stored_originals(folder="") -> list[str]:
    """Every file in the originals storage, through its API (it has no public URL)."""
    storage = Image.file.field.storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    found = [f"{folder}{name}" for name in files]
    for name in folders:
        found += stored_originals(f"{folder}{name}/")
    return found


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data))
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that says it is `width` × `height` but holds a few bytes of pixels: the
    header is all the checks may read of it."""
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def noisy_bytes(size=(400, 300), image_format="PNG", **options) -> bytes:
    """A picture that does not compress to almost nothing, so cutting it loses pixels."""
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 64).convert("RGB").save(buffer, image_format, **options)
    return buffer.getvalue()


# Pillow's save() format and options for each kind of picture the tests build.
KINDS = {
    "JPEG": ("JPEG", {}),
    "progressive-JPEG": ("JPEG", {"progressive": True}),
    "PNG": ("PNG", {}),
    "interlaced-PNG": ("PNG", {"interlace": True}),
    "WEBP": ("WEBP", {}),
    "GIF": ("GIF", {}),
}


# Stored names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "image_format", "extension"),
    [
        ("report.pdf", "PNG", "png"),
        ("holiday.png", "JPEG", "jpg"),
        ("scan.jpg", "WEBP", "webp"),
        ("animation.jpeg", "GIF", "gif"),
        ("no-extension", "JPEG", "jpg"),
    ],
)
def test_upload_is_stored_under_a_generated_name_with_its_real_format(
    make_image, name, image_format, extension
):
    image = make_image(
        file=upload(name, image_bytes(size=(60, 40), image_format=image_format))
    )

    image.refresh_from_db()
    assert re.fullmatch(GENERATED_NAME, image.file.name)
    assert image.file.name.endswith(f".{extension}")
    assert image.original_filename == name
    assert stored_format(image) == image_format


def test_two_uploads_of_the_same_name_get_different_stored_names(make_image):
    first = make_image(file=upload("embargoed-budget-leak.jpg"))
    second = make_image(file=upload("embargoed-budget-leak.jpg"))

    assert first.file.name != second.file.name
    assert "embargoed" not in first.file.name + second.file.name


def test_admin_upload_keeps_the_file_name_only_as_data_for_staff(admin_client):
    png = image_bytes(size=(60, 40), image_format="PNG")

    response = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload("report.pdf", png, "application/pdf")),
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert re.fullmatch(GENERATED_NAME, image.file.name)
    assert image.file.name.endswith(".png")
    assert image.original_filename == "report.pdf"
    change_page = admin_client.get(admin_url(Image, "change", image.pk))
    assertContains(
        change_page,
        '<div class="readonly">report.pdf</div>',
        html=True,
    )
    assertContains(change_page, "Original filename")


def test_replacing_the_file_records_the_new_original_name(make_image):
    image = make_image(file=upload("first.jpg"))

    image.file = upload("second.png", image_bytes(image_format="PNG"))
    image.save()

    image.refresh_from_db()
    assert image.original_filename == "second.png"
    assert image.file.name.endswith(".png")


def test_editing_an_image_keeps_its_stored_file(make_image):
    image = make_image(file=upload("first.jpg"))
    stored_name = image.file.name

    image.caption = "A new caption"
    image.save()

    image.refresh_from_db()
    assert image.file.name == stored_name
    assert image.original_filename == "first.jpg"


def test_uploads_go_through_the_storage_api_not_local_paths(db, settings):
    # InMemoryStorage has no `.path()`: anything that needs a local file fails here.
    settings.STORAGES = {
        **settings.STORAGES,
        "originals": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    image = Image(
        alt_text="A crowd",
        file=upload("crowd.gif", image_bytes(size=(80, 50), image_format="GIF")),
    )

    image.full_clean()
    image.save()

    assert re.fullmatch(GENERATED_NAME, image.file.name)
    assert image.file.name.endswith(".gif")
    assert (image.width, image.height) == (80, 50)
    assert stored_format(image) == "GIF"


def test_code_cannot_store_a_file_that_is_not_a_picture(db):
    # Refused while saving, so the write is rolled back as any failed write is.
    with (
        pytest.raises(ValidationError, match="not a picture we can read"),
        transaction.atomic(),
    ):
        Image.objects.create(
            alt_text="Not a picture", file=ContentFile(b"GIF89a...", name="report.jpg")
        )

    assert not Image.objects.exists()
    assert stored_originals() == []


def test_code_cannot_store_a_picture_that_fails_the_full_checks(db):
    # Only the header is fine: Image.objects.create() decodes it through too.
    content = noisy_bytes(image_format="PNG")
    with (
        pytest.raises(ValidationError, match="not a picture we can read"),
        transaction.atomic(),
    ):
        Image.objects.create(alt_text="Cut", file=upload(content=content[:-200]))

    assert not Image.objects.exists()
    assert stored_originals() == []


def test_demo_pictures_are_stored_under_generated_names(db):
    call_command("seed_demo", stdout=io.StringIO())

    names = list(Image.objects.values_list("file", "original_filename"))
    assert names
    for stored, original in names:
        assert re.fullmatch(GENERATED_NAME, stored)
        assert original.endswith(".jpg")
        assert Path(original).stem not in stored


# Size and pixel limits -------------------------------------------------------------------


def test_picture_with_too_many_pixels_is_refused_naming_both_limits(db, settings):
    settings.NEWSROOM_MAX_UPLOAD_PIXELS = 2_000_000
    image = Image(
        alt_text="Wide",
        file=upload(content=image_bytes(size=(2000, 1500), image_format="PNG")),
    )

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert error.value.message_dict["file"] == [
        "This picture has too many pixels to process safely: it is 2,000 × 1,500 "
        "pixels (3.0 megapixels); pictures can be at most 2 megapixels and 40.0\xa0MB."
    ]


def test_huge_picture_is_refused_by_its_header_without_decoding(db):
    # 9,400 × 9,400 pixels claimed, almost no pixel data: only the header says how big it
    # is, so a check that decoded it would call it damaged (after allocating 350 MB).
    image = Image(alt_text="Huge", file=upload(content=png_header_only(9400, 9400)))

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert error.value.message_dict["file"] == [
        "This picture has too many pixels to process safely: it is 9,400 × 9,400 "
        "pixels (88.4 megapixels); pictures can be at most 50 megapixels and 40.0\xa0MB."
    ]


def test_the_default_pixel_limit_suits_news_photography():
    assert django_settings.NEWSROOM_MAX_UPLOAD_PIXELS == 50_000_000


def test_oversized_file_is_refused_naming_both_limits(db, settings):
    settings.NEWSROOM_MAX_UPLOAD_SIZE = 1024
    image = Image(alt_text="Big", file=upload(content=noisy_bytes(image_format="JPEG")))

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    [message] = error.value.message_dict["file"]
    assert re.fullmatch(
        r"This file is [\d.]+\xa0KB; pictures can be at most 1.0\xa0KB and 50 megapixels\.",
        message,
    )


@pytest.mark.parametrize("kind", KINDS)
def test_picture_cut_short_is_refused(db, kind):
    image_format, options = KINDS[kind]
    content = noisy_bytes(image_format=image_format, **options)
    image = Image(alt_text="Cut", file=upload(content=content[: len(content) * 2 // 3]))

    with pytest.raises(ValidationError, match="not a picture we can read"):
        image.full_clean()


def test_progressive_jpeg_with_a_thumbnail_in_its_metadata_is_read_to_its_real_end(db):
    # Camera metadata often holds a thumbnail, a JPEG with its own end marker.
    thumbnail = image_bytes(size=(16, 16))
    content = noisy_bytes(
        image_format="JPEG",
        progressive=True,
        # A big-endian TIFF header and an empty first directory, then the thumbnail.
        exif=b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08" + bytes(6) + thumbnail,
        comment=b"\xff\xd9",
    )
    whole = Image(alt_text="Whole", file=upload(content=content))
    cut = Image(alt_text="Cut", file=upload(content=content[:-2]))

    whole.full_clean()
    with pytest.raises(ValidationError, match="not a picture we can read"):
        cut.full_clean()


def test_interlaced_png_is_accepted(db):
    buffer = io.BytesIO()
    PILImage.effect_noise((123, 77), 64).convert("RGB").save(
        buffer, "PNG", interlace=True
    )
    image = Image(alt_text="Interlaced", file=upload(content=buffer.getvalue()))

    image.full_clean()


@pytest.mark.parametrize(
    "mode", ["1", "L", "LA", "P", "RGB", "RGBA", "I;16"], ids=lambda mode: mode
)
def test_png_of_every_colour_type_is_accepted(db, mode):
    buffer = io.BytesIO()
    PILImage.new(mode, (37, 21)).save(buffer, "PNG")
    image = Image(alt_text="Colours", file=upload(content=buffer.getvalue()))

    image.full_clean()


MEASURE = textwrap.dedent(
    """
    import re, sys
    import django
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from articles.image_validation import validate_image_upload
    from articles.models import Image

    def status(field):
        with open("/proc/self/status") as lines:
            return int(re.search(field + r":\\s+(\\d+) kB", lines.read()).group(1))

    with open(sys.argv[1], "rb") as source:
        field_file = Image(file=SimpleUploadedFile("big", source.read())).file
    # A child process starts with its parent's peak: start counting from here.
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")
    before = status("VmRSS")
    validate_image_upload(field_file)
    print((status("VmHWM") - before) // 1024)
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="reads peak memory from /proc")
@pytest.mark.parametrize(
    ("kind", "limit_mb"), [("JPEG", 30), ("PNG", 110), ("interlaced-PNG", 110)]
)
def test_checking_a_large_accepted_picture_takes_memory_bounded_by_its_pixels(
    tmp_path, kind, limit_mb
):
    # 24 megapixels: decoded whole, 96 MB (Pillow keeps RGB in four bytes a pixel), as a
    # PNG must be to be read through. A JPEG decodes at an eighth of its size. (A
    # progressive JPEG's decoder keeps its coefficients, 3 bytes a pixel, at any scale.)
    image_format, options = KINDS[kind]
    path = tmp_path / "large"
    PILImage.new("RGB", (6000, 4000), (200, 60, 40)).save(path, image_format, **options)

    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        },
    )

    assert int(result.stdout) < limit_mb, (
        f"peak memory grew by {result.stdout.strip()} MB"
    )


def test_file_saved_straight_onto_the_field_gets_a_generated_name_too(make_image):
    # As an importer might attach a picture it downloaded.
    image = make_image()

    image.file.save("press-release.pdf", ContentFile(image_bytes(image_format="PNG")))

    image.refresh_from_db()
    assert re.fullmatch(GENERATED_NAME, image.file.name)
    assert image.file.name.endswith(".png")
    assert image.original_filename == "press-release.pdf"


@pytest.mark.parametrize(("width", "height"), [(9400, 9400), (20000, 10000)])
def test_form_upload_of_a_huge_picture_names_the_limits(admin_client, width, height):
    # Over twice Pillow's own limit, Django's form field would call the file unreadable.
    data = image_form_data(
        file=upload("huge.png", png_header_only(width, height), "image/png")
    )

    response = admin_client.post(admin_url(Image, "add"), data)

    assertContains(response, "pictures can be at most 50 megapixels and 40.0\xa0MB")
    assertNotContains(response, "not a picture we can read")
    assert not Image.objects.exists()


def test_replacing_only_the_file_records_its_name_hash_and_size(make_image):
    image = make_image()
    image.file = upload("second.png", image_bytes(size=(300, 200), image_format="PNG"))
    image.width = image.height = 0

    image.save(update_fields=["file"])

    image.refresh_from_db()
    assert image.original_filename == "second.png"
    assert (image.width, image.height) == (300, 200)
    assert image.file.name.endswith(".png")
    with image.file.open("rb") as stored:
        assert image.file_hash == hashlib.sha256(stored.read()).hexdigest()


def test_image_admin_keeps_the_picture_when_another_field_is_refused(admin_client):
    content = image_bytes(size=(90, 60), image_format="PNG")

    refused = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(
            file=upload("boat.png", content, "image/png"), licence_url="not a url"
        ),
    )

    assertContains(refused, "Enter a valid URL.")
    assertContains(refused, "Keeping “boat.png” from your last try.")
    token = re.search(r'name="kept_upload" value="([^"]+)"', refused.text).group(1)
    accepted = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(
            file="", kept_upload=token, licence_url="https://example.com/licence"
        ),
    )

    assert accepted.status_code == 302
    image = Image.objects.get()
    assert (image.original_filename, image.width, image.height) == ("boat.png", 90, 60)


# Formats accepted and refused -------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared/samples/images"


def picture_bytes(image_format, size=(60, 40), exif=None, frames=1) -> bytes:
    """A picture in any format we accept; `frames` > 1 makes an animated GIF whose later
    frames are bigger than the first would suggest (they are not used)."""
    buffer = io.BytesIO()
    first = PILImage.new("RGB", size, (200, 60, 40))
    options = {"exif": exif.tobytes()} if exif else {}
    if frames > 1:
        options |= {
            "save_all": True,
            "append_images": [PILImage.new("RGB", size, (0, 0, 255))] * (frames - 1),
        }
    first.save(buffer, image_format, **options)
    return buffer.getvalue()


def oriented(orientation: int) -> PILImage.Exif:
    exif = PILImage.Exif()
    exif[0x0112] = orientation
    return exif


@pytest.mark.parametrize(
    ("image_format", "extension", "stored_as"),
    [
        ("JPEG", "jpg", "JPEG"),
        ("PNG", "png", "PNG"),
        ("WEBP", "webp", "WEBP"),
        ("AVIF", "avif", "AVIF"),
        ("GIF", "gif", "GIF"),
        ("HEIF", "heic", "HEIF"),
    ],
)
def test_each_accepted_format_is_stored_with_its_extension_and_size(
    make_image, image_format, extension, stored_as
):
    image = make_image(file=upload("phone-upload", picture_bytes(image_format)))

    image.refresh_from_db()
    assert image.file.name.endswith(f".{extension}")
    assert (image.width, image.height) == (60, 40)
    assert stored_format(image) == stored_as


def test_animated_gif_is_accepted_for_its_first_frame(make_image):
    image = make_image(file=upload("loop.gif", picture_bytes("GIF", frames=3)))

    assert image.file.name.endswith(".gif")
    assert (image.width, image.height) == (60, 40)


@pytest.mark.parametrize(
    "name",
    [
        "IPTC-PhotometadataRef-Std2021.1.jpg",
        "exiftool-GPS.jpg",
        "exiftool-ExifTool.jpg",  # an MPO: a second frame after the first's end
    ],
)
def test_real_camera_files_are_accepted(admin_client, name):
    content = (SAMPLES / name).read_bytes()

    response = admin_client.post(
        admin_url(Image, "add"), image_form_data(file=upload(name, content))
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(".jpg")
    with image.file.open("rb") as stored:
        assert stored.read() == content  # stored untouched


def test_jpeg_with_a_phone_trailer_after_its_end_is_accepted(make_image):
    # Phones append their own data after the JPEG end marker (Samsung's "SEFT" trailer,
    # a motion photo's video): only archives and markup there are refused.
    trailer = bytes(range(256)) * 40 + b"SEFH\x00\x00\x00\x00SEFT"
    image = make_image(file=upload(content=picture_bytes("JPEG") + trailer))

    assert image.file.size == len(picture_bytes("JPEG") + trailer)


def zip_archive(name="payload.class", data=b"\xca\xfe\xba\xbe" + bytes(40)) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def png_with_damaged_pixel_data() -> bytes:
    """A PNG whose chunks all have valid checksums, but whose compressed pixel data is
    damaged: only decoding it finds out."""
    good = picture_bytes("PNG", size=(64, 64))
    offset = good.index(b"IDAT") + 4
    length = struct.unpack(">I", good[offset - 8 : offset - 4])[0]
    data = bytearray(good[offset : offset + length])
    data[2:] = bytes(reversed(data[2:]))  # keep the zlib header, scramble the stream
    return (
        good[: offset - 8]
        + png_chunk(b"IDAT", bytes(data))
        + good[offset + length + 4 :]
    )


def jpeg_with_comment(comment: bytes) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40)).save(buffer, "JPEG", comment=comment)
    return buffer.getvalue()


REFUSED = {
    "svg": (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
        b'height="10"><rect width="10" height="10"/></svg>',
        "SVG drawings are not accepted: export the picture as PNG or JPEG.",
    ),
    "pdf": (
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF",
        "PDF documents are not accepted: export the page or picture you need as PNG "
        "or JPEG and upload that.",
    ),
    "html-named-jpg": (
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        "This is a web page or other text, not a picture. Save the picture itself "
        "(as JPEG or PNG) and upload that.",
    ),
    "jpeg-and-zip": (
        picture_bytes("JPEG") + zip_archive(),
        "This picture has a ZIP archive hidden in it, a trick used to smuggle programs.",
    ),
    "gifar": (
        picture_bytes("GIF") + zip_archive("META-INF/MANIFEST.MF", b"Main-Class: X\n"),
        "This picture has a ZIP archive hidden in it, a trick used to smuggle programs.",
    ),
    "jpeg-with-script": (
        jpeg_with_comment(b"<script src=//evil.example/x.js></script>"),
        "This picture has web page code hidden in it (“&lt;script”), a trick used to "
        "attack browsers.",
    ),
    "jpeg-with-bare-tags": (
        jpeg_with_comment(b"<html><script>alert(1)</script></html>"),
        "This picture has web page code hidden in it (“&lt;html”)",
    ),
    "jpeg-and-html": (
        picture_bytes("JPEG") + b"<body>hello</body>",
        "This picture has web page code hidden in it (“&lt;body”)",
    ),
    "jpeg-with-php": (
        jpeg_with_comment(b"<?php system($_GET['c']); ?>"),
        "This picture has web page code hidden in it (“&lt;?php”)",
    ),
    "png-and-svg": (
        picture_bytes("PNG") + b"<svg onload=alert(1)>",
        "This picture has web page code hidden in it (“&lt;svg”)",
    ),
    "jpeg-and-pdf": (
        jpeg_with_comment(b"%PDF-1.4 1 0 obj << >> endobj"),
        "PDF documents are not accepted",
    ),
    "png-data-after-end": (
        picture_bytes("PNG") + b"\x01\x02 more data",
        "This picture has 12\xa0bytes of other data after its end",
    ),
    "gif-data-after-end": (
        picture_bytes("GIF") + b"\x01\x02 more data",
        "This picture has 12\xa0bytes of other data after its end",
    ),
    "webp-data-after-end": (
        picture_bytes("WEBP") + b"\x01\x02 more data",
        "This picture has 12\xa0bytes of other data after its end",
    ),
    "png-damaged-pixel-data": (
        png_with_damaged_pixel_data(),
        "This is not a picture we can read, or it is damaged",
    ),
    "heic-cut-short": (
        picture_bytes("HEIF", size=(300, 200))[:-100],
        "This is not a picture we can read, or it is damaged",
    ),
    "avif-cut-short": (
        noisy_bytes(image_format="AVIF")[:-100],
        "This is not a picture we can read, or it is damaged",
    ),
    "tiff": (picture_bytes("TIFF"), "TIFF pictures are not accepted."),
    "empty": (b"", "This file is empty (0 bytes): choose the picture again"),
    "text-bomb": (
        picture_bytes("PNG")[:33]
        + png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b" " * 50_000_000))
        + picture_bytes("PNG")[33:],
        "This picture carries embedded text or a colour profile that unpacks",
    ),
    "bomb": (
        png_header_only(100_000, 100_000),
        "This picture has too many pixels to process safely; pictures can be at most "
        "50 megapixels and 40.0\xa0MB.",
    ),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_admin_refuses_what_is_not_a_plain_picture_saying_why(admin_client, kind):
    content, message = REFUSED[kind]

    response = admin_client.post(
        admin_url(Image, "add"), image_form_data(file=upload("photo.jpg", content))
    )

    assertContains(response, message)
    assertContains(response, 'value="Protesters fill the square"')  # nothing typed lost
    assert not Image.objects.exists()
    assert stored_originals() == []


def test_a_bomb_is_refused_without_being_decoded(db, monkeypatch):
    def decode(picture):
        raise AssertionError("decoded")

    monkeypatch.setattr(PILImage.Image, "load", decode)
    image = Image(
        alt_text="Bomb", file=upload(content=png_header_only(100_000, 100_000))
    )

    with pytest.raises(ValidationError, match="too many pixels"):
        image.full_clean()


@pytest.mark.parametrize("image_format", ["AVIF", "HEIF"])
def test_pixel_limit_applies_to_phone_formats(db, settings, image_format):
    settings.NEWSROOM_MAX_UPLOAD_PIXELS = 2_000
    image = Image(alt_text="Big", file=upload(content=picture_bytes(image_format)))

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert error.value.message_dict["file"] == [
        "This picture has too many pixels to process safely: it is 60 × 40 pixels "
        "(0.0 megapixels); pictures can be at most 0.002 megapixels and 40.0\xa0MB."
    ]


@pytest.mark.parametrize("image_format", ["AVIF", "HEIF"])
def test_size_limit_applies_to_phone_formats(db, settings, image_format):
    settings.NEWSROOM_MAX_UPLOAD_SIZE = 100
    image = Image(alt_text="Big", file=upload(content=picture_bytes(image_format)))

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    [message] = error.value.message_dict["file"]
    assert message.startswith("This file is ")
    assert message.endswith("; pictures can be at most 100\xa0bytes and 50 megapixels.")


# EXIF orientation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orientation", "size"),
    [(1, (60, 40)), (3, (60, 40)), (6, (40, 60)), (8, (40, 60))],
)
def test_dimensions_are_those_of_the_picture_as_seen(make_image, orientation, size):
    content = picture_bytes("JPEG", exif=oriented(orientation))

    image = make_image(file=upload(content=content))

    image.refresh_from_db()
    assert (image.width, image.height) == size
    with image.file.open("rb") as stored:
        assert stored.read() == content  # the original is stored untouched


def test_rotated_phone_photo_through_the_admin_is_measured_upright(admin_client):
    content = picture_bytes("JPEG", exif=oriented(6))

    admin_client.post(
        admin_url(Image, "add"), image_form_data(file=upload(content=content))
    )

    assert Image.objects.values_list("width", "height").get() == (40, 60)


def test_rotated_picture_saved_onto_the_field_is_measured_upright(make_image):
    image = make_image()

    image.file.save("import.webp", ContentFile(picture_bytes("WEBP", exif=oriented(5))))

    image.refresh_from_db()
    assert (image.width, image.height) == (40, 60)


def test_rotated_avif_is_measured_upright(make_image):
    image = make_image(file=upload(content=picture_bytes("AVIF", exif=oriented(6))))

    assert (image.width, image.height) == (40, 60)


# No leftovers -------------------------------------------------------------------------------


def test_failed_insert_leaves_no_file_and_no_row(db, monkeypatch):
    def fail(*args, **kwargs):
        raise IntegrityError("database refused the row")

    monkeypatch.setattr(Image, "_do_insert", fail)

    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.create(alt_text="Lost", file=upload())

    assert not Image.objects.exists()
    assert stored_originals() == []


def test_failed_save_after_storing_keeps_the_upload_to_try_again(db, monkeypatch):
    image = Image(alt_text="Retry", file=upload("retry.png", picture_bytes("PNG")))
    with monkeypatch.context() as patched:
        patched.setattr(Image, "_do_insert", lambda *a, **k: 1 / 0)
        with pytest.raises(ZeroDivisionError), transaction.atomic():
            image.save()

    image.save()

    assert stored_originals() == [image.file.name]
    assert image.file.name.endswith(".png")


def test_failed_update_when_saving_onto_the_field_removes_the_new_file(
    make_image, monkeypatch
):
    image = make_image()
    kept = image.file.name
    monkeypatch.setattr(Image, "_do_update", lambda *a, **k: 1 / 0)

    with pytest.raises(ZeroDivisionError):
        image.file.save("new.png", ContentFile(picture_bytes("PNG")))

    assert stored_originals() == [kept]
    assert image.file.name == kept


# Files made to hold the server ----------------------------------------------------------


def png_with_empty_chunks(count: int) -> bytes:
    """A small PNG with `count` empty private chunks before its end."""
    png = picture_bytes("PNG")
    empty = png_chunk(b"prVt", b"")
    return png[:-12] + empty * count + png[-12:]


def gif_with_comment_in_bytes(count: int) -> bytes:
    """A small GIF whose comment is written one byte a block, `count` blocks long."""
    gif = picture_bytes("GIF")
    comment = b"!\xfe" + b"\x01x" * count + b"\x00"
    return gif[:-1] + comment + gif[-1:]


@pytest.mark.parametrize(
    "content",
    [png_with_empty_chunks(60_000), gif_with_comment_in_bytes(20_000)],
    ids=["png-chunks", "gif-blocks"],
)
def test_a_picture_of_countless_empty_pieces_is_refused_before_decoding(
    admin_client, content, monkeypatch
):
    data = image_form_data(file=upload("photo.png", content))

    def decode(picture):
        raise AssertionError("decoded")  # refused before anything decodes it

    monkeypatch.setattr(PILImage.Image, "load", decode)
    monkeypatch.setattr(PILImage.Image, "verify", decode)

    response = admin_client.post(admin_url(Image, "add"), data)

    assertContains(response, "made of far more pieces than a picture needs")
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    "content",
    [png_with_empty_chunks(200), gif_with_comment_in_bytes(200)],
    ids=["png-chunks", "gif-blocks"],
)
def test_a_few_extra_pieces_are_fine(make_image, content):
    assert make_image(file=upload(content=content)).width == 60


def test_a_long_animation_of_small_changes_is_fine(make_image):
    # Each frame takes a few blocks however little it changes: 7,000 frames (about
    # five minutes) of one changed pixel each come to some 100 kB.
    first = PILImage.new("P", (16, 16), 0)
    frames = []
    for n in range(7_000):
        frame = first.copy()
        frame.putpixel((n % 16, n // 16 % 16), 1 + n % 200)
        frames.append(frame)
    buffer = io.BytesIO()
    first.save(
        buffer, "GIF", save_all=True, append_images=frames, duration=40, optimize=False
    )

    assert make_image(file=upload("long.gif", buffer.getvalue())).width == 16


def test_metadata_of_a_file_over_the_size_limit_is_not_read(db, settings, monkeypatch):
    settings.NEWSROOM_MAX_UPLOAD_SIZE = 1_000
    monkeypatch.setattr(PILImage, "open", Mock(side_effect=AssertionError("opened")))
    content = jpeg_with(xmp=xmp_packet(dc_creator="Ana Photographer"))

    assert len(content) > 1_000
    assert read_embedded_metadata(upload(content=content)) == {}


def test_xmp_bloated_past_any_cameras_is_not_parsed(db, monkeypatch):
    monkeypatch.setattr(image_metadata, "XMP_LIMIT", 2_000)
    bloated = xmp_packet(dc_creator="Ana Photographer", dc_description="x" * 3_000)
    small = xmp_packet(dc_creator="Ana Photographer")

    assert read_embedded_metadata(upload(content=jpeg_with(xmp=bloated)))["xmp"] == {}
    assert read_embedded_metadata(upload(content=jpeg_with(xmp=small)))["xmp"] == {
        "dc:creator": ["Ana Photographer"]
    }


def test_a_picture_named_without_an_extension_is_taken_by_its_real_format(
    admin_client,
):
    response = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload("photo", picture_bytes("PNG"), "image/png")),
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(".png")
    assert image.original_filename == "photo"
