import pytest
from django.test import RequestFactory
from django.views.defaults import server_error
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article


@pytest.mark.parametrize(
    "path", ["/no-such-section/", "/tags/no-such-tag/", "/authors/nobody/"]
)
def test_unknown_section_tag_or_author_is_404_in_the_site_layout(client, db, path):
    response = client.get(path)

    assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)
    assertContains(response, 'class="masthead"', status_code=404)


def test_unknown_article_is_404(client, make_article):
    article = make_article()

    response = client.get(
        article.get_absolute_url().replace(article.slug, "no-such-story")
    )

    assert response.status_code == 404


def test_server_error_page_renders_without_the_database():
    # No `db` fixture: pytest-django makes any query here raise.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_section_tag_and_author_pages_list_only_published_stories(
    client, make_article, make_section, make_author
):
    section, author = (
        make_section(slug="science"),
        make_author("Rosalind Franklin", slug="rosalind"),
    )
    make_article(
        headline="Live story", section=section, authors=[author], tags=["genes"]
    )
    make_article(
        headline="Draft story",
        section=section,
        authors=[author],
        tags=["genes"],
        status=Article.Status.DRAFT,
        published_at=None,
    )

    for path in ("/science/", "/tags/genes/", "/authors/rosalind/"):
        response = client.get(path)
        assertContains(response, "Live story")
        assertNotContains(response, "Draft story")


def test_favicon_requests_find_the_site_icon(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/articles/favicon.svg"


def test_deploy_check_warns_when_the_site_url_is_not_set(settings):
    from django.core.checks import registry

    from articles.checks import site_url_is_set

    assert site_url_is_set in registry.registry.get_checks(
        include_deployment_checks=True
    )
    settings.NEWSROOM_SITE_URL = ""
    assert [message.id for message in site_url_is_set(None)] == ["articles.W001"]
    settings.NEWSROOM_SITE_URL = "https://news.example.com"
    assert site_url_is_set(None) == []
