"""Sitemaps and robots.txt: what search engines are told about, validated against the
sitemaps.org and Google schemas, and never a story, tag, author or picture readers may
not see."""

import os
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from lxml import etree

from articles import services, sitemaps
from articles.models import Article, Correction
from tests.helpers import figure, image_bytes, upload

pytest_plugins = ["tests.roles"]

LONDON = ZoneInfo("Europe/London")
# The schemas live beside the project (see SOURCES.md there), not in it.
SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "xsd"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
LIST_SITEMAPS = ["/sitemap-sections.xml", "/sitemap-tags.xml", "/sitemap-authors.xml"]


@pytest.fixture(scope="session")
def schemas():
    files = {"index": "siteindex.xsd", "urlset": "urlset-with-extensions.xsd"}
    if not all((SCHEMAS / name).exists() for name in files.values()):
        message = (
            f"The sitemap schemas are missing: expected {', '.join(files.values())} "
            f"in {SCHEMAS} (the shared folder beside the project; see SOURCES.md there)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        kind: etree.XMLSchema(etree.parse(str(SCHEMAS / name)))
        for kind, name in files.items()
    }


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return etree.fromstring(response.content)


def locs(client, path) -> list[str]:
    return xml(client.get(path)).xpath("/sm:urlset/sm:url/sm:loc/text()", namespaces=NS)


def url_entry(root, loc):
    (entry,) = root.xpath("sm:url[sm:loc = $loc]", namespaces=NS, loc=loc)
    return entry


def text_of(element, path) -> list[str]:
    return element.xpath(f"{path}/text()", namespaces=NS)


def absolute(obj) -> str:
    return f"http://testserver{obj.get_absolute_url()}"


@pytest.fixture
def story(make_article, make_image, make_author, make_agency, make_photographer):
    """A story with a featured picture (also used again in the body) and one more in
    the body, a byline and a tag."""
    agency = make_agency("AP Images")
    featured = make_image(
        file=upload(content=image_bytes(size=(2400, 1600))),
        caption="Crowds fill the square",
        photographer=make_photographer("Hassan Ammar"),
        agency=agency,
        licence_url="https://example.org/licence?id=7&lang=en",
    )
    inline = make_image(caption="Boats in the harbour", agency=agency)
    return make_article(
        headline="Harbour reopens",
        featured_image=featured,
        body="<p>One.</p>" + figure(inline, "Boats at dawn") + figure(featured),
        authors=[make_author("Jane Reporter")],
        tags=["harbour"],
    )


# Schemas


def test_sitemap_index_lists_every_sitemap_and_passes_the_schema(
    client, story, schemas
):
    root = xml(client.get("/sitemap.xml"))

    schemas["index"].assertValid(root)
    assert root.xpath("/sm:sitemapindex/sm:sitemap/sm:loc/text()", namespaces=NS) == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-tags.xml",
        "http://testserver/sitemap-authors.xml",
    ]
    for loc in root.xpath("//sm:loc/text()", namespaces=NS):
        assert client.get(urlsplit(loc).path).status_code == 200


def test_the_index_leaves_out_sitemaps_with_nothing_to_list(
    client, make_article, schemas
):
    # A site whose only story is a draft: no story, tag or author page to list, and
    # the schema allows no empty sitemap.
    make_article(status=Article.Status.DRAFT, tags=["embargoed"])

    root = xml(client.get("/sitemap.xml"))

    schemas["index"].assertValid(root)
    locations = root.xpath("//sm:loc/text()", namespaces=NS)
    assert locations == ["http://testserver/sitemap-sections.xml"]
    schemas["urlset"].assertValid(xml(client.get("/sitemap-sections.xml")))


def test_a_new_site_lists_its_front_page_and_no_empty_sitemap(client, db, schemas):
    index = xml(client.get("/sitemap.xml"))

    schemas["index"].assertValid(index)
    assert index.xpath("//sm:loc/text()", namespaces=NS) == [
        "http://testserver/sitemap-sections.xml"
    ]
    sections = xml(client.get("/sitemap-sections.xml"))
    schemas["urlset"].assertValid(sections)
    assert locs(client, "/sitemap-sections.xml") == ["http://testserver/"]
    for path in ("/sitemap-articles.xml", "/sitemap-tags.xml", "/sitemap-authors.xml"):
        assert client.get(path).status_code == 404, path


