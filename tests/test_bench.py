"""`seed_bench` and `benchmark_pages` (what `make bench` runs), on a small scale."""

import re
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from articles import body
from articles.management.commands.seed_bench import BENCHMARK_STORY
from articles.models import (
    Article,
    ArticleImage,
    Image,
    Rendition,
    SearchDocument,
    Tag,
)

SMALL = {"articles": 30, "images": 12, "tags": 8, "authors": 5}


def seed(**sizes) -> str:
    out = StringIO()
    call_command("seed_bench", **(SMALL | sizes), stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(transactional_db):
    return seed()


def test_the_seed_writes_published_stories_with_pictures_bylines_and_tags(seeded):
    assert Article.objects.published().count() == 30
    assert Tag.objects.count() == 8
    assert Image.objects.count() == 12
    # Every story: a featured image and two figures, in the usage index.
    assert ArticleImage.objects.count() == 30 * 3
    # Indexed with the bylines and tags written beside the stories.
    documents = SearchDocument.objects.all()
    assert documents.count() == 30
    assert all(document.keywords.count("\n") >= 1 for document in documents)
    assert (
        f"{connection.vendor}: seeded 30 stories, 12 images (108 rendition rows)"
        in seeded
    )


def test_the_benchmark_story_is_shaped_like_the_issues_comparison(seeded):
    story = Article.objects.published().first()

    assert story.pk == BENCHMARK_STORY
    assert story.body.count("<p>") == 8
    assert [ref.caption != "" for ref in body.figure_refs(story.body)] == [True, True]
    assert story.tags.count() == 3
    assert story.featured_image is not None
    assert f"article page: {story.get_absolute_url()}" in seeded


def test_pages_show_the_seeded_pictures_without_making_renditions(seeded):
    story = Article.objects.get(pk=BENCHMARK_STORY)
    renditions = Rendition.objects.count()

    response = Client().get(story.get_absolute_url())

    assert response.status_code == 200
    assert Rendition.objects.count() == renditions == 12 * 9
    rendition = Rendition.objects.get(
        image=story.featured_image, format="jpeg", crop="", width=480
    )
    assert rendition.file.url in response.text
    assert default_storage.size(rendition.file.name) < 1000


def test_after_the_seed_stories_are_written_as_usual(seeded, make_article):
    # On PostgreSQL the id sequence moved past the ids the seed gave.
    assert make_article().pk > 30


def test_the_seed_refuses_a_database_with_stories(make_article):
    make_article()

    with pytest.raises(CommandError, match="holds stories or images already"):
        seed()


def test_the_page_benchmark_times_every_kind_of_page(seeded):
    out = StringIO()

    call_command("benchmark_pages", runs=2, stdout=out)

    lines = out.getvalue().splitlines()
    rows = {
        match[1]: match
        for line in lines
        if (match := re.match(r"  ([a-z ]+?) +(\d{3}) +[\d,]+ +(\d+) +[\d.]+ ms", line))
    }
    assert set(rows) == {
        "home",
        "article",
        "section",
        "tag",
        "author",
        "search",
        "feed",
        "sitemap index",
        "sitemap page",
        "articles list",
        "articles search",
        "images list",
        "images search",
    }
    assert {match[2] for match in rows.values()} == {"200"}
    # The largest and smallest tag pages run as many queries.
    assert any(
        re.match(
            r"  tag +[\d,]+ stories: (\d+) queries; [\d,]+ stories: \1 queries$", line
        )
        for line in lines
    )


def test_one_page_is_timed_as_configured(seeded):
    out = StringIO()
    story = Article.objects.get(pk=BENCHMARK_STORY)

    call_command("benchmark_pages", path=story.get_absolute_url(), runs=2, stdout=out)

    assert re.match(
        r"cold: 200 OK, [\d,]+ bytes, \d+ queries\nwarm: 200 OK, [\d,]+ bytes, \d+ "
        r"queries; 2 requests: median [\d.]+ ms",
        out.getvalue(),
    )
