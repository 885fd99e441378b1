"""RSS and Atom feeds: what a feed reader gets (parsed with feedparser, Media RSS read
from the XML), which stories, and the page heads that name the feeds."""

import calendar
import html
import re
from datetime import UTC, datetime, time, timedelta

import feedparser
import pytest
import time_machine
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.http import parse_http_date
from lxml import etree

from articles import renditions
from articles.models import Article, Correction
from tests.helpers import figure, upload

MEDIA = "http://search.yahoo.com/mrss/"
KINDS = ("latest", "section", "tag", "author")
FORMATS = ("rss", "atom")


@pytest.fixture
def newsroom(
    make_section, make_author, make_agency, make_photographer, make_image, make_article
):
    """One story with two bylines, tags, a featured picture and one in its body."""
    section = make_section(name="World", slug="world")
    agency = make_agency("AP Images")
    photographer = make_photographer("Hassan Ammar", agency=agency)
    featured = make_image(
        file=upload("harbour-original.jpg"),
        photographer=photographer,
        caption="Boats in the harbour at dawn.",
    )
    inline = make_image(
        file=upload("inline-original.jpg"),
        alt_text="A fishing boat unloads",
        agency=agency,
    )
    first, second = make_author("Jane Reporter"), make_author("Sam Writer")
    article = make_article(
        headline="Harbour reopens",
        standfirst="The harbour is open again.",
        body='<p>See <a href="/world/">more news</a>.</p>'
        + figure(inline, "The first catch")
        + "<p>The end.</p>",
        section=section,
        featured_image=featured,
        authors=[first, second],
        tags=["Harbour", "Boats"],
    )
    return {
        "article": article,
        "featured": featured,
        "inline": inline,
        "paths": {
            "latest": "/feed/",
            "section": "/world/feed/",
            "tag": "/tags/harbour/feed/",
            "author": f"/authors/{first.slug}/feed/",
        },
    }


def feed_path(newsroom, kind, feed_format="rss"):
    path = newsroom["paths"][kind]
    return path + "atom/" if feed_format == "atom" else path


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def media_contents(client, path) -> list[dict]:
    """Each item's media:content: its attributes, credit (with role) and description."""
    root = etree.fromstring(client.get(path).content)
    found = []
    for element in root.iter(f"{{{MEDIA}}}content"):
        credit = element.find(f"{{{MEDIA}}}credit")
        description = element.find(f"{{{MEDIA}}}description")
        found.append(
            {
                **element.attrib,
                "credit": credit.text,
                "credit_role": credit.get("role"),
                "description": None if description is None else description.text,
            }
        )
    return found


def contents(response) -> list[str]:
    """Each item's full body (RSS content:encoded, Atom content) as sent."""
    root = etree.fromstring(response.content)
    return [
        element.text
        for element in root.iter(
            "{http://purl.org/rss/1.0/modules/content/}encoded",
            "{http://www.w3.org/2005/Atom}content",
        )
    ]


def jpeg_960(image):
    return renditions.renditions_for(image)[(960, "jpeg", "")]


@pytest.mark.parametrize("feed_format", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_feed_parses_and_carries_the_story(client, newsroom, kind, feed_format):
    feed = parse(client, feed_path(newsroom, kind, feed_format))

    assert feed.version == ("rss20" if feed_format == "rss" else "atom10")
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/world/"
        + timezone.localtime(newsroom["article"].published_at).strftime("%Y/%m/%d")
        + f"/{newsroom['article'].slug}/"
    ]
    assert (
        feed.feed.title
        == {
            "latest": "The Daily Test",
            "section": "The Daily Test: World",
            "tag": "The Daily Test: tagged “Harbour”",
            "author": "The Daily Test: Jane Reporter",
        }[kind]
    )
    assert feed.feed.language == "en-gb"
    assert (
        feed.feed.link
        == "http://testserver"
        + {
            "latest": "/",
            "section": "/world/",
            "tag": "/tags/harbour/",
            "author": newsroom["paths"]["author"].removesuffix("feed/"),
        }[kind]
    )
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == ["http://testserver" + feed_path(newsroom, kind, feed_format)]
    assert feed.feed.updated_parsed == feed.entries[0].updated_parsed


