"""Renditions: what readers' browsers download instead of the private originals."""

import io
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.tasks import task_backends
from PIL import ExifTags, Image as PILImage, ImageStat
from pytest_django.asserts import assertContains

from articles import renditions
from articles.models import Rendition
from articles.tasks import withdraw_expired_picture
from tests.helpers import image_bytes, upload

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "images"


def opened(rendition) -> PILImage.Image:
    with default_storage.open(rendition.file.name, "rb") as stored:
        picture = PILImage.open(io.BytesIO(stored.read()))
        picture.load()
    return picture


def made(image) -> dict[tuple, Rendition]:
    return renditions.renditions_for(image)


def test_a_photo_gets_avif_and_jpeg_at_three_widths_and_three_focal_point_crops(
    make_image,
):
    image = make_image(file=upload(content=image_bytes(size=(2400, 1600))))

    found = {key: (opened(r).format, opened(r).size) for key, r in made(image).items()}

    assert found == {
        (480, "avif", ""): ("AVIF", (480, 320)),
        (480, "jpeg", ""): ("JPEG", (480, 320)),
        (960, "avif", ""): ("AVIF", (960, 640)),
        (960, "jpeg", ""): ("JPEG", (960, 640)),
        (1600, "avif", ""): ("AVIF", (1600, 1067)),
        (1600, "jpeg", ""): ("JPEG", (1600, 1067)),
        (1200, "jpeg", "16:9"): ("JPEG", (1200, 675)),
        (1200, "jpeg", "4:3"): ("JPEG", (1200, 900)),
        (1200, "jpeg", "1:1"): ("JPEG", (1200, 1200)),
    }
    assert Rendition.objects.filter(image=image).count() == 9


@pytest.mark.parametrize("size", [(1200, 800), (3000, 2001), (1999, 1333)])
def test_crops_have_exactly_their_ratio_whatever_the_original(make_image, size):
    # Share cards promise 1200×675: a crop box rounded to whole pixels must not leave
    # the height a pixel off.
    image = make_image(file=upload(content=image_bytes(size=size)))

    sizes = {
        key[2]: (r.width_px, r.height_px) for key, r in made(image).items() if key[2]
    }

    assert sizes["16:9"] == (1200, 675)
    for crop, (across, down) in renditions.CROPS.items():
        width, height = sizes[crop]
        assert height == round(width * down / across), crop


def test_renditions_are_never_wider_than_the_original(make_image):
    image = make_image(file=upload(content=image_bytes(size=(700, 500))))

    sizes = {key: (r.width_px, r.height_px) for key, r in made(image).items()}

    assert sizes == {
        (480, "avif", ""): (480, 343),
        (480, "jpeg", ""): (480, 343),
        (960, "avif", ""): (700, 500),  # the original's own width, no larger
        (960, "jpeg", ""): (700, 500),
        (1200, "jpeg", "16:9"): (700, 394),
        (1200, "jpeg", "4:3"): (666, 500),
        (1200, "jpeg", "1:1"): (500, 500),
    }


def _photo_with_private_exif() -> bytes:
    exif = PILImage.Exif()
    exif[ExifTags.Base.Artist] = "Jane Doe"
    exif[ExifTags.Base.Make] = "Camera Maker"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-123456"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (51.0, 30.0, 0.0)}
    )
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 700), (30, 90, 160)).save(
        buffer, "JPEG", exif=exif, xmp=b"<x:xmpmeta>private</x:xmpmeta>"
    )
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(_photo_with_private_exif, id="made-in-test"),
        pytest.param(
            lambda: (SAMPLES / "exiftool-GPS.jpg").read_bytes(), id="exiftool-GPS.jpg"
        ),
    ],
)
def test_no_rendition_carries_gps_camera_serial_or_other_metadata(make_image, content):
    if content.__name__ == "<lambda>" and not SAMPLES.exists():
        pytest.skip("../shared/samples is not beside this checkout")
    original = content()
    assert PILImage.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    image = make_image(file=upload(content=original))

    for rendition in made(image).values():
        picture = opened(rendition)
        with default_storage.open(rendition.file.name, "rb") as stored:
            data = stored.read()
        assert not picture.getexif(), rendition
        assert "xmp" not in picture.info, rendition
        assert "exif" not in picture.info, rendition
        assert b"SN-123456" not in data, rendition
        assert b"Ian Britton" not in data, rendition


