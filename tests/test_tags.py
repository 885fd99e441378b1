import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Tag

ASCII_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Zürich", "zurich"), ("北京", "bei-jing"), ("Harbour works", "harbour-works")],
)
def test_tag_slugs_are_ascii_like_article_slugs(db, name, slug):
    assert Tag.objects.create(name=name).slug == slug


def test_tag_with_nothing_to_transliterate_gets_a_stable_ascii_slug(db):
    slug = Tag.objects.create(name="🔥").slug

    assert ASCII_SLUG.fullmatch(slug)
    assert slug == "tag-ed8d8305"  # the same every time: a hash of the name
    assert Tag.objects.create(name="🌊").slug != slug


def test_tags_whose_names_slugify_alike_get_numbered_slugs(db):
    slugs = [
        Tag.objects.create(name=name).slug for name in ["Zurich", "Zürich", "ZURICH!"]
    ]

    assert slugs == ["zurich", "zurich-2", "zurich-3"]


def test_every_tag_on_an_article_page_links_to_a_tag_page_that_answers(
    client, make_article
):
    article = make_article(headline="Snow in the Alps", tags=["Zürich", "北京", "🔥"])

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    links = re.findall(r'<a rel="tag" href="([^"]+)">([^<]+)</a>', response.text)
    assert sorted(name for _, name in links) == sorted(["Zürich", "北京", "🔥"])
    for href, name in links:
        tag_page = client.get(href)
        assertContains(tag_page, "Snow in the Alps")
        assertContains(tag_page, name)


@pytest.fixture
def migrator(transactional_db):
    """A MigrationExecutor; the database is migrated back to the latest state afterwards."""
    yield MigrationExecutor(connection)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


BEFORE_OWN_TAGS = [("articles", "0003_image_original_filename")]
WITH_OWN_TAGS = [("articles", "0004_tag_ascii_slugs")]


def tags_on(apps, tag_model: str, slug: str) -> dict[str, str]:
    Tag = apps.get_model(*tag_model.split("."))
    tagged = Tag.objects.filter(articles_taggedarticle_items__content_object__slug=slug)
    return {tag.name: tag.slug for tag in tagged}


def test_migration_keeps_ascii_slugs_and_gives_the_others_new_ones(migrator):
    migrator.migrate(BEFORE_OWN_TAGS)
    old_apps = migrator.loader.project_state(BEFORE_OWN_TAGS).apps
    OldTag = old_apps.get_model("taggit", "Tag")
    Section = old_apps.get_model("articles", "Section")
    Article = old_apps.get_model("articles", "Article")
    TaggedArticle = old_apps.get_model("articles", "TaggedArticle")
    article = Article.objects.create(
        headline="Old story",
        slug="old-story",
        section=Section.objects.create(name="News", slug="news"),
    )
    for name, taggit_slug in [
        ("Zürich", "zürich"),
        ("Zurich", "zurich"),
        ("U.S. election", "us-election"),
        ("🔥", ""),
    ]:
        tag = OldTag.objects.create(name=name, slug=taggit_slug)
        TaggedArticle.objects.create(tag=tag, content_object=article)

    migrator = MigrationExecutor(connection)
    migrator.migrate(WITH_OWN_TAGS)

    new_apps = migrator.loader.project_state(WITH_OWN_TAGS).apps
    # Working addresses stay; only the slugs that were not ASCII change.
    assert tags_on(new_apps, "articles.Tag", "old-story") == {
        "Zurich": "zurich",
        "U.S. election": "us-election",
        "Zürich": "zurich-2",
        "🔥": "tag-ed8d8305",
    }
    # A tag made afterwards gets a fresh id (PostgreSQL's sequence was moved on)…
    NewTag = new_apps.get_model("articles", "Tag")
    fresh = NewTag.objects.create(name="Fresh", slug="fresh")
    new_apps.get_model("articles", "TaggedArticle").objects.create(
        tag=fresh, content_object_id=article.pk
    )

    # …and survives going back to taggit's tags.
    migrator = MigrationExecutor(connection)
    migrator.migrate(BEFORE_OWN_TAGS)
    assert tags_on(old_apps, "taggit.Tag", "old-story") == {
        "Zurich": "zurich",
        "U.S. election": "us-election",
        "Zürich": "zurich-2",
        "🔥": "tag-ed8d8305",
        "Fresh": "fresh",
    }


def test_tag_added_in_the_admin_without_a_slug_gets_one(admin_client):
    response = admin_client.post(
        reverse("admin:articles_tag_add"), {"name": "北京", "slug": ""}
    )

    assert response.status_code == 302
    assert Tag.objects.get(name="北京").slug == "bei-jing"


def test_tag_changelist_counts_stories(admin_client, make_article):
    make_article(tags=["Harbour"])
    make_article(tags=["Harbour", "Trams"])

    response = admin_client.get(reverse("admin:articles_tag_changelist"))

    assertContains(response, '<td class="field-article_count">2</td>', html=True)


def test_a_tag_typed_in_another_case_is_the_same_tag(client, make_article):
    first = make_article(headline="Ferry timetable", tags=["Harbour"])
    second = make_article(headline="Crane arrives", tags=["harbour"])

    assert Tag.objects.count() == 1
    assert list(second.tags.all()) == list(first.tags.all())
    tag_page = client.get("/tags/harbour/")
    assertContains(tag_page, "Ferry timetable")
    assertContains(tag_page, "Crane arrives")


def test_tag_whose_slug_is_cleared_in_the_admin_gets_one_again(admin_client, db):
    tag = Tag.objects.create(name="Zürich")

    response = admin_client.post(
        reverse("admin:articles_tag_change", args=[tag.pk]),
        {"name": "Zürich", "slug": ""},
    )

    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.slug == "zurich"
