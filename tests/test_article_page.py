from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.helpers import figure, headlines, related_headlines

USER_TYPES = ["anonymous", "staff", "superuser"]


@pytest.fixture
def client_as(client, db):
    def login(user_type):
        if user_type != "anonymous":
            user = get_user_model().objects.create_user(
                username=user_type,
                password="x",
                is_staff=True,
                is_superuser=user_type == "superuser",
            )
            client.force_login(user)
        return client

    return login


@pytest.fixture
def credited(make_agency, make_photographer, make_image):
    """Pictures for every placement: one with photographer and agency, one agency-only."""
    agency = make_agency("AP Images")
    return {
        "ammar": make_image(
            photographer=make_photographer("Hassan Ammar", agency=agency),
            caption="Default caption",
        ),
        "uncredited": make_image(agency=agency, alt_text="Smoke over the harbour"),
    }


def test_article_shows_headline_standfirst_byline_and_dates(
    client, make_article, make_author
):
    article = make_article(
        headline="Council approves <new> budget",
        standfirst="Spending rises by 4%.",
        authors=[
            make_author("Ada Lovelace", slug="ada"),
            make_author("Alan Turing", slug="alan"),
        ],
    )

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        '<h1 class="article__headline">Council approves &lt;new&gt; budget</h1>',
        html=True,
    )
    assert response.content.decode().count("<h1") == 1
    assertContains(response, "Spending rises by 4%.")
    assertContains(
        response,
        '<p class="article__byline">By <a rel="author" href="/authors/ada/">Ada Lovelace</a>'
        ' and <a rel="author" href="/authors/alan/">Alan Turing</a></p>',
        html=True,
    )
    assertContains(
        response,
        f'datetime="{timezone.localtime(article.published_at).isoformat(timespec="seconds")}"',
    )


def test_machine_readable_times_are_local_to_the_second(client, make_article, settings):
    """HTML allows at most three digits of fractions of a second in `datetime`."""
    settings.TIME_ZONE = "Europe/Paris"
    published = datetime(2026, 7, 1, 6, 0, 55, 610743, tzinfo=UTC)
    article = make_article(published_at=published)
    make_article(section=article.section, tags=[], published_at=published)

    page = client.get(article.get_absolute_url()).text
    front = client.get("/").text

    for html in (page, front):
        assert 'datetime="2026-07-01T08:00:55+02:00"' in html
        assert "610743" not in html
    # What readers read is in the newsroom's time too.
    assert "1 July 2026, 08:00</time>" in page


def test_featured_image_shows_its_featured_credit_line(client, make_article, credited):
    article = make_article(
        featured_image=credited["uncredited"],
        featured_caption="Smoke rises over the docks.",
    )

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        '<figcaption><span class="figure__caption">Smoke rises over the docks.</span> '
        '<span class="figure__credit">Featured Image by Uncredited/AP Images</span></figcaption>',
        html=True,
    )
    assertContains(response, 'alt="Smoke over the harbour"')


def test_body_figures_show_caption_then_credit_line(client, make_article, credited):
    article = make_article(
        body="<p>Before.</p>"
        + figure(credited["ammar"], "Crowds gather on Monday.")
        + "<p>Between.</p>"
        + figure(credited["ammar"])  # no per-use caption: the image's default
        + "<p>After.</p>"
    )

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        '<figcaption><span class="figure__caption">Crowds gather on Monday.</span> '
        '<span class="figure__credit">Image by Hassan Ammar/AP Images</span></figcaption>',
        html=True,
    )
    assertContains(
        response,
        '<figcaption><span class="figure__caption">Default caption</span> '
        '<span class="figure__credit">Image by Hassan Ammar/AP Images</span></figcaption>',
        html=True,
    )
    text = response.content.decode()
    assert (
        text.index("Before.")
        < text.index("Crowds gather")
        < text.index("Between.")
        < text.index("After.")
    )


def test_a_credit_corrected_once_is_corrected_everywhere(
    client, make_article, credited
):
    image = credited["ammar"]
    article = make_article(body=figure(image, "Caption"))

    image.credit_text = "Hassan Ammar for the City Desk"
    image.save()

    assertContains(
        client.get(article.get_absolute_url()),
        "Image by Hassan Ammar for the City Desk",
    )


def test_captions_and_credits_are_escaped(
    client, make_article, make_image, make_photographer
):
    image = make_image(photographer=make_photographer("<b>Eve</b>"))
    article = make_article(body=figure(image, "&lt;script&gt;alert(1)&lt;/script&gt;"))

    response = client.get(article.get_absolute_url())

    assertContains(response, "Image by &lt;b&gt;Eve&lt;/b&gt;")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
    assertNotContains(response, "<script>alert(1)")