def test_renditions_are_turned_upright_by_exif_orientation(make_image):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored on its side: turn 90° clockwise
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 600), (200, 60, 40)).save(buffer, "JPEG", exif=exif)
    image = make_image(file=upload(content=buffer.getvalue()))

    widest = made(image)[(960, "jpeg", "")]

    assert (widest.width_px, widest.height_px) == (600, 1200)


def _left_black_right_white() -> bytes:
    picture = PILImage.new("L", (1600, 900), 0)
    picture.paste(255, (700, 0, 1600, 900))
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def _brightness(rendition) -> float:
    return ImageStat.Stat(opened(rendition).convert("L")).mean[0]


def test_crops_keep_the_focal_point_and_are_made_again_when_it_moves(
    make_image, django_capture_on_commit_callbacks
):
    image = make_image(file=upload(content=_left_black_right_white()), focal_x=1.0)
    before = made(image)
    square = before[(1200, "jpeg", "1:1")]
    assert _brightness(square) > 250  # all from the white right half

    image.focal_x = 0.0
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    after = {(r.width, r.format, r.crop): r for r in image.renditions.all()}
    # Now the left edge: 700 black columns of its 900.
    assert _brightness(after[(1200, "jpeg", "1:1")]) < 60
    assert not default_storage.exists(square.file.name)  # the old crop is gone
    # Whole pictures do not depend on the focal point: kept as they were.
    assert after[(960, "avif", "")].file.name == before[(960, "avif", "")].file.name


def test_a_new_file_gets_new_renditions_and_the_old_files_go(
    make_image, django_capture_on_commit_callbacks
):
    image = make_image(file=upload(content=image_bytes(size=(2400, 1600))))
    old_files = [r.file.name for r in made(image).values()]
    old_original = image.file.name

    with django_capture_on_commit_callbacks(execute=True):
        image.file = upload(content=image_bytes(size=(900, 900), color=(0, 200, 0)))
        image.save()

    new = image.renditions.get(width=480, format="jpeg", crop="")
    assert (new.width_px, new.height_px) == (480, 480)
    # 900 pixels wide: no 1600 any more, and nothing of the old picture is left.
    assert sorted({r.width for r in image.renditions.all()}) == [480, 960, 1200]
    assert image.renditions.count() == 7
    assert not any(default_storage.exists(name) for name in old_files)
    assert not storages["originals"].exists(old_original)
    assert storages["originals"].exists(image.file.name)


