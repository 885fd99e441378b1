"""Every way of writing an article keeps what save() keeps true: a sanitized body, the
image usage index, slugs, publication times, and a version that counts every change."""

from datetime import timedelta

import pytest
from django.db.models import ProtectedError
from django.utils import timezone

from articles.models import Article, ArticleImage
from tests.helpers import executable_markup, figure

HOSTILE = '<p onclick="steal()">Hi</p><script>alert(1)</script>'


@pytest.mark.parametrize(
    "manager",
    [
        lambda article: Article._base_manager,
        lambda article: Article._default_manager,
        lambda article: article.section.articles,
    ],
    ids=["base-manager", "default-manager", "related-manager"],
)
def test_update_through_any_manager_stores_sanitized_html(make_article, manager):
    article = make_article()

    manager(article).filter(pk=article.pk).update(body=HOSTILE)

    stored = Article.objects.values_list("body", flat=True).get(pk=article.pk)
    assert stored == "<p>Hi</p>"


def test_update_counts_a_new_version_and_notes_the_change(make_article):
    article = make_article(published_at=timezone.now() - timedelta(days=3))
    Article.objects.filter(pk=article.pk).update(updated_at=article.published_at)
    before = Article.objects.get(pk=article.pk)

    Article._base_manager.filter(pk=article.pk).update(headline="Corrected headline")

    after = Article.objects.get(pk=article.pk)
    assert after.version == before.version + 1
    assert after.updated_at > before.updated_at
    assert after.was_updated


def test_bulk_update_counts_a_new_version(make_article):
    article = make_article()
    version = Article.objects.get(pk=article.pk).version
    article.standfirst = "New standfirst."

    Article.objects.bulk_update([article], ["standfirst"])

    assert Article.objects.get(pk=article.pk).version == version + 1


def test_bulk_create_ignoring_conflicts_still_indexes_images(make_section, make_image):
    image = make_image()

    Article.objects.bulk_create(
        [
            Article(
                headline="Imported",
                section=make_section(),
                body="<p>Text.</p>" + figure(image),
            )
        ],
        ignore_conflicts=True,
    )

    article = Article.objects.get(headline="Imported")
    assert list(article.image_uses.values_list("image", "role")) == [
        (image.pk, ArticleImage.Role.BODY)
    ]
    with pytest.raises(ProtectedError):
        image.delete()


def test_bulk_create_fills_unique_slugs_and_publication_times(
    make_article, make_section
):
    make_article(headline="Storm warning", slug="storm-warning")
    section = make_section()

    Article.objects.bulk_create(
        [
            Article(headline="Storm warning", section=section),
            Article(headline="Storm warning", section=section),
            Article(
                headline="Storm passes",
                section=section,
                status=Article.Status.PUBLISHED,
                body=HOSTILE,
            ),
        ]
    )

    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "storm-passes",
        "storm-warning",
        "storm-warning-2",
        "storm-warning-3",
    ]
    passes = Article.objects.get(slug="storm-passes")
    assert passes.is_published
    assert executable_markup(passes.body) == []


def test_articles_list_unpublished_first_then_newest_on_every_database(make_article):
    now = timezone.now()
    old = make_article(headline="Old", published_at=now - timedelta(days=2))
    draft = make_article(
        headline="Draft", status=Article.Status.DRAFT, published_at=None
    )
    new = make_article(headline="New", published_at=now - timedelta(hours=1))

    assert list(Article.objects.all()) == [draft, new, old]


def test_deleting_a_user_does_not_mark_their_stories_updated(
    make_article, django_user_model
):
    reporter = django_user_model.objects.create_user(username="leaver", password="x")
    article = make_article(
        created_by=reporter, published_at=timezone.now() - timedelta(days=3)
    )
    Article.objects.filter(pk=article.pk).update(updated_at=article.published_at)
    before = Article.objects.get(pk=article.pk)

    reporter.delete()

    after = Article.objects.get(pk=article.pk)
    assert after.created_by is None
    assert (after.version, after.updated_at) == (before.version, before.updated_at)
    assert not after.was_updated


def test_bulk_create_refuses_to_upsert_articles(make_section):
    section = make_section()

    with pytest.raises(ValueError, match="cannot be upserted"):
        Article.objects.bulk_create(
            [Article(headline="Upsert", slug="upsert", section=section)],
            update_conflicts=True,
            unique_fields=["slug"],
            update_fields=["headline"],
        )