def test_the_front_page_comes_first_changed_with_the_newest_story(
    client, make_article, make_section
):
    make_section(name="Weather", slug="weather")
    with time_machine.travel(datetime(2026, 5, 1, 9, 0, tzinfo=LONDON), tick=False):
        make_article(headline="Older")
    with time_machine.travel(datetime(2026, 5, 3, 9, 0, tzinfo=LONDON), tick=False):
        make_article(headline="Newer")

    root = xml(client.get("/sitemap-sections.xml"))

    front = root.xpath("sm:url[1]", namespaces=NS)[0]
    assert text_of(front, "sm:loc") == ["http://testserver/"]
    assert text_of(front, "sm:lastmod") == ["2026-05-03T09:00:00+01:00"]
    assert "http://testserver/weather/" in locs(client, "/sitemap-sections.xml")


def test_article_sitemap_lists_the_pictures_as_renditions_and_passes_the_schema(
    client, story, schemas
):
    root = xml(client.get("/sitemap-articles.xml"))

    schemas["urlset"].assertValid(root)
    (loc,) = root.xpath("sm:url/sm:loc/text()", namespaces=NS)
    assert client.get(urlsplit(loc).path).status_code == 200  # canonical: no redirect
    entry = url_entry(root, loc)
    featured, inline = entry.xpath("image:image", namespaces=NS)  # featured once
    inline_image = story.image_uses.get(position=1).image

    def largest_jpeg(image):
        rendition = image.renditions.get(format="jpeg", crop="", width=1600)
        return f"http://testserver{rendition.file.url}"

    assert text_of(featured, "image:loc") == [largest_jpeg(story.featured_image)]
    assert text_of(featured, "image:caption") == [
        "Crowds fill the square — Featured Image by Hassan Ammar/AP Images"
    ]
    assert text_of(featured, "image:license") == [
        "https://example.org/licence?id=7&lang=en"
    ]
    assert text_of(inline, "image:loc") == [largest_jpeg(inline_image)]
    assert text_of(inline, "image:caption") == [
        "Boats in the harbour — Image by Uncredited/AP Images"
    ]
    assert text_of(inline, "image:license") == []
    assert story.featured_image.file.name.rsplit("/", 1)[-1] not in str(
        etree.tostring(root)
    )


@pytest.mark.parametrize("path", LIST_SITEMAPS)
def test_list_sitemaps_pass_the_schema_and_their_pages_open(
    client, story, schemas, path
):
    root = xml(client.get(path))

    schemas["urlset"].assertValid(root)
    for loc in root.xpath("//sm:loc/text()", namespaces=NS):
        assert client.get(urlsplit(loc).path).status_code == 200


def test_news_sitemap_passes_the_schema(client, story, schemas):
    root = xml(client.get("/sitemap-news.xml"))

    schemas["urlset"].assertValid(root)
    (news,) = root.xpath("sm:url/news:news", namespaces=NS)
    assert text_of(news, "news:title") == ["Harbour reopens"]
    assert text_of(news, "news:publication_date") == [
        timezone.localtime(story.published_at).isoformat(timespec="seconds")
    ]


# Only what readers may see


def test_drafts_stories_in_review_and_scheduled_stories_are_left_out_until_their_time(
    client, make_article, make_author
):
    live = make_article(tags=["Live topic"], authors=[make_author("Live Writer")])
    hidden = {
        stage: make_article(
            status=status,
            published_at=published_at,
            tags=[f"{stage} topic"],
            authors=[make_author(f"{stage} writer")],
        )
        for stage, status, published_at in [
            ("draft", Article.Status.DRAFT, None),
            ("review", Article.Status.REVIEW, None),
            (
                "scheduled",
                Article.Status.PUBLISHED,
                timezone.now() + timedelta(hours=1),
            ),
        ]
    }

    assert locs(client, "/sitemap-articles.xml") == [absolute(live)]
    assert locs(client, "/sitemap-news.xml") == [absolute(live)]
    assert locs(client, "/sitemap-tags.xml") == ["http://testserver/tags/live-topic/"]
    assert locs(client, "/sitemap-authors.xml") == [absolute(live.bylines.get().author)]

    scheduled = hidden["scheduled"]
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        assert absolute(scheduled) in locs(client, "/sitemap-articles.xml")
        assert absolute(scheduled) in locs(client, "/sitemap-news.xml")
        assert absolute(scheduled.bylines.get().author) in locs(
            client, "/sitemap-authors.xml"
        )
        assert locs(client, "/sitemap-tags.xml") == [
            "http://testserver/tags/live-topic/",
            "http://testserver/tags/scheduled-topic/",
        ]


