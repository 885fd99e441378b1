"""The search index stays true on every write path: each test changes what a story is
found by one way, then searches for the new words (found) and the old (not found)."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from lxml import html as lxml_html

from articles import history
from articles.models import Article, Byline, SearchDocument, Tag, TaggedArticle
from tests.helpers import admin_url, article_form_data, figure


def found(client, words: str) -> list[str]:
    """Headlines of the published stories /search/ finds for `words`."""
    response = client.get(reverse("articles:search"), {"q": words})
    assert response.status_code == 200
    page = lxml_html.fromstring(response.content)
    return [a.text_content() for a in page.xpath('//li[@class="search-result"]//h2/a')]


@pytest.fixture
def story(make_article):
    return make_article(headline="Gulls", standfirst="", body="<p>Old words.</p>")


def test_saving_a_story(client, story):
    story.body = "<p>Fresh words.</p>"
    story.save()

    assert found(client, "fresh") == ["Gulls"]
    assert found(client, "old") == []


def test_updating_stories_in_bulk(client, story):
    Article.objects.filter(pk=story.pk).update(standfirst="Kittiwakes nest.")

    assert found(client, "kittiwakes") == ["Gulls"]
    assert found(client, "old") == ["Gulls"]  # the body is as it was


def test_bulk_update(client, story):
    story.headline = "Terns"
    Article.objects.bulk_update([story], ["headline"])

    assert found(client, "terns") == ["Terns"]
    assert found(client, "gulls") == []


def test_bulk_create(client, make_section):
    Article.objects.bulk_create(
        [
            Article(
                headline="Puffins return",
                section=make_section(),
                status=Article.Status.PUBLISHED,
            )
        ]
    )

    assert found(client, "puffins") == ["Puffins return"]


def test_changing_the_featured_picture_and_its_caption(client, story, make_image):
    Article.objects.filter(pk=story.pk).update(
        featured_image=make_image(caption="Gannets diving")
    )
    assert found(client, "gannets") == ["Gulls"]

    story.refresh_from_db()
    story.featured_caption = "Shags drying off"
    story.save()

    assert found(client, "shags") == ["Gulls"]
    assert found(client, "gannets") == []


@pytest.mark.parametrize(
    ("change", "now_found", "gone"),
    [
        (lambda story: story.tags.add("Auks"), "auks", None),
        (lambda story: story.tags.remove("Seabirds"), None, "seabirds"),
        (lambda story: story.tags.set(["Auks"]), "auks", "seabirds"),
        (lambda story: story.tags.clear(), None, "seabirds"),
    ],
    ids=["add", "remove", "set", "clear"],
)
def test_tagging(client, story, change, now_found, gone):
    story.tags.add("Seabirds")
    assert found(client, "seabirds") == ["Gulls"]

    change(story)

    if now_found:
        assert found(client, now_found) == ["Gulls"]
    if gone:
        assert found(client, gone) == []


def test_renaming_a_tag(client, story):
    story.tags.add("Seabirds")
    tag = Tag.objects.get(name="Seabirds")

    tag.name = "Wildfowl"
    tag.save()

    assert found(client, "wildfowl") == ["Gulls"]
    assert found(client, "seabirds") == []


def test_deleting_a_tag(client, story):
    story.tags.add("Seabirds")

    Tag.objects.filter(name="Seabirds").delete()

    assert found(client, "seabirds") == []
    assert found(client, "gulls") == ["Gulls"]


def test_taggings_written_directly(client, story):
    # Without taggit's manager (an importer, a shell, a fixture): rows in the link table.
    seabirds, waders = (
        Tag.objects.create(name="Seabirds"),
        Tag.objects.create(name="Waders"),
    )
    TaggedArticle.objects.create(content_object=story, tag=seabirds)
    TaggedArticle.objects.bulk_create([TaggedArticle(content_object=story, tag=waders)])
    assert found(client, "seabirds") == ["Gulls"]
    assert found(client, "waders") == ["Gulls"]

    TaggedArticle.objects.filter(tag=seabirds).delete()

    assert found(client, "seabirds") == []
    assert found(client, "waders") == ["Gulls"]


def test_adding_removing_and_changing_bylines(client, story, make_author):
    byline = Byline.objects.create(article=story, author=make_author("Ada Pellow"))
    assert found(client, "pellow") == ["Gulls"]

    byline.author = make_author("Ruth Carrow")
    byline.save()
    assert found(client, "carrow") == ["Gulls"]
    assert found(client, "pellow") == []

    byline.delete()
    assert found(client, "carrow") == []


def test_bylines_written_in_bulk(client, story, make_author):
    Byline.objects.bulk_create(
        [Byline(article=story, author=make_author("Ada Pellow"), position=0)]
    )

    assert found(client, "pellow") == ["Gulls"]


def test_renaming_an_author(client, make_article, make_author):
    author = make_author("Ada Pellow")
    make_article(headline="Gulls", authors=[author])

    author.name = "Ada Carrow"
    author.save()

    assert found(client, "carrow") == ["Gulls"]
    assert found(client, "pellow") == []


def test_changing_a_pictures_default_caption(client, make_article, make_image):
    picture = make_image(caption="Gannets diving")
    make_article(headline="Featured", featured_image=picture)
    make_article(headline="In the body", body=figure(picture))
    make_article(headline="Own caption", body=figure(picture, "Our gannets"))

    picture.caption = "Cormorants fishing"
    picture.save()

    assert sorted(found(client, "cormorants")) == ["Featured", "In the body"]
    assert found(client, "gannets") == ["Own caption"]


def test_captions_of_pictures_whose_rights_expired_are_not_found(
    client, make_article, make_image
):
    # The page no longer shows them, so search must not find the story by them.
    picture = make_image(caption="Gannets diving", rights_expire_on=date(2020, 1, 1))
    make_article(headline="Featured", featured_image=picture, featured_caption="Ours")
    make_article(headline="In the body", body=figure(picture, "Our gannets"))

    assert found(client, "gannets") == []
    assert found(client, "ours") == []


def test_the_daily_renditions_run_unindexes_newly_expired_captions(
    client, make_article, make_image
):
    with time_machine.travel(date(2026, 3, 1)):
        picture = make_image(
            caption="Gannets diving", rights_expire_on=date(2026, 3, 2)
        )
        make_article(headline="Seabirds", featured_image=picture)
        assert found(client, "gannets") == ["Seabirds"]

    with time_machine.travel(date(2026, 3, 4)):
        call_command("renditions", stdout=StringIO(), stderr=StringIO())

        assert found(client, "gannets") == []


def test_deleting_a_story_takes_its_document_with_it(client, story, make_author):
    story.tags.add("Seabirds")
    Byline.objects.create(article=story, author=make_author("Ada Pellow"))
    pk = story.pk

    story.delete()

    assert not SearchDocument.objects.filter(article_id=pk).exists()
    assert found(client, "gulls") == []


def test_restoring_a_version(admin_client, make_article, make_author):
    story = make_article(
        headline="Original gulls",
        tags=["Seabirds"],
        authors=[make_author("Ada Pellow")],
    )
    story.headline = "Rewritten terns"
    story.save()
    story.tags.set(["Wildfowl"])
    story.bylines.all().delete()
    Byline.objects.create(article=story, author=make_author("Ruth Carrow"))
    first = history.versions_newest_first(Article, story.pk).last()

    response = admin_client.post(
        reverse("admin:articles_article_restore", args=[story.pk, first.history_id])
    )

    assert response.status_code == 302
    for words in ("original", "seabirds", "pellow"):
        assert found(admin_client, words) == ["Original gulls"], words
    for words in ("rewritten", "wildfowl", "carrow"):
        assert found(admin_client, words) == [], words


def test_saving_through_the_admin_indexes_tags_and_bylines(
    admin_client, make_section, make_author
):
    author = make_author("Ada Pellow")
    response = admin_client.post(
        admin_url(Article, "add"),
        article_form_data(
            make_section(),
            headline="Draft about terns",
            tags="Seabirds",
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-author": author.pk,
                "bylines-0-position": "0",
            },
        ),
    )
    assert response.status_code == 302

    for words in ("seabirds", "pellow", "terns"):
        listing = admin_client.get(admin_url(Article), {"q": words})
        assert listing.context["cl"].result_count == 1, words


def test_the_demo_seed_is_searchable(client, db):
    call_command("seed_demo", verbosity=0)
    story = Article.objects.published().filter(tags__name="Harbour").first()

    assert story.headline in found(client, "harbour")
    assert SearchDocument.objects.count() == Article.objects.count()


def test_rebuilding_the_index(client, story):
    SearchDocument.objects.all().delete()
    assert found(client, "gulls") == []
    out = StringIO()

    call_command("search_index", stdout=out)
    assert out.getvalue() == (
        "0 of 1 stories are in the search index. "
        "Run search_index --rebuild to add the rest.\n"
    )
    call_command("search_index", "--rebuild", stdout=out, stderr=StringIO())

    assert found(client, "gulls") == ["Gulls"]
    assert out.getvalue().endswith("1 of 1 stories are in the search index.\n")
