from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, ArticleImage, Image


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    models = [
        *apps.get_app_config("articles").get_models(),
        *apps.get_app_config("taggit").get_models(),
    ]
    return {model._meta.label: model._default_manager.count() for model in models}


@pytest.mark.django_db
def test_seed_builds_a_newsroom_with_published_scheduled_and_draft_stories():
    seed()

    articles = Article.objects.all()
    published = Article.objects.published()
    scheduled = [a for a in articles if a.is_scheduled]
    drafts = articles.filter(status=Article.Status.DRAFT)
    assert articles.count() >= 8
    assert len(scheduled) == 1
    assert scheduled[0] not in published
    assert drafts.count() == 1
    assert drafts.get().published_at is None
    assert published.count() == articles.count() - 2
    for article in articles:
        assert 1 <= article.bylines.count() <= 2
        assert 2 <= article.tags.count() <= 4
        assert article.featured_image is not None
        assert 1 <= article.image_uses.filter(role=ArticleImage.Role.BODY).count() <= 2


@pytest.mark.django_db
def test_demo_images_cover_every_row_of_the_credit_table():
    seed()

    credits = {image.credit for image in Image.objects.with_credit_data()}
    assert {
        "Port Callow Observatory archive",  # credit text, verbatim
        "Dario Kemp/Northlight Images",  # photographer and the image's agency
        "Elena Voss/Wire Pictures",  # the image's agency beats the photographer's own
        "Elena Voss/Harbour Photo Agency",  # no image agency: the photographer's own
        "Uncredited/Wire Pictures",  # agency only
        "Priya Castell/The Daily Test",  # staff photographer, no agency
        "Nell Farrow",  # photographer only
        "",  # nothing known
    } <= credits


@pytest.mark.django_db
def test_demo_images_vary_credit_type_and_describe_the_picture():
    seed()

    images = Image.objects.all()
    assert {image.credit_type for image in images} == set(Image.CreditType.values)
    assert all(image.alt_text and image.caption for image in images)
    assert {(image.width, image.height) for image in images} >= {
        (1600, 900),
        (1200, 800),
        (1080, 1350),
    }
    assert len({image.file_hash for image in images}) == images.count()


@pytest.mark.django_db
def test_running_seed_twice_creates_and_changes_nothing():
    seed()
    counts = row_counts()
    stamps = {
        "articles": list(Article.objects.values_list("pk", "version", "updated_at")),
        "images": list(Image.objects.values_list("pk", "file", "updated_at")),
    }

    output = seed()

    assert row_counts() == counts
    assert {
        "articles": list(Article.objects.values_list("pk", "version", "updated_at")),
        "images": list(Image.objects.values_list("pk", "file", "updated_at")),
    } == stamps
    assert "Nothing new" in output


@pytest.mark.django_db
def test_every_published_demo_story_shows_its_pictures_with_captions_and_credits(
    client,
):
    seed()

    for article in Article.objects.published():
        response = client.get(article.get_absolute_url())

        assert response.status_code == 200
        assertNotContains(response, "article__updated")  # back-dated, never edited
        featured = article.featured_image
        assertContains(response, escape(featured.featured_credit_line))
        assertContains(response, escape(article.featured_caption or featured.caption))
        for use in article.image_uses.filter(role=ArticleImage.Role.BODY):
            assertContains(response, escape(use.image.credit_line))
        assertContains(response, "More from The Daily Test")


@pytest.mark.django_db
def test_a_body_figure_without_its_own_caption_shows_the_image_caption(client):
    seed()
    article = Article.objects.published().get(
        slug="council-backs-eastquay-sea-wall-rebuild"
    )
    chart = Image.objects.get(credit_type=Image.CreditType.GRAPHIC)

    response = client.get(article.get_absolute_url())

    assertContains(response, escape(chart.caption))


@pytest.mark.django_db
def test_no_story_set_to_publish_uses_an_uncredited_picture():
    seed()

    uncredited = Image.objects.uncredited()
    assert uncredited.exists()
    assert not ArticleImage.objects.filter(
        article__status=Article.Status.PUBLISHED, image__in=uncredited
    ).exists()


@pytest.mark.django_db
def test_scheduled_and_draft_demo_stories_are_not_public_yet(client):
    seed()

    for article in Article.objects.exclude(
        pk__in=Article.objects.published().values("pk")
    ):
        assert client.get(article.get_absolute_url()).status_code == 404