def test_uncredited_image_shows_no_credit_line(client, make_article, make_image):
    article = make_article(body=figure(make_image(), "A caption"))

    response = client.get(article.get_absolute_url())

    assertContains(response, '<span class="figure__caption">A caption</span>')
    assertNotContains(response, "figure__credit")


def test_figure_pointing_to_a_missing_image_renders_nothing(client, make_article):
    article = make_article(
        body='<p>Text</p><figure><img data-file="987654"><figcaption>Lost</figcaption></figure>'
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, "<p>Text</p>")
    assertNotContains(response, "Lost")
    assertNotContains(response, '<figure class="figure">')


def test_tags_link_to_tag_pages(client, make_article):
    article = make_article(tags=["Climate", "City Hall"])

    response = client.get(article.get_absolute_url())

    assertContains(
        response, '<a rel="tag" href="/tags/climate/">Climate</a>', html=True
    )
    assertContains(
        response, '<a rel="tag" href="/tags/city-hall/">City Hall</a>', html=True
    )


def test_share_links_are_plain_urls_to_the_canonical_address(client, make_article):
    article = make_article(headline="Bridge reopens", slug="bridge-reopens")
    url = f"http://testserver{article.get_absolute_url()}"

    response = client.get(article.get_absolute_url())

    assertContains(
        response, '<h2 id="share-heading">Share this article</h2>', html=True
    )
    quoted = url.replace(":", "%3A").replace("/", "%2F")
    for prefix in (
        "mailto:?subject=Bridge%20reopens&amp;body=",
        "https://www.facebook.com/sharer/sharer.php?u=",
        "https://x.com/intent/post?url=",
        "https://www.linkedin.com/sharing/share-offsite/?url=",
    ):
        assertContains(response, f'href="{prefix}{quoted}')
    assertContains(response, 'href="https://wa.me/?text=Bridge+reopens+')
    assertContains(response, f'<a href="{url}" data-copy-link>Copy link</a>', html=True)
    assertNotContains(response, "<script>")  # no inline or third-party script


def test_site_url_setting_is_used_for_share_links(client, make_article, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com/"
    article = make_article()

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        f'<link rel="canonical" href="https://news.example.com{article.get_absolute_url()}">',
    )


def test_more_from_lists_shared_tags_first_then_section(
    client, make_article, make_section
):
    section, elsewhere = make_section(), make_section()
    article = make_article(section=section, tags=["floods", "river"])
    now = timezone.now()
    both_tags = make_article(
        section=elsewhere,
        tags=["floods", "river"],
        published_at=now - timedelta(days=9),
    )
    one_tag = make_article(
        section=elsewhere, tags=["floods"], published_at=now - timedelta(days=1)
    )
    same_section = make_article(section=section, published_at=now - timedelta(hours=2))
    make_article(section=elsewhere, headline="Unrelated story")
    make_article(
        section=section,
        tags=["floods"],
        status=Article.Status.DRAFT,
        published_at=None,
        headline="Draft",
    )
    make_article(
        section=section,
        published_at=now + timedelta(hours=1),
        headline="Scheduled story",
    )

    response = client.get(article.get_absolute_url())

    assertContains(
        response, '<h2 id="related-heading">More from The Daily Test</h2>', html=True
    )
    assert related_headlines(response) == [
        both_tags.headline,
        one_tag.headline,
        same_section.headline,
    ]
    for absent in ("Unrelated story", "Draft", "Scheduled story"):
        assertNotContains(response, absent)


def test_more_from_shows_at_most_five_and_never_itself(
    client, make_article, make_section
):
    section = make_section()
    article = make_article(section=section, tags=["a"])
    for _ in range(7):
        make_article(section=section, tags=["a"])

    related = related_headlines(client.get(article.get_absolute_url()))

    assert len(related) == 5
    assert article.headline not in related


@pytest.mark.parametrize(
    "wrong_path",
    [
        "/other-section/{y}/{m}/{d}/{slug}/",
        "/{section}/2001/01/01/{slug}/",
    ],
)
def test_wrong_section_or_date_redirects_permanently_to_canonical(
    client, make_article, make_section, wrong_path
):
    make_section(slug="other-section")
    article = make_article()
    local = timezone.localtime(article.published_at)
    path = wrong_path.format(
        section=article.section.slug,
        y=local.year,
        m=f"{local.month:02d}",
        d=f"{local.day:02d}",
        slug=article.slug,
    )

    response = client.get(path + "?utm_source=x")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url() + "?utm_source=x"


