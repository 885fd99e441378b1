from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from articles.management import demo
from articles.models import (
    Agency,
    Article,
    ArticleImage,
    Author,
    Image,
    Section,
)

STORIES_PER_PAGE = 10  # the default NEWSROOM_PAGE_SIZE

# How long each list was in the first release of the seed, which someone may have run.
FIRST_RELEASE = {"AUTHORS": 5, "PHOTOGRAPHERS": 7, "IMAGES": 14, "ARTICLES": 8}


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def demo_models():
    return [
        *apps.get_app_config("articles").get_models(),
        *apps.get_app_config("taggit").get_models(),
    ]


def all_rows() -> dict[str, dict]:
    """Every row of the demo's tables, by model and primary key."""
    return {
        model._meta.label: {
            row["pk"]: row
            for row in model._default_manager.order_by("pk").values(
                "pk", *_columns(model)
            )
        }
        for model in demo_models()
    }


def _columns(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def body_figures(article: Article):
    return article.image_uses.filter(role=ArticleImage.Role.BODY)


@pytest.mark.django_db
def test_seed_builds_a_newsroom_of_thirty_stories_in_five_sections():
    seed()

    assert Article.objects.count() >= 30
    assert Section.objects.count() == 5
    assert Author.objects.count() == 8
    assert Agency.objects.count() == 3
    sections_with_a_story = set(
        Article.objects.published().values_list("section__slug", flat=True)
    )
    assert sections_with_a_story == set(Section.objects.values_list("slug", flat=True))


@pytest.mark.django_db
def test_seed_has_one_scheduled_story_two_days_ahead_and_one_draft():
    seed()
    now = timezone.now()

    articles = Article.objects.all()
    scheduled = [article for article in articles if article.is_scheduled]
    drafts = articles.filter(status=Article.Status.DRAFT)
    assert len(scheduled) == 1
    assert (
        timedelta(days=1, hours=23)
        < scheduled[0].published_at - now
        <= timedelta(days=2)
    )
    assert drafts.count() == 1
    assert drafts.get().published_at is None
    assert Article.objects.published().count() == articles.count() - 2


@pytest.mark.django_db
def test_demo_stories_vary_bylines_tags_figures_and_times():
    seed()
    now = timezone.now()

    articles = list(Article.objects.all())
    published = Article.objects.published()
    for article in articles:
        assert 1 <= article.bylines.count() <= 2
        assert 2 <= article.tags.count() <= 4
        assert article.featured_image is not None
    figures = [body_figures(article).count() for article in articles]
    assert max(figures) <= 2
    assert 0 in figures  # some stories have no figure...
    assert sum(1 for count in figures if count) > len(articles) / 2  # ...most have one
    assert any(article.bylines.count() == 2 for article in articles)
    times = list(published.values_list("published_at", flat=True))
    assert len(set(times)) == len(times)
    assert min(times) >= now - timedelta(days=61)
    assert max(times) - min(times) > timedelta(days=50)


@pytest.mark.django_db
def test_every_kind_of_list_page_runs_to_a_second_page():
    seed()

    published = list(Article.objects.published().prefetch_related("tags", "authors"))
    per_section = Counter(article.section_id for article in published)
    per_tag = Counter(tag.slug for article in published for tag in article.tags.all())
    per_author = Counter(
        author.slug for article in published for author in article.authors.all()
    )
    assert (
        len(published) > STORIES_PER_PAGE + 1
    )  # the home page: top story, then the latest
    assert max(per_section.values()) > STORIES_PER_PAGE
    assert max(per_tag.values()) > STORIES_PER_PAGE
    assert max(per_author.values()) > STORIES_PER_PAGE


@pytest.mark.django_db
def test_stories_share_tags_so_related_stories_work():
    seed()

    for article in Article.objects.published().prefetch_related("tags"):
        tags = set(article.tags.all())
        related = Article.objects.related_to(article)
        prefetch_related_objects(related, "tags")
        assert any(tags & set(story.tags.all()) for story in related), article.slug


@pytest.mark.django_db
def test_every_author_has_a_bio_and_three_have_a_credited_photo(client):
    seed()

    assert all(author.bio for author in Author.objects.all())
    with_photo = Author.objects.exclude(photo=None).select_related("photo")
    assert with_photo.count() >= 3
    for author in with_photo:
        assert author.photo.credit
        assert author.photo.height > author.photo.width  # head and shoulders
        response = client.get(author.get_absolute_url())
        assertContains(response, escape(author.photo.credit_line))


@pytest.mark.django_db
def test_demo_images_cover_every_row_of_the_credit_table():
    seed()

    credits = {image.credit for image in Image.objects.with_credit_data()}
    assert {
        "Port Callow Observatory archive",  # credit text, verbatim
        "Dario Kemp/Northlight Images",  # photographer and the image's agency
        "Elena Voss/Wire Pictures",  # the image's agency beats the photographer's own
        "Elena Voss/Harbour Photo Agency",  # no image agency: the photographer's own
        "Ines Halloran/Northlight Images",
        "Uncredited/Wire Pictures",  # agency only
        "Uncredited/Harbour Photo Agency",
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
    rows = all_rows()

    output = seed()

    assert all_rows() == rows
    assert "Nothing new" in output


@pytest.mark.django_db
def test_seed_extends_a_database_seeded_by_the_first_release(monkeypatch):
    with monkeypatch.context() as first_release:
        for name, length in FIRST_RELEASE.items():
            first_release.setattr(demo, name, getattr(demo, name)[:length])
        seed()
    old_rows = all_rows()

    seed()

    rows = all_rows()
    for label, old in old_rows.items():
        assert {pk: rows[label][pk] for pk in old} == old, label
    assert Article.objects.count() == len(demo.ARTICLES)
    assert Image.objects.count() == len(demo.IMAGES)
    assert Author.objects.count() == len(demo.AUTHORS)
    assert len(rows["articles.Byline"]) == sum(
        len(data["authors"]) for data in demo.ARTICLES
    )
    assert len(rows["articles.TaggedArticle"]) == sum(
        len(data["tags"]) for data in demo.ARTICLES
    )


@pytest.mark.django_db
def test_every_published_demo_story_shows_its_pictures_with_captions_and_credits(
    client,
):
    seed()

    for article in Article.objects.published():
        response = client.get(article.get_absolute_url())

        assert response.status_code == 200
        if article.corrections.exists():  # "Updated" at its newest correction
            assertContains(response, "Corrections and updates")
            assertContains(response, "article__updated")
        else:  # back-dated, never edited
            assertNotContains(response, "article__updated")
        featured = article.featured_image
        assertContains(response, escape(featured.featured_credit_line))
        assertContains(response, escape(article.featured_caption or featured.caption))
        for use in body_figures(article):
            assertContains(response, escape(use.image.credit_line))
        assertContains(response, "More from The Daily Test")


@pytest.mark.django_db
def test_a_body_figure_without_its_own_caption_shows_the_image_caption(client):
    seed()
    article = Article.objects.published().get(
        slug="council-backs-eastquay-sea-wall-rebuild"
    )
    chart = Image.objects.get(
        credit_type=Image.CreditType.GRAPHIC, uses__article=article
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, escape(chart.caption))


@pytest.mark.django_db
def test_the_drafts_uncredited_picture_is_used_nowhere_else():
    seed()

    draft = Article.objects.get(status=Article.Status.DRAFT)
    picture = draft.featured_image
    assert picture.credit == ""
    assert set(picture.uses.values_list("article", flat=True)) == {draft.pk}
    assert not Author.objects.filter(photo=picture).exists()
    assert not ArticleImage.objects.filter(
        article__status=Article.Status.PUBLISHED, image__in=Image.objects.uncredited()
    ).exists()


@pytest.mark.django_db
def test_scheduled_and_draft_demo_stories_are_not_public_yet(client):
    seed()

    for article in Article.objects.exclude(
        pk__in=Article.objects.published().values("pk")
    ):
        assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_demo_shows_labels_datelines_corrections_and_a_pinned_story(client):
    seed()

    home = client.get("/").content.decode()
    pinned = Article.objects.get(slug="harbour-tide-gauges-show-sea-rising-faster")
    assert pinned.headline in home
    analysis = client.get(
        Article.objects.get(
            slug="coastal-cities-compare-flood-defences"
        ).get_absolute_url()
    )
    assertContains(analysis, "Analysis")
    sea_wall = client.get(
        Article.objects.get(
            slug="council-backs-eastquay-sea-wall-rebuild"
        ).get_absolute_url()
    )
    assertContains(sea_wall, "PORT CALLOW —")
    assertContains(sea_wall, "It was 31 to 12.")
