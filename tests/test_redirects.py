"""A live story's old addresses keep working: one 301 to where it is now, never a loop,
and never a hint of where an unpublished story went."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.locking import StaleArticle
from articles.models import Article, Redirect
from tests.helpers import admin_url, article_change_data


def moved(article, **changes):
    for field, value in changes.items():
        setattr(article, field, value)
    article.save()
    return article.get_absolute_url()


def test_old_address_answers_301_to_the_new_one_keeping_the_query_string(
    client, make_article
):
    article = make_article(slug="council-votes")
    old_path = article.get_absolute_url()

    new_path = moved(article, slug="council-votes-yes")

    response = client.get(old_path + "?utm_source=newsletter")
    assert response.status_code == 301
    assert response["Location"] == new_path + "?utm_source=newsletter"
    assert client.get(new_path).status_code == 200


def test_every_old_address_reaches_the_current_one_in_one_hop(client, make_article):
    article = make_article(slug="first")
    old_paths = [article.get_absolute_url()]
    old_paths.append(moved(article, slug="second"))
    old_paths.append(moved(article, slug="third"))
    current = moved(article, slug="fourth")

    for path in old_paths:
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (301, current)
    assert set(Redirect.objects.values_list("old_path", flat=True)) == set(old_paths)


def test_putting_a_slug_back_leaves_no_redirect_at_the_live_address(
    client, make_article
):
    article = make_article(slug="original")
    original = article.get_absolute_url()
    renamed = moved(article, slug="renamed")

    assert moved(article, slug="original") == original

    assert client.get(original).status_code == 200
    response = client.get(renamed)
    assert (response.status_code, response["Location"]) == (301, original)
    assert list(Redirect.objects.values_list("old_path", flat=True)) == [renamed]


def test_a_slug_change_through_the_admin_form_keeps_the_old_address(
    client, make_article, make_section
):
    editor = get_user_model().objects.create_superuser("editor", password="x")
    client.force_login(editor)
    section = make_section()
    article = make_article(slug="budget-day", section=section)
    old_path = article.get_absolute_url()

    response = client.post(
        admin_url(Article, "change", article.pk),
        article_change_data(client, article, slug="budget-day-what-changes"),
    )

    assert response.status_code == 302
    client.logout()
    article.refresh_from_db()
    assert article.slug == "budget-day-what-changes"
    reply = client.get(old_path)
    assert (reply.status_code, reply["Location"]) == (301, article.get_absolute_url())


def test_a_slug_change_after_a_section_change_keeps_the_first_address(
    client, make_article, make_section
):
    article = make_article(slug="storm")
    first = article.get_absolute_url()
    moved(article, section=make_section(slug="weather"))

    current = moved(article, slug="storm-warning")

    response = client.get(first)
    assert (response.status_code, response["Location"]) == (301, current)


@pytest.mark.parametrize("change", ["section", "date"])
def test_section_or_date_change_is_covered_by_the_canonical_redirect(
    client, make_article, make_section, change
):
    article = make_article(
        slug="harbour", published_at=timezone.now() - timedelta(days=3)
    )
    old_path = article.get_absolute_url()
    if change == "section":
        current = moved(article, section=make_section(slug="city"))
    else:
        current = moved(article, published_at=timezone.now() - timedelta(hours=1))

    response = client.get(old_path + "?ref=home")

    assert current != old_path
    assert (response.status_code, response["Location"]) == (301, current + "?ref=home")


@pytest.mark.parametrize(
    "unpublish",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_an_unpublished_storys_old_address_stays_404(client, make_article, unpublish):
    article = make_article(headline="Withdrawn story", slug="before")
    old_path = article.get_absolute_url()
    moved(article, slug="after")

    moved(article, **unpublish)

    response = client.get(old_path)
    assert response.status_code == 404
    assert "Withdrawn story" not in response.text
    assert "after" not in response.get("Location", "")


def test_a_draft_renamed_leaves_no_redirect(make_article):
    article = make_article(
        slug="draft-one", status=Article.Status.DRAFT, published_at=None
    )

    moved(article, slug="draft-two")

    assert not Redirect.objects.exists()


def test_unmatched_paths_stay_404(client, make_article):
    article = make_article(slug="still-here")
    moved(article, slug="moved-on")

    for path in ("/no-such-section/", "/tags/none/", "/news/2026/01/01/nothing/"):
        assert client.get(path).status_code == 404


def test_only_404s_look_for_an_old_address(client, make_article):
    article = make_article(slug="live")
    Redirect.objects.create(old_path="/tags/old-permalink/", article=article)

    with CaptureQueriesContext(connection) as page:
        assert client.get(article.get_absolute_url()).status_code == 200
    with CaptureQueriesContext(connection) as missing:
        response = client.get("/tags/old-permalink/")

    assert (response.status_code, response["Location"]) == (
        301,
        article.get_absolute_url(),
    )
    assert not any("articles_redirect" in query["sql"] for query in page)
    assert any("articles_redirect" in query["sql"] for query in missing)


def test_a_refused_save_leaves_the_old_addresses_as_they_were(make_article):
    article = make_article(slug="first")
    article.slug = "second"
    article.save()
    stale = Article.objects.get(pk=article.pk)
    Article.objects.get(pk=article.pk).save()  # someone else saves in between
    before = set(Redirect.objects.values_list("old_path", "article"))

    stale.slug = "first"
    with pytest.raises(StaleArticle):
        stale.save()

    assert set(Redirect.objects.values_list("old_path", "article")) == before