def test_items_are_newest_first_and_at_most_twenty(client, make_article, make_section):
    section = make_section(slug="news")
    now = timezone.now()
    for hours in range(22, 0, -1):
        make_article(
            headline=f"{hours} hours ago",
            section=section,
            published_at=now - timedelta(hours=hours),
        )

    for path in ("/news/feed/", "/news/feed/atom/"):
        titles = [entry.title for entry in parse(client, path).entries]
        assert titles == [f"{hours} hours ago" for hours in range(1, 21)]


@pytest.mark.parametrize("feed_format", FORMATS)
def test_dates_are_publication_and_last_correction_in_utc_with_offset(
    client, make_article, feed_format
):
    # Summer time in London: a naive or local date would be an hour out.
    published = datetime(2026, 7, 1, 8, 30, tzinfo=UTC)
    corrected = published + timedelta(days=2, hours=3)
    with time_machine.travel(published, tick=False):
        article = make_article(published_at=published)
    Correction.objects.create(
        article=article, text="A date was wrong.", created_at=corrected
    )

    response = client.get("/feed/" + ("atom/" if feed_format == "atom" else ""))
    entry = feedparser.parse(response.content).entries[0]

    assert calendar.timegm(entry.published_parsed) == published.timestamp()
    assert calendar.timegm(entry.updated_parsed) == corrected.timestamp()
    raw = response.content.decode()
    if feed_format == "rss":
        assert "<pubDate>Wed, 01 Jul 2026 08:30:00 +0000</pubDate>" in raw
        assert "<atom:updated>2026-07-03T11:30:00+00:00</atom:updated>" in raw
    else:
        assert "<published>2026-07-01T08:30:00+00:00</published>" in raw
        assert "<updated>2026-07-03T11:30:00+00:00</updated>" in raw
    # Last-Modified is when this copy of the feed was made, never its newest date:
    # see test_a_change_that_moves_no_date_is_never_hidden_behind_a_304.
    assert parse_http_date(response["Last-Modified"]) > corrected.timestamp()


def test_an_edit_long_after_publication_is_the_update_date(client, make_article):
    published = timezone.now() - timedelta(days=1)
    article = make_article(published_at=published)  # saved now: a day later

    entry = parse(client, "/feed/atom/").entries[0]

    assert calendar.timegm(entry.published_parsed) == int(published.timestamp())
    assert calendar.timegm(entry.updated_parsed) == int(article.updated_at.timestamp())


def test_authors_in_byline_order(client, newsroom):
    rss = parse(client, "/feed/").entries[0]
    atom = parse(client, "/feed/atom/").entries[0]

    assert [author.name for author in rss.authors] == ["Jane Reporter", "Sam Writer"]
    assert [(author.name, author.href) for author in atom.authors] == [
        (byline.author.name, "http://testserver" + byline.author.get_absolute_url())
        for byline in newsroom["article"].bylines.order_by("position")
    ]


def test_a_story_without_bylines_is_credited_to_the_site_in_atom(client, make_article):
    make_article()

    feed = parse(client, "/feed/atom/")

    assert feed.feed.authors == [{"name": "The Daily Test"}]
    assert "authors" not in feed.entries[0]


@pytest.mark.parametrize("feed_format", FORMATS)
def test_categories_are_the_section_and_the_tags(client, newsroom, feed_format):
    entry = parse(client, feed_path(newsroom, "latest", feed_format)).entries[0]

    assert sorted(tag.term for tag in entry.tags) == ["Boats", "Harbour", "World"]
    assert entry.tags[0].term == "World"


def test_guid_stays_when_headline_and_slug_change(client, newsroom):
    article = newsroom["article"]
    before = parse(client, "/feed/").entries[0]
    before_atom = parse(client, "/feed/atom/").entries[0]

    article.headline, article.slug = "Harbour reopens after storm", "harbour-storm"
    article.save()
    after = parse(client, "/feed/").entries[0]

    created = article.created_at.astimezone(UTC)
    assert before.id == f"tag:testserver,{created:%Y-%m-%d}:article:{article.pk}"
    assert after.id == before.id == before_atom.id
    assert before.guidislink is False
    assert after.link.endswith("/harbour-storm/")
    assert after.link != before.link
    assert 'isPermaLink="false"' in client.get("/feed/").content.decode()


