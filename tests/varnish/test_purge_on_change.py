"""The site behind a real Varnish: readers' pages are cached there, and an editor's
change purges exactly the pages that show it (the issue's "done when": publish, correct
a credit, unpublish), while the others are still served from Varnish."""

import pytest
from django.urls import reverse

from articles import services
from articles.models import Article

pytestmark = pytest.mark.usefixtures("transactional_db")


@pytest.fixture
def site(make_article, make_section, make_image, make_photographer, admin_user):
    """Two sections; in News a published story with a picture by Hassan Ammar and a
    draft sharing its topic, in Sport a story of its own."""
    news = make_section(name="News", slug="news")
    sport = make_section(name="Sport", slug="sport")
    ammar = make_photographer("Hassan Ammar")
    flood = make_article(
        headline="Flood waters rise",
        section=news,
        featured_image=make_image(photographer=ammar),
        tags=["harbour"],
    )
    match = make_article(
        headline="Cup final tonight",
        section=sport,
        featured_image=make_image(photographer=make_photographer("Ana Ruiz")),
    )
    draft = make_article(
        headline="Harbour wall to be rebuilt",
        section=news,
        featured_image=make_image(photographer=make_photographer("Li Wei")),
        tags=["harbour"],
        status=Article.Status.DRAFT,
        published_at=None,
    )
    return {
        "news": news,
        "ammar": ammar,
        "flood": flood,
        "match": match,
        "draft": draft,
        "editor": admin_user,
    }


def pages(site) -> dict[str, str]:
    """Readers' pages, by name."""
    return {
        "home": reverse("articles:home"),
        "news": reverse("articles:section_detail", args=["news"]),
        "sport": reverse("articles:section_detail", args=["sport"]),
        "harbour": reverse("articles:tag_detail", args=["harbour"]),
        "flood": site["flood"].get_absolute_url(),
        "match": site["match"].get_absolute_url(),
        "feed": reverse("articles:feed"),
        "sport feed": reverse("articles:section_feed", args=["sport"]),
        "sitemap": reverse("articles:sitemap_news"),
    }


def answers(varnish, urls: dict[str, str]) -> dict[str, str]:
    """How Varnish answers each page now (HIT, MISS, ...), with its status if not 200."""
    result = {}
    for name, url in urls.items():
        response = varnish.get(url)
        result[name] = response.cache + (
            f" {response.status}" if response.status != 200 else ""
        )
    return result


def cached(varnish, urls):
    """Fetch every page twice: the second time, each must come from Varnish."""
    answers(varnish, urls)
    assert set(answers(varnish, urls).values()) == {"HIT"}


def test_readers_pages_are_served_by_varnish(varnish, site):
    urls = pages(site)

    assert set(answers(varnish, urls).values()) == {"MISS"}
    assert set(answers(varnish, urls).values()) == {"HIT"}


def test_publishing_purges_the_lists_the_story_joins(varnish, site):
    urls = pages(site)
    cached(varnish, urls)

    services.publish_now(article=site["draft"], user=site["editor"])

    assert answers(varnish, urls) == {
        "home": "MISS",
        "news": "MISS",
        "sport": "HIT",
        "harbour": "MISS",
        "flood": "MISS",  # its "More from News" can show the new story
        "match": "HIT",
        "feed": "MISS",
        "sport feed": "HIT",
        "sitemap": "MISS",
    }
    assert "Harbour wall to be rebuilt" in varnish.get(urls["home"]).text


def test_correcting_a_credit_purges_the_pages_showing_the_picture(varnish, site):
    urls = pages(site)
    cached(varnish, urls)

    site["ammar"].name = "Hassan Ammar/AP"
    site["ammar"].save()

    assert answers(varnish, urls) == {
        "home": "MISS",
        "news": "MISS",
        "sport": "HIT",
        "harbour": "MISS",
        "flood": "MISS",
        "match": "HIT",
        "feed": "MISS",
        "sport feed": "HIT",
        "sitemap": "MISS",
    }
    assert "Hassan Ammar/AP" in varnish.get(urls["flood"]).text


def test_unpublishing_purges_the_story_and_the_lists_it_leaves(varnish, site):
    services.publish_now(article=site["draft"], user=site["editor"])
    story = site["draft"].get_absolute_url()
    urls = pages(site) | {"story": story}
    cached(varnish, urls)

    services.unpublish(article=site["draft"], user=site["editor"])

    assert answers(varnish, urls) == {
        "home": "MISS",
        "news": "MISS",
        "sport": "HIT",
        "harbour": "MISS",
        "flood": "MISS",
        "match": "HIT",
        "feed": "MISS",
        "sport feed": "HIT",
        "sitemap": "MISS",
        "story": "MISS 404",
    }
    assert "Harbour wall to be rebuilt" not in varnish.get(urls["home"]).text