def test_an_unpublished_story_leaves_every_sitemap(client, story, make_user):
    author = story.bylines.get().author
    assert absolute(author) in locs(client, "/sitemap-authors.xml")

    services.unpublish(article=story, user=make_user("editor"))

    for path in ("/sitemap-articles.xml", "/sitemap-tags.xml", "/sitemap-authors.xml"):
        assert client.get(path).status_code == 404, path
    assert locs(client, "/sitemap-news.xml") == ["http://testserver/"]
    # The section keeps its page, with nothing newer to say about it.
    (home, section) = xml(client.get("/sitemap-sections.xml")).xpath(
        "sm:url", namespaces=NS
    )
    assert text_of(section, "sm:loc") == [absolute(story.section)]
    assert text_of(section, "sm:lastmod") == []


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(2026, 3, 1, 23, 59, 59, tzinfo=LONDON), True),
        (datetime(2026, 3, 2, 0, 0, 0, tzinfo=LONDON), False),
    ],
)
def test_a_picture_whose_rights_expired_leaves_the_sitemap_and_its_story_stays(
    client, make_article, make_image, make_agency, moment, shown
):
    agency = make_agency("Rights Ltd")
    with time_machine.travel(datetime(2026, 2, 1, tzinfo=LONDON), tick=False):
        expiring = {"agency": agency, "rights_expire_on": date(2026, 3, 1)}
        article = make_article(
            featured_image=make_image(caption="Expiring featured", **expiring),
            body=figure(make_image(caption="Expiring inline", **expiring))
            + figure(make_image(caption="Lasting inline", agency=agency)),
        )

    with time_machine.travel(moment, tick=False):
        root = xml(client.get("/sitemap-articles.xml"))

    captions = text_of(url_entry(root, absolute(article)), "image:image/image:caption")
    expected = ["Lasting inline — Image by Uncredited/Rights Ltd"]
    if shown:
        expected = [
            "Expiring featured — Featured Image by Uncredited/Rights Ltd",
            "Expiring inline — Image by Uncredited/Rights Ltd",
            *expected,
        ]
    assert captions == expected


def test_every_section_is_listed_and_only_tags_and_authors_with_a_published_story(
    client, make_section, make_article, make_author
):
    empty = make_section(name="Weather", slug="weather")
    make_article(
        status=Article.Status.DRAFT,
        published_at=None,
        section=empty,
        tags=["Secret merger"],
        authors=[make_author("Embargoed Writer")],
    )

    assert locs(client, "/sitemap-sections.xml") == [
        "http://testserver/",
        absolute(empty),
    ]
    assert client.get("/sitemap-tags.xml").status_code == 404
    assert client.get("/sitemap-authors.xml").status_code == 404


# The news sitemap


@pytest.mark.parametrize(
    ("age", "listed"),
    [
        (timedelta(days=3), False),
        (timedelta(days=2, seconds=1), False),
        (timedelta(days=2), True),
        (timedelta(days=1), True),
    ],
)
def test_news_sitemap_lists_stories_of_the_last_two_days(
    client, make_article, age, listed
):
    now = datetime(2026, 5, 10, 12, 0, tzinfo=LONDON)
    with time_machine.travel(now, tick=False):
        article = make_article(published_at=now - age)

        assert (absolute(article) in locs(client, "/sitemap-news.xml")) is listed
        assert absolute(article) in locs(client, "/sitemap-articles.xml")


def test_a_quiet_news_sitemap_lists_the_front_page_alone_and_stays_valid(
    client, make_article, schemas
):
    now = datetime(2026, 5, 10, 12, 0, tzinfo=LONDON)
    with time_machine.travel(now, tick=False):
        make_article(headline="Last week", published_at=now - timedelta(days=7))

        root = xml(client.get("/sitemap-news.xml"))

    schemas["urlset"].assertValid(root)
    assert root.xpath("//sm:loc/text()", namespaces=NS) == ["http://testserver/"]
    assert not root.xpath("//news:news", namespaces=NS)