def test_uploading_makes_the_renditions_through_the_task(
    make_image, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()

    assert image.renditions.count() == 9


@pytest.mark.django_db(transaction=True)
def test_requests_that_find_renditions_missing_make_them_once(make_image, monkeypatch):
    image = make_image()
    Rendition.objects.filter(image=image).delete()  # made by the task on commit
    calls = []
    real_make = renditions.make

    def counting_make(*args, **kwargs):
        calls.append(1)
        return real_make(*args, **kwargs)

    monkeypatch.setattr(renditions, "make", counting_make)
    start = threading.Barrier(4)
    results = []

    def request():
        from django.db import connection

        from articles.models import Image

        start.wait()
        try:
            results.append(len(made(Image.objects.get(pk=image.pk))))
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == [9, 9, 9, 9]
    assert len(calls) == 1
    assert Rendition.objects.filter(image=image).count() == 9


def test_a_page_makes_missing_renditions_when_the_cache_is_down(
    client, make_article, make_image, cache_down
):
    image = make_image()  # the task making its renditions runs on a commit, never here
    article = make_article(featured_image=image)

    response = client.get(article.get_absolute_url())

    assert image.renditions.count() == 9
    assertContains(response, made(image)[(960, "jpeg", "")].file.url)


def test_deleting_an_image_removes_its_original_and_renditions(
    make_image, django_capture_on_commit_callbacks
):
    image = make_image()
    names = [r.file.name for r in made(image).values()]
    original = image.file.name

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert not any(default_storage.exists(name) for name in names)
    assert not storages["originals"].exists(original)


def test_the_renditions_command_withdraws_those_of_expired_pictures(
    make_image, django_capture_on_commit_callbacks
):
    expired = make_image(rights_expire_on=date(2020, 1, 1))
    names = [r.file.name for r in made(expired).values()]
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("renditions", stdout=out, stderr=io.StringIO())

    assert not expired.renditions.exists()
    assert not any(default_storage.exists(name) for name in names)
    assert "9 withdrawn from pictures whose rights have expired" in out.getvalue()


def test_the_renditions_command_makes_missing_ones_and_remakes_all(make_image):
    first, second = make_image(), make_image()
    kept = made(first)[(480, "jpeg", "")].file.name
    out = io.StringIO()

    call_command("renditions", "--missing", stdout=out, stderr=io.StringIO())

    assert second.renditions.count() == 9
    assert first.renditions.get(width=480, format="jpeg").file.name == kept
    assert "18 renditions for 2 images; 0 withdrawn" in out.getvalue()

    call_command("renditions", "--all", stdout=out, stderr=io.StringIO())

    assert first.renditions.get(width=480, format="jpeg").file.name != kept


def test_benchmark_prints_each_rendition_and_the_median_time():
    out = io.StringIO()

    call_command("benchmark_renditions", "--runs", "1", stdout=out)

    text = out.getvalue()
    assert "Original: 2400 × 1600 JPEG" in text
    assert text.count(" bytes") == 10  # the original and nine renditions
    assert "All 9 renditions: median" in text


def test_a_focal_point_typed_but_not_saved_remakes_nothing(make_image):
    image = make_image()
    before = {r.pk: r.file.name for r in made(image).values()}

    image.focal_x = 0.1  # typed into a form that was then refused
    renditions.preview_url(image)

    assert {r.pk: r.file.name for r in image.renditions.all()} == before


@pytest.fixture
def deferring_tasks(settings):
    """A tasks backend that can run a task later, like django-tasks-db's: the dummy
    one, which keeps what is enqueued and runs nothing."""
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    return task_backends["default"]


def test_renditions_are_withdrawn_at_the_midnight_rights_run_out_with_no_daily_job(
    make_image, deferring_tasks, django_capture_on_commit_callbacks
):
    image = make_image()
    names = [r.file.name for r in made(image).values()]

    image.rights_expire_on = date(2031, 3, 9)
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    [withdrawal] = deferring_tasks.results
    assert withdrawal.task.name == "withdraw_expired_picture"
    assert withdrawal.args == [image.pk]
    # Rights cover the whole last day, site time (Europe/London: GMT in March).
    assert withdrawal.task.run_after == datetime(2031, 3, 10, tzinfo=UTC)

    with (
        time_machine.travel(datetime(2031, 3, 10, 0, 1, tzinfo=UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        withdraw_expired_picture.call(image.pk)

    assert not image.renditions.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_rights_extended_before_they_ran_out_keep_the_renditions(
    make_image, deferring_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(rights_expire_on=date(2031, 3, 9))
    made(image)
    image.rights_expire_on = date(2032, 3, 9)
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    # Saving again without a new date schedules nothing more.
    image.caption = "Recaptioned"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    assert [
        result.task.run_after.date()
        for result in deferring_tasks.results
        if result.task.name == "withdraw_expired_picture"
    ] == [
        date(2031, 3, 10),
        date(2032, 3, 10),
    ]
    with time_machine.travel(datetime(2031, 3, 10, 0, 1, tzinfo=UTC)):
        withdraw_expired_picture.call(image.pk)

    assert image.renditions.count() == 9


def test_the_immediate_tasks_backend_leaves_withdrawal_to_the_daily_command(
    make_image, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(rights_expire_on=date(2031, 3, 9))

    # Nothing ran early: the picture keeps its renditions until its rights run out.
    assert image.renditions.count() == 9
