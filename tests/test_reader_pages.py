"""The public site a reader moves through: home, sections, tags, authors."""

from datetime import timedelta

import lxml.html
import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.helpers import headlines


@pytest.fixture
def credited_image(make_image, make_agency, make_photographer):
    agency = make_agency("AP Images")
    return lambda: make_image(
        photographer=make_photographer("Hassan Ammar", agency=agency)
    )


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


# Home -------------------------------------------------------------------------------


def test_home_leads_with_the_newest_story_and_its_credited_picture(
    client, make_article, credited_image
):
    make_article(headline="Yesterday's news", published_at=hours_ago(30))
    top = make_article(
        headline="Bridge reopens",
        featured_image=credited_image(),
        published_at=hours_ago(1),
    )

    response = client.get("/")

    assert headlines(response, "top-story") == [top.headline]
    lead = (
        response.content.decode().split('class="top-story"')[1].split("</section>")[0]
    )
    assert "Bridge reopens" in lead
    assert "Image by Hassan Ammar/AP Images" in lead
    assert "Yesterday" not in lead


def test_home_lists_latest_then_a_block_per_section_in_position_order(
    client, make_article, make_section
):
    news = make_section(name="News", slug="news", position=2)
    sport = make_section(name="Sport", slug="sport", position=1)
    make_section(name="Empty", slug="empty", position=0)
    for number in range(14):
        make_article(
            headline=f"News {number}", section=news, published_at=hours_ago(number + 1)
        )
    make_article(headline="Old sport story", section=sport, published_at=hours_ago(100))

    response = client.get("/")

    assert headlines(response, "top-story") == ["News 0"]
    assert headlines(response, "latest") == [f"News {n}" for n in range(1, 11)]
    page = lxml.html.fromstring(response.content)
    blocks = [
        (
            block.find("h2").text_content(),
            [link.text_content() for link in block.xpath(".//h3/a")],
        )
        for block in page.find_class("section-block")
    ]
    # Sections in position order; only stories not already shown; empty sections left out.
    assert blocks == [
        ("Sport", ["Old sport story"]),
        ("News", ["News 11", "News 12", "News 13"]),
    ]
    assertContains(response, '<a href="/sport/">More from Sport</a>', html=True)


def test_home_with_nothing_published_says_so(client, db, make_article):
    make_article(status=Article.Status.DRAFT, published_at=None)

    assertContains(client.get("/"), "Nothing has been published yet.")


def test_home_never_shows_drafts_or_scheduled_stories(client, make_article):
    make_article(headline="Visible story")
    make_article(headline="Draft story", status=Article.Status.DRAFT, published_at=None)
    make_article(
        headline="Review story", status=Article.Status.REVIEW, published_at=None
    )
    make_article(
        headline="Scheduled story", published_at=timezone.now() + timedelta(minutes=5)
    )

    response = client.get("/")

    assertContains(response, "Visible story")
    for hidden in ("Draft story", "Review story", "Scheduled story"):
        assertNotContains(response, hidden)


# Lists ------------------------------------------------------------------------------


def test_section_page_paginates_newest_first(
    client, make_article, make_section, settings
):
    settings.NEWSROOM_PAGE_SIZE = 3
    section = make_section(
        name="Science", slug="science", description="Discoveries and research."
    )
    for number in range(7):
        make_article(
            headline=f"Finding {number}",
            section=section,
            published_at=hours_ago(number + 1),
        )

    first, third = client.get("/science/"), client.get("/science/?page=3")

    assert headlines(first) == ["Finding 0", "Finding 1", "Finding 2"]
    assert headlines(third) == ["Finding 6"]
    assertContains(first, "<h1>Science</h1>", html=True)
    assertContains(first, "Discoveries and research.")
    assertContains(first, '<a rel="next" href="?page=2">Older stories</a>', html=True)
    assertContains(third, '<a rel="prev" href="?page=2">Newer stories</a>', html=True)
    # The first page by its own address, not "?" (one page, one address to cache).
    assertContains(
        client.get("/science/?page=2"),
        '<a rel="prev" href="/science/">Newer stories</a>',
        html=True,
    )
    assertContains(
        first, '<a href="/science/" aria-current="page">Science</a>', html=True
    )


def test_cards_show_picture_credit_headline_standfirst_byline_and_date(
    client, make_article, make_section, make_author, credited_image
):
    section = make_section(slug="city")
    article = make_article(
        headline="Tram line approved",
        standfirst="Work starts in spring.",
        section=section,
        featured_image=credited_image(),
        authors=[make_author("Ada Byline")],
        published_at=timezone.datetime(2026, 3, 14, 9, 30, tzinfo=timezone.UTC),
    )

    response = client.get("/city/")

    assertContains(
        response,
        '<figcaption class="figure__credit">Featured Image by Hassan Ammar/AP Images</figcaption>',
        html=True,
    )
    assertContains(
        response,
        f'<a href="{article.get_absolute_url()}">Tram line approved</a>',
        html=True,
    )
    assertContains(
        response, '<p class="card__standfirst">Work starts in spring.</p>', html=True
    )
    assertContains(response, "By Ada Byline")
    assertContains(
        response,
        '<time datetime="2026-03-14T09:30:00+00:00">14 March 2026</time>',
        html=True,
    )