def test_news_sitemap_lists_at_most_its_limit_newest_first(
    client, make_article, monkeypatch
):
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
    now = timezone.now()
    stories = [make_article(published_at=now - timedelta(hours=n)) for n in range(5)]

    assert locs(client, "/sitemap-news.xml") == [absolute(a) for a in stories[:3]]


@pytest.mark.parametrize(
    ("language_code", "news_language"),
    [
        ("en-gb", "en"),
        ("de", "de"),
        ("pt-br", "pt"),
        ("zh-hans", "zh-cn"),
        ("zh-hant", "zh-tw"),
        ("zh-hk", "zh-tw"),
    ],
)
def test_news_sitemap_names_the_publication_and_its_language_from_settings(
    client, story, settings, schemas, language_code, news_language
):
    settings.NEWSROOM_SITE_NAME = "Harbour & Hill <Gazette>"
    settings.LANGUAGE_CODE = language_code

    root = xml(client.get("/sitemap-news.xml"))

    schemas["urlset"].assertValid(root)
    publication = root.xpath("//news:publication", namespaces=NS)[0]
    assert text_of(publication, "news:name") == ["Harbour & Hill <Gazette>"]
    assert text_of(publication, "news:language") == [news_language]


def test_headlines_and_captions_with_markup_and_control_characters_stay_well_formed(
    client, make_article, make_image, schemas
):
    article = make_article(
        headline="Tom & Jerry <b>live</b>\x0bat the \x01pier",
        featured_image=make_image(caption="Café\x0c“quotes” & <tags>"),
    )

    news = xml(client.get("/sitemap-news.xml"))
    articles = xml(client.get("/sitemap-articles.xml"))

    schemas["urlset"].assertValid(news)
    schemas["urlset"].assertValid(articles)
    assert news.xpath("//news:title/text()", namespaces=NS) == [
        "Tom & Jerry <b>live</b> at the pier"
    ]
    (caption,) = text_of(
        url_entry(articles, absolute(article)), "image:image/image:caption"
    )
    assert caption.split() == ["Café", "“quotes”", "&", "<tags>"]


# Addresses and dates


def test_addresses_use_the_site_url_when_it_is_set(client, story, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.org/"
    site = "https://news.example.org/"

    index = xml(client.get("/sitemap.xml"))
    articles = xml(client.get("/sitemap-articles.xml"))
    robots = client.get("/robots.txt").content.decode()

    every_address = [
        *index.xpath("//sm:loc/text()", namespaces=NS),
        *articles.xpath("//sm:loc/text() | //image:loc/text()", namespaces=NS),
        *locs(client, "/sitemap-news.xml"),
        *(locs(client, path)[0] for path in LIST_SITEMAPS),
    ]
    assert len(every_address) == 11
    assert all(address.startswith(site) for address in every_address), every_address
    assert f"Sitemap: {site}sitemap.xml\nSitemap: {site}sitemap-news.xml" in robots
    assert "testserver" not in robots


def test_articles_are_paged_oldest_first_and_the_index_lists_every_page(
    client, make_article, monkeypatch
):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    now = timezone.now()
    newest, middle, oldest = (
        make_article(published_at=now - timedelta(hours=n)) for n in (1, 2, 3)
    )

    index = xml(client.get("/sitemap.xml"))

    assert index.xpath("//sm:loc/text()", namespaces=NS)[:2] == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-articles.xml?p=2",
    ]
    assert locs(client, "/sitemap-articles.xml") == [absolute(oldest), absolute(middle)]
    assert locs(client, "/sitemap-articles.xml?p=2") == [absolute(newest)]
    for page in ("3", "0", "two"):
        assert client.get(f"/sitemap-articles.xml?p={page}").status_code == 404


def test_an_unknown_sitemap_is_404(client, db):
    assert client.get("/sitemap-drafts.xml").status_code == 404