def test_links_are_absolute_under_the_site_url(client, newsroom, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com"
    response = client.get("/feed/")
    feed = feedparser.parse(response.content)
    entry = feed.entries[0]

    assert feed.feed.link == "https://news.example.com/"
    assert entry.link.startswith("https://news.example.com/world/")
    assert entry.id.startswith("tag:news.example.com,")
    assert entry.enclosures[0].href.startswith(
        "https://news.example.com/media/renditions/"
    )
    content = entry.content[0].value
    assert '<a href="https://news.example.com/world/">more news</a>' in content
    sources = re.findall(r'src="([^"]+)"', content)
    assert len(sources) == 2
    assert all(
        src.startswith("https://news.example.com/media/renditions/") for src in sources
    )


@pytest.mark.parametrize("feed_format", FORMATS)
def test_featured_picture_is_the_enclosure_and_media_content(
    client, newsroom, feed_format
):
    path = feed_path(newsroom, "latest", feed_format)
    entry = parse(client, path).entries[0]
    rendition = jpeg_960(newsroom["featured"])
    url = "http://testserver" + rendition.file.url

    assert [(e.href, e.type, e.length) for e in entry.enclosures] == [
        (url, "image/jpeg", str(default_storage.size(rendition.file.name)))
    ]
    assert media_contents(client, path) == [
        {
            "url": url,
            "medium": "image",
            "type": "image/jpeg",
            "width": "960",
            "height": "640",
            "credit": "Hassan Ammar/AP Images",
            "credit_role": "photographer",
            "description": "Boats in the harbour at dawn.",
        }
    ]


def test_an_illustration_credits_an_illustrator(client, make_article, make_image):
    make_article(
        featured_image=make_image(credit_text="Ana Lopes", credit_type="illustration")
    )

    (media,) = media_contents(client, "/feed/")

    assert (media["credit"], media["credit_role"]) == ("Ana Lopes", "illustrator")


@pytest.mark.parametrize("feed_format", FORMATS)
def test_body_carries_every_picture_with_caption_and_credit_line(
    client, newsroom, feed_format
):
    response = client.get(feed_path(newsroom, "latest", feed_format))
    entry = feedparser.parse(response.content).entries[0]
    featured, inline = (jpeg_960(newsroom[name]) for name in ("featured", "inline"))

    assert entry.summary == "The harbour is open again."
    assert contents(response) == [
        f'<figure><img src="http://testserver{featured.file.url}" '
        'alt="A crowd gathers in the square" width="960" height="640">'
        "<figcaption>Boats in the harbour at dawn. — Featured Image by Hassan Ammar/AP Images"
        "</figcaption></figure>"
        '<p>See <a href="http://testserver/world/">more news</a>.</p>'
        f'<figure><img src="http://testserver{inline.file.url}" alt="A fishing boat unloads" '
        'width="960" height="640"><figcaption>The first catch — Image by Uncredited/AP Images'
        "</figcaption></figure><p>The end.</p>"
    ]
    raw = response.content.decode()
    for original in ("/originals/", "harbour-original", "inline-original", ".avif"):
        assert original not in raw


def test_summary_falls_back_to_the_first_paragraph(client, make_article):
    make_article(standfirst="", body="<h2>Heading</h2><p>Opening &amp; more.</p>")

    assert parse(client, "/feed/atom/").entries[0].summary == "Opening &amp; more."


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
@pytest.mark.parametrize("kind", KINDS)
def test_drafts_and_stories_in_review_are_absent(client, newsroom, kind, status):
    article = newsroom["article"]
    make_hidden = Article.objects.filter(pk=article.pk)
    published = parse(client, feed_path(newsroom, "latest")).entries
    assert published  # the story is there while it is published

    make_hidden.update(status=status, published_at=None)

    response = client.get(feed_path(newsroom, kind))
    if kind == "tag":  # only unpublished stories use it now: no feed at all
        assert response.status_code == 404
    else:
        assert feedparser.parse(response.content).entries == []
        assert "Harbour reopens" not in response.content.decode()


def test_scheduled_story_enters_when_its_time_comes(client, make_article):
    go_live = timezone.now() + timedelta(hours=2)
    make_article(headline="Embargoed results", published_at=go_live)

    with time_machine.travel(go_live - timedelta(seconds=1), tick=False):
        assert "Embargoed" not in client.get("/feed/").content.decode()
    with time_machine.travel(go_live, tick=False):
        titles = [entry.title for entry in parse(client, "/feed/atom/").entries]
    assert titles == ["Embargoed results"]


@pytest.mark.parametrize("feed_format", FORMATS)
def test_pictures_whose_rights_expired_are_absent(client, newsroom, feed_format):
    path = feed_path(newsroom, "latest", feed_format)
    urls = {name: jpeg_960(newsroom[name]).file.url for name in ("featured", "inline")}
    assert all(url in client.get(path).content.decode() for url in urls.values())

    yesterday = timezone.localdate() - timedelta(days=1)
    for name in ("featured", "inline"):
        newsroom[name].rights_expire_on = yesterday
        newsroom[name].save()

    response = client.get(path)
    entry = feedparser.parse(response.content).entries[0]
    raw = response.content.decode()
    assert entry.enclosures == []
    assert media_contents(client, path) == []
    assert "<figure" not in entry.content[0].value
    assert "/media/renditions/" not in raw
    assert "Hassan Ammar" not in raw
    assert "The first catch" not in raw


def test_rights_run_to_the_end_of_their_last_day(client, newsroom):
    last_day = timezone.localdate()
    newsroom["featured"].rights_expire_on = last_day
    newsroom["featured"].save()
    url = jpeg_960(newsroom["featured"]).file.url
    midnight_after = datetime.combine(
        last_day + timedelta(days=1), time(), tzinfo=timezone.get_default_timezone()
    )

    with time_machine.travel(midnight_after - timedelta(seconds=1), tick=False):
        assert url in client.get("/feed/").content.decode()
    with time_machine.travel(midnight_after, tick=False):
        assert url not in client.get("/feed/").content.decode()


def test_unpublishing_removes_the_story(client, newsroom):
    article = newsroom["article"]
    assert len(parse(client, "/world/feed/").entries) == 1

    article.status = Article.Status.DRAFT
    article.save()

    assert parse(client, "/world/feed/").entries == []


@pytest.mark.parametrize("feed_format", FORMATS)
def test_markup_in_headline_and_standfirst_is_text(client, make_article, feed_format):
    headline = '<script>alert("x")</script> Tom & Jerry\'s <b>day</b>'
    make_article(
        headline=headline,
        standfirst="<img src=x onerror=alert(1)> & friends",
        tags=["<i>odd</i>"],
    )

    response = client.get("/feed/" + ("atom/" if feed_format == "atom" else ""))
    entry = feedparser.parse(response.content).entries[0]

    raw = response.content.decode()
    assert "<script" not in raw
    assert "<img" not in raw
    assert "<i>" not in raw
    # RSS readers take the title as HTML, Atom readers (type "text") as it is.
    title = html.unescape(entry.title) if feed_format == "rss" else entry.title
    assert title == headline
    assert html.unescape(entry.summary) == "<img src=x onerror=alert(1)> & friends"


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-section/feed/",
        "/no-such-section/feed/atom/",
        "/tags/no-such-tag/feed/",
        "/tags/no-such-tag/feed/atom/",
        "/authors/no-such-author/feed/",
        "/authors/no-such-author/feed/atom/",
    ],
)
def test_unknown_section_tag_or_author_is_404(client, db, path):
    assert client.get(path).status_code == 404