def test_card_without_a_credit_shows_no_credit_line(
    client, make_article, make_image, make_section
):
    make_article(section=make_section(slug="city"), featured_image=make_image())

    assertNotContains(client.get("/city/"), "figure__credit")


def test_tag_page_lists_only_published_stories_with_the_tag(client, make_article):
    make_article(headline="Tagged and live", tags=["Elections"])
    make_article(
        headline="Tagged draft",
        tags=["Elections"],
        status=Article.Status.DRAFT,
        published_at=None,
    )
    make_article(headline="Untagged story")

    response = client.get("/tags/elections/")

    assert headlines(response) == ["Tagged and live"]
    assertContains(response, "<h1>Tagged “Elections”</h1>", html=True)


def test_author_page_shows_bio_photo_with_credit_and_their_stories(
    client, make_article, make_author, credited_image
):
    author = make_author(
        "Mara Ellison",
        slug="mara",
        bio="Covers the city council.",
        photo=credited_image(),
        url="https://mara.example",
    )
    make_article(headline="Her story", authors=[author])
    make_article(headline="Someone else's story")

    response = client.get("/authors/mara/")

    assertContains(response, "<h1>Mara Ellison</h1>", html=True)
    assertContains(response, "Covers the city council.")
    assertContains(response, f'alt="{author.photo.alt_text}"')
    assertContains(response, "Image by Hassan Ammar/AP Images")
    assert headlines(response) == ["Her story"]


# Bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["?page=99", "?page=0", "?page=-1", "?page=abc", "?page=2.5", "?page=%00"]
)
def test_page_numbers_that_do_not_exist_are_404(
    client, make_article, make_section, query
):
    make_article(section=make_section(slug="city"))

    assert client.get(f"/city/{query}").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?q=%3Cscript%3E",
        "?utm_source=x&utm_source=y",
        "?page=1&page=1",
        "?%ff=%ff",
        "?" + "a=1&" * 200,
    ],
)
def test_odd_query_strings_never_error(client, make_article, make_section, query):
    article = make_article(section=make_section(slug="city"), tags=["x"])

    for path in ("/", "/city/", "/tags/x/", article.get_absolute_url()):
        assert client.get(path + query).status_code == 200


# Query budget -----------------------------------------------------------------------


@pytest.fixture
def newsroom(make_article, make_section, make_author, credited_image):
    """Builds `size` stories spread over three sections, each with a picture, two
    authors and three tags, all sharing one author and one tag for the list pages."""

    def build(size):
        sections = [make_section(slug=f"s{size}-{n}") for n in range(3)]
        shared = make_author(f"Shared {size}", slug=f"shared-{size}")
        for number in range(size):
            make_article(
                section=sections[number % 3],
                featured_image=credited_image(),
                authors=[shared, make_author(f"A{size}-{number}")],
                tags=[f"common-{size}", f"t{number}", f"u{number}"],
                published_at=hours_ago(number + 1),
            )
        return {
            "home": "/",
            "section": f"/s{size}-0/",
            "tag": f"/tags/common-{size}/",
            "author": f"/authors/shared-{size}/",
        }

    return build


# home: latest (+ bylines, tags, renditions), per-section blocks (+ bylines, tags,
# renditions); lists: the section/tag/author, count, page (+ bylines, tags,
# renditions); a tag page also checks that a published story uses the tag before saying
# anything. The sections (navigation, the home page's blocks) come from the cache.
QUERY_BUDGET = {"home": 8, "section": 6, "tag": 7, "author": 6}


@pytest.mark.parametrize("page", QUERY_BUDGET)
@pytest.mark.usefixtures("page_cache_off")
def test_public_pages_run_a_fixed_number_of_queries(
    client, newsroom, django_assert_num_queries, page
):
    small, large = newsroom(2)[page], newsroom(40)[page]

    for path in (small, large):
        client.get(path)  # makes the renditions
        with django_assert_num_queries(QUERY_BUDGET[page]):
            assert client.get(path).status_code == 200


def test_tag_used_only_by_drafts_is_404(client, make_article):
    make_article(tags=["secret-merger"], status=Article.Status.DRAFT, published_at=None)

    response = client.get("/tags/secret-merger/")

    assert response.status_code == 404
    assertNotContains(response, "secret-merger", status_code=404)


def test_pages_declare_the_newsroom_language(client, db, settings):
    settings.LANGUAGE_CODE = "fr"

    assertContains(client.get("/"), '<html lang="fr">')