def test_canonical_date_uses_the_site_time_zone(client, make_article, settings):
    settings.TIME_ZONE = "America/New_York"
    published_at = timezone.datetime(
        2026, 3, 1, 2, 30, tzinfo=timezone.UTC
    )  # 21:30 on 28 Feb in New York
    article = make_article(slug="late-night", published_at=published_at)

    assert (
        article.get_absolute_url() == f"/{article.section.slug}/2026/02/28/late-night/"
    )
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("user_type", USER_TYPES)
@pytest.mark.parametrize(
    ("status", "published_in"),
    [
        (Article.Status.DRAFT, None),
        (Article.Status.REVIEW, None),
        (Article.Status.DRAFT, -timedelta(days=1)),
        (Article.Status.PUBLISHED, timedelta(minutes=1)),
    ],
    ids=["draft", "review", "draft-with-past-date", "scheduled"],
)
def test_unpublished_article_is_404_for_everyone(
    client_as, make_article, user_type, status, published_in
):
    published_at = None if published_in is None else timezone.now() + published_in
    article = make_article(
        headline="Secret plan", status=status, published_at=published_at
    )
    client = client_as(user_type)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 404
    assertNotContains(response, "Secret plan", status_code=404)
    assertNotContains(client.get("/"), "Secret plan")


def test_scheduled_article_appears_by_itself_when_its_time_comes(client, make_article):
    go_live = timezone.now() + timedelta(hours=2)
    article = make_article(headline="Embargoed results", published_at=go_live)

    with time_machine.travel(go_live - timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
        assertNotContains(client.get("/"), "Embargoed results")
    with time_machine.travel(go_live, tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assertContains(client.get("/"), "Embargoed results")


def test_published_rule_and_is_published_agree_at_the_boundary(make_article):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        past = make_article(published_at=now - timedelta(minutes=1))
        exact = make_article(published_at=now)
        future = make_article(published_at=now + timedelta(minutes=1))
        draft = make_article(
            status=Article.Status.DRAFT, published_at=now - timedelta(minutes=1)
        )

        published = set(Article.objects.published().values_list("pk", flat=True))

        for article in (past, exact, future, draft):
            assert (article.pk in published) is article.is_published
        assert published == {past.pk, exact.pk}


def test_home_lists_latest_published_first(client, make_article):
    make_article(
        headline="Older story", published_at=timezone.now() - timedelta(days=2)
    )
    newer = make_article(
        headline="Newer story", published_at=timezone.now() - timedelta(hours=1)
    )
    make_article(headline="Draft story", status=Article.Status.DRAFT, published_at=None)

    response = client.get("/")

    assert headlines(response) == ["Newer story", "Older story"]
    assertNotContains(response, "Draft story")
    assertContains(
        response, f'<a href="{newer.get_absolute_url()}">Newer story</a>', html=True
    )


@pytest.mark.usefixtures("page_cache_off")
def test_article_page_runs_a_fixed_number_of_queries(
    client,
    make_article,
    make_author,
    make_image,
    make_agency,
    make_photographer,
    django_assert_num_queries,
):
    def build(figures, authors, tags, related):
        agency = make_agency(f"Agency {figures}")
        images = [
            make_image(
                photographer=make_photographer(
                    f"P{n}", agency=agency if n % 2 else None
                )
            )
            for n in range(figures)
        ]
        article = make_article(
            featured_image=make_image(agency=agency),
            body="".join(
                f"<p>{n}</p>" + figure(image) for n, image in enumerate(images)
            ),
            authors=[make_author(f"Author {n}") for n in range(authors)],
            tags=[f"tag-{figures}-{n}" for n in range(tags)],
        )
        for _ in range(related):
            make_article(section=article.section, tags=[f"tag-{figures}-0"])
        return article

    small = build(figures=1, authors=1, tags=1, related=1)
    large = build(figures=8, authors=4, tags=6, related=7)

    # article (with section, featured credit and whether it has corrections), bylines,
    # tags, body images, every picture's renditions, related; the sections come from
    # the cache, and the corrections only for a story that has some
    for article in (small, large):
        client.get(article.get_absolute_url())  # makes the renditions
        with django_assert_num_queries(6):
            response = client.get(article.get_absolute_url())
        assert response.status_code == 200
    assert response.content.decode().count('<figure class="figure">') == 8