def test_lastmod_follows_publication_edits_and_corrections(client, make_article):
    def lastmods():
        index = xml(client.get("/sitemap.xml"))
        return {
            "index": text_of(index, "sm:sitemap[1]/sm:lastmod")[0],
            "article": text_of(
                xml(client.get("/sitemap-articles.xml")), "sm:url/sm:lastmod"
            )[0],
            "section": text_of(
                xml(client.get("/sitemap-sections.xml")), "sm:url/sm:lastmod"
            )[0],
        }

    written, published, edited, corrected = (
        datetime(2026, 6, 1, hour, 0, tzinfo=LONDON) for hour in (8, 9, 10, 11)
    )
    with time_machine.travel(written, tick=False):  # scheduled while it was written
        article = make_article(published_at=published)
    with time_machine.travel(published + timedelta(minutes=5), tick=False):
        assert lastmods() == dict.fromkeys(
            ["index", "article", "section"], "2026-06-01T09:00:00+01:00"
        )
    with time_machine.travel(edited, tick=False):
        article.standfirst = "What happened, put better."
        article.save()
        assert lastmods() == dict.fromkeys(
            ["index", "article", "section"], "2026-06-01T10:00:00+01:00"
        )
    with time_machine.travel(corrected, tick=False):
        Correction.objects.create(article=article, text="We misspelt a name.")
        # The section page shows no corrections: only the story's entry moves.
        assert lastmods() == {
            "index": "2026-06-01T11:00:00+01:00",
            "article": "2026-06-01T11:00:00+01:00",
            "section": "2026-06-01T10:00:00+01:00",
        }


# robots.txt


def test_robots_txt_allows_all_but_previews_and_search_and_names_both_sitemaps(
    client, db, settings
):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /preview/\n"
        "Disallow: /search/\n"
        "\n"
        "Sitemap: http://testserver/sitemap.xml\n"
        "Sitemap: http://testserver/sitemap-news.xml\n"
    )
    assert settings.ADMIN_URL.strip("/") not in response.content.decode()
    for line in response.content.decode().splitlines():
        if line.startswith("Sitemap: "):
            assert (
                client.get(urlsplit(line.removeprefix("Sitemap: ")).path).status_code
                == 200
            )


# Speed


@pytest.fixture
def newsroom(make_article, make_image, make_author):
    """`newsroom(n)` adds n stories, each with a featured picture, two in the body, a
    byline and a tag, published an hour apart."""

    def small_image():
        return make_image(file=upload(content=image_bytes(size=(300, 200))))

    def add(count):
        for n in range(count):
            make_article(
                featured_image=small_image(),
                body=figure(small_image()) + figure(small_image()),
                authors=[make_author(f"Writer {n}")],
                tags=[f"topic-{count}-{n}"],
                published_at=timezone.now() - timedelta(hours=n + 1),
            )

    return add


# index: pages and newest change of each sitemap (the front page's with the sections');
# articles: count, page, bylines, tags, body pictures, every picture's renditions;
# lists: count, page (sections: the front page's change and the list); news: page
QUERY_BUDGET = {
    "/sitemap.xml": 9,
    "/sitemap-articles.xml": 6,
    "/sitemap-sections.xml": 2,
    "/sitemap-tags.xml": 2,
    "/sitemap-authors.xml": 2,
    "/sitemap-news.xml": 1,
    "/robots.txt": 0,
}


@pytest.mark.parametrize("path", QUERY_BUDGET)
@pytest.mark.usefixtures("page_cache_off")
def test_sitemaps_run_a_fixed_number_of_queries(
    client, newsroom, django_assert_num_queries, path
):
    for count in (1, 6):
        newsroom(count)
        client.get("/sitemap-articles.xml")  # makes the renditions
        with django_assert_num_queries(QUERY_BUDGET[path]):
            assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", [*QUERY_BUDGET])
def test_an_unchanged_sitemap_answers_304_and_a_changed_one_answers_in_full(
    client, make_article, make_section, make_author, path
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        make_article(tags=["first"], authors=[make_author("First Writer")])
        etag = client.get(path)["ETag"]

        unchanged = client.get(path, headers={"if-none-match": etag})

    assert unchanged.status_code == 304
    assert unchanged.content == b""

    with time_machine.travel(start + timedelta(hours=1), tick=False):
        make_article(
            section=make_section(),
            tags=["second"],
            authors=[make_author("Second Writer")],
        )
        changed = client.get(path, headers={"if-none-match": etag})

    assert changed.status_code == (304 if path == "/robots.txt" else 200)
