import warnings
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Author, Image, Section
from tests.helpers import image_bytes, upload


@pytest.mark.parametrize(
    "slug",
    [
        "tags",
        "authors",
        "search",
        "feed",
        "preview",
        "images",
        "static",
        "media",
        "healthz",
        "sitemap-news",
    ],
)
def test_section_slug_that_shadows_a_site_path_is_refused(db, slug):
    section = Section(name="Clash", slug=slug)

    with pytest.raises(ValidationError) as error:
        section.full_clean()

    assert "used by the site itself" in error.value.message_dict["slug"][0]


def test_section_slug_cannot_shadow_the_admin_path(db, settings):
    settings.ADMIN_URL = "newsdesk/"

    with pytest.raises(ValidationError):
        Section(name="Desk", slug="newsdesk").full_clean()
    Section(
        name="Admin", slug="admin"
    ).full_clean()  # only the configured path is taken


def test_database_refuses_reserved_section_slug_even_without_validation(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.create(name="Feed", slug="feed")


def test_slug_is_made_from_the_headline_in_ascii(make_article):
    article = make_article(headline="Zürich café reopens — “at last”", slug="")

    assert article.slug == "zurich-cafe-reopens-at-last"


def test_clashing_generated_slug_gets_a_number(make_article):
    first = make_article(headline="Storm warning", slug="")
    second = make_article(headline="Storm warning", slug="")
    third = make_article(headline="Storm warning", slug="")

    assert [first.slug, second.slug, third.slug] == [
        "storm-warning",
        "storm-warning-2",
        "storm-warning-3",
    ]


def test_slug_clash_is_a_clear_validation_error_suggesting_a_free_slug(make_article):
    make_article(slug="budget")
    make_article(slug="budget-2")
    clash = Article(headline="Budget", slug="budget", section=make_article().section)

    with pytest.raises(ValidationError) as error:
        clash.full_clean()

    assert error.value.message_dict["slug"] == [
        "Another article already uses the slug “budget”. Try “budget-3”."
    ]


def test_publishing_without_a_date_fills_in_now(make_article):
    before = timezone.now()

    article = make_article(published_at=None)

    assert before <= article.published_at <= timezone.now()


def test_database_refuses_published_article_without_date(make_article):
    article = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_at=None)


def test_each_save_bumps_the_version(make_article):
    article = make_article()
    assert article.version == 1

    article.headline = "Changed"
    article.save()

    article.refresh_from_db()
    assert article.version == 2


def test_updated_label_shows_only_after_a_real_update(make_article):
    article = make_article(published_at=timezone.now() - timedelta(hours=3))
    Article.objects.filter(pk=article.pk).update(
        updated_at=article.published_at + timedelta(seconds=5)
    )
    article.refresh_from_db()
    assert not article.was_updated

    article.save()

    assert article.was_updated


def test_upload_records_width_height_and_fingerprint(make_image):
    image = make_image(file=upload(content=image_bytes(size=(640, 360))))

    image.refresh_from_db()
    assert (image.width, image.height) == (640, 360)
    assert len(image.file_hash) == 64


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a text file, not a picture", "is not a picture we can read"),
        (image_bytes(image_format="JPEG")[:600], "is not a picture we can read"),
        (image_bytes(image_format="BMP"), "BMP pictures are not accepted"),
    ],
    ids=["text-file", "truncated-jpeg", "bmp"],
)
def test_unreadable_or_unsupported_upload_is_refused(db, content, message):
    image = Image(alt_text="Anything", file=upload(name="upload.jpg", content=content))

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert message in " ".join(error.value.message_dict["file"])


def test_oversized_upload_is_refused_with_the_limit(db, settings):
    settings.NEWSROOM_MAX_UPLOAD_SIZE = 1024
    image = Image(alt_text="Big", file=upload(content=image_bytes(size=(800, 800))))

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert "pictures can be at most 1.0\xa0KB" in error.value.message_dict["file"][0]


def test_alt_text_is_required(db):
    with pytest.raises(ValidationError) as error:
        Image(file=upload()).full_clean()

    assert "alt_text" in error.value.message_dict


def test_publishing_through_a_form_without_a_date_validates_and_fills_in_now(
    make_article,
):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.status = Article.Status.PUBLISHED

    article.full_clean()  # the "published needs a date" constraint must not refuse it

    assert article.published_at is not None


def test_save_with_update_fields_writes_what_it_derives(make_article, make_image):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.status = Article.Status.PUBLISHED

    article.save(update_fields=["status"])  # published_at is filled in and written too

    article.refresh_from_db()
    assert article.published_at is not None
    assert article.version == 2


def test_failed_save_leaves_the_version_alone(make_article, make_section):
    article = make_article()
    article.slug = make_article().slug  # a clash the database refuses

    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()

    assert article.version == 1


def test_numbered_slug_stays_within_the_field_length(make_article):
    long_slug = "a" * 250
    make_article(slug=long_slug)
    clash = Article(headline="Clash", slug=long_slug, section=make_article().section)

    with pytest.raises(ValidationError) as error:
        clash.full_clean()

    suggestion = error.value.message_dict["slug"][0].split("Try “")[1].rstrip("”.")
    assert suggestion == "a" * 248 + "-2"


def test_picture_over_the_pixel_limit_is_refused(db, monkeypatch):
    monkeypatch.setattr("PIL.Image.MAX_IMAGE_PIXELS", 100 * 100)
    with (
        warnings.catch_warnings()
    ):  # reading the dimensions only warns; validation refuses
        warnings.simplefilter("ignore")
        image = Image(
            alt_text="Huge",
            file=upload(content=image_bytes(size=(150, 100), image_format="PNG")),
        )

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert "too many pixels to process safely" in error.value.message_dict["file"][0]


def test_an_author_made_without_a_slug_gets_one_and_a_page(db, client):
    first = Author.objects.create(name="Rita Reyes")
    second = Author.objects.create(name="Rita Reyes")

    assert (first.slug, second.slug) == ("rita-reyes", "rita-reyes-2")
    assert client.get(first.get_absolute_url()).status_code == 200