def test_tag_used_only_by_drafts_has_no_feed(client, make_article):
    make_article(tags=["secret-merger"], status=Article.Status.DRAFT, published_at=None)

    for path in ("/tags/secret-merger/feed/", "/tags/secret-merger/feed/atom/"):
        assert client.get(path).status_code == 404


def test_author_and_section_without_stories_have_empty_feeds(
    client, make_author, make_section
):
    author = make_author("New Hire")
    make_section(slug="quiet")

    for path in (f"/authors/{author.slug}/feed/", "/quiet/feed/atom/"):
        assert parse(client, path).entries == []


# The stories with bylines, tags, body pictures, every picture's renditions,
# corrections; a section, tag or author feed looks that up first.
QUERY_BUDGET = {"latest": 6, "section": 7, "tag": 7, "author": 7}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.usefixtures("page_cache_off")
def test_feeds_run_a_fixed_number_of_queries(
    client, newsroom, make_article, make_image, django_assert_num_queries, kind
):
    article = newsroom["article"]
    for extra in (0, 4):
        for _ in range(extra):
            more = make_article(
                section=article.section,
                featured_image=make_image(),
                body=figure(make_image(), "A caption"),
                tags=["Harbour"],
            )
            more.bylines.create(author=article.bylines.first().author)
            Correction.objects.create(article=more, text="Fixed.")
        for feed_format in FORMATS:
            path = feed_path(newsroom, kind, feed_format)
            client.get(path)  # makes the renditions
            with django_assert_num_queries(QUERY_BUDGET[kind]):
                entries = parse(client, path).entries
            assert len(entries) == 1 + extra


def test_conditional_get_answers_304_until_a_story_is_published(
    client, newsroom, make_article
):
    etag = client.get("/feed/")["ETag"]

    assert client.get("/feed/", headers={"if-none-match": etag}).status_code == 304

    make_article(headline="Breaking")

    response = client.get("/feed/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Breaking" in response.content.decode()
    assert response["ETag"] != etag


@pytest.mark.parametrize("validator", ["etag", "last-modified"])
def test_a_change_that_moves_no_date_is_never_hidden_behind_a_304(
    client, newsroom, validator
):
    # Unpublishing leaves the feed's newest date where it was (or earlier): the ETag, a
    # hash of the feed, and the time the feed was made tell a reader's copy is old.
    client.get("/feed/")  # makes the renditions
    response = client.get("/feed/")
    asked = {
        "etag": {
            "if-none-match": response["ETag"],
            "if-modified-since": "Fri, 01 Jan 2100 00:00:00 GMT",
        },
        "last-modified": {"if-modified-since": response["Last-Modified"]},
    }[validator]
    newsroom["article"].status = Article.Status.DRAFT
    newsroom["article"].save()

    response = client.get("/feed/", headers=asked)

    assert response.status_code == 200
    assert newsroom["article"].headline not in response.content.decode()


def alternate_links(html_text: str) -> list[tuple[str, str, str]]:
    head = html_text.split("</head>")[0]
    return re.findall(
        r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', head
    )


def test_pages_name_their_feeds_in_the_head(client, newsroom):
    article = newsroom["article"]
    site = [
        ("application/rss+xml", "The Daily Test (RSS)", "http://testserver/feed/"),
        (
            "application/atom+xml",
            "The Daily Test (Atom)",
            "http://testserver/feed/atom/",
        ),
    ]
    world = [
        (
            "application/rss+xml",
            "The Daily Test: World (RSS)",
            "http://testserver/world/feed/",
        ),
        (
            "application/atom+xml",
            "The Daily Test: World (Atom)",
            "http://testserver/world/feed/atom/",
        ),
    ]
    author_path = feed_path(newsroom, "author")

    pages = {
        "/": site,
        "/world/": site + world,
        article.get_absolute_url(): site + world,
        "/tags/harbour/": site
        + [
            (
                "application/rss+xml",
                "The Daily Test: tagged “Harbour” (RSS)",
                "http://testserver/tags/harbour/feed/",
            ),
            (
                "application/atom+xml",
                "The Daily Test: tagged “Harbour” (Atom)",
                "http://testserver/tags/harbour/feed/atom/",
            ),
        ],
        author_path.removesuffix("feed/"): site
        + [
            (
                "application/rss+xml",
                "The Daily Test: Jane Reporter (RSS)",
                "http://testserver" + author_path,
            ),
            (
                "application/atom+xml",
                "The Daily Test: Jane Reporter (Atom)",
                "http://testserver" + author_path + "atom/",
            ),
        ],
    }
    for path, expected in pages.items():
        assert alternate_links(client.get(path).content.decode()) == expected, path


@pytest.mark.parametrize("feed_format", FORMATS)
def test_control_characters_pasted_into_text_are_left_out_not_an_error(
    client, make_article, make_image, feed_format
):
    # XML 1.0 cannot hold them, even escaped: one would break the whole feed. Those
    # that stand for a line break (vertical tab, form feed) become one.
    make_article(
        headline="Vertical\x0btab",
        standfirst="Form\x0cfeed",
        body="<p>Bell\x07 in the body</p>",
        featured_image=make_image(caption="Escape\x1b caption", credit_text="A\x01B"),
    )

    feed = parse(client, f"/feed/{'atom/' if feed_format == 'atom' else ''}")

    entry = feed.entries[0]
    assert entry.title == "Vertical tab"
    assert entry.summary.split() == ["Form", "feed"]
    assert "Bell in the body" in entry.content[0].value
    assert "Escape caption" in entry.content[0].value
    assert media_contents(client, "/feed/")[0]["credit"] == "AB"
