"""Search engines and share cards: every public page's canonical address, title,
description, Open Graph and Twitter card tags, robots directive and JSON-LD, read back
from the HTML as a crawler reads it."""

import json
from datetime import UTC, datetime, timedelta

import lxml.html
import PIL.Image
import pytest
import time_machine
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from articles import previews, renditions
from articles.models import Article, Correction
from tests.helpers import figure, image_bytes, upload

SITE = "https://news.example.com"
SCRIPT_BREAKOUT = "</script><script>alert(1)</script><!-- x"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.NEWSROOM_SITE_URL = SITE
    settings.NEWSROOM_SITE_DESCRIPTION = ""
    settings.TIME_ZONE = "Europe/London"


class Head:
    """A page's head as crawlers and share cards read it."""

    def __init__(self, response):
        assert response.status_code == 200
        self.html = response.content.decode()
        self.doc = lxml.html.fromstring(response.content)

    def values(self, attribute: str, key: str) -> list[str]:
        return self.doc.xpath(f'//head/meta[@{attribute}="{key}"]/@content')

    def meta(self, key: str) -> str | None:
        """The content of the one meta tag named (or with the property) `key`."""
        found = self.values("name", key) + self.values("property", key)
        assert len(found) <= 1, f"{key} appears {len(found)} times"
        return found[0] if found else None

    @property
    def title(self) -> str:
        return self.doc.findtext(".//head/title")

    @property
    def canonical(self) -> str | None:
        found = self.doc.xpath('//head/link[@rel="canonical"]/@href')
        return found[0] if found else None

    @property
    def json_ld(self) -> list[dict]:
        return [
            json.loads(script.text)
            for script in self.doc.xpath('//script[@type="application/ld+json"]')
        ]

    def structured(self, kind: str) -> dict:
        (found,) = [data for data in self.json_ld if data["@type"] == kind]
        return found


def get_head(client, path: str) -> Head:
    return Head(client.get(path))


def crop_url(image, ratio="16:9") -> str:
    return SITE + renditions.crops_for(image)[ratio].file.url


@pytest.fixture
def make_wide_image(make_image):
    """A 1600 × 900 picture: its crops are 1200 × 675, 1200 × 900 and 900 × 900."""
    return lambda **fields: make_image(
        file=upload(content=image_bytes((1600, 900))), **fields
    )


@pytest.fixture
def credited(make_wide_image, make_agency, make_photographer):
    """Pictures credited fully, partly, and hardly at all."""
    agency = make_agency(
        "AP Images",
        url="https://apimages.example",
        default_copyright_notice="© AP",
        acquire_licence_url="https://apimages.example/licensing",
    )
    return {
        "full": make_wide_image(
            alt_text="Crowds fill the harbour front",
            caption="Default caption",
            photographer=make_photographer(
                "Hassan Ammar", agency=agency, url="https://hassan.example"
            ),
            copyright_notice="© 2026 Hassan Ammar",
            licence_url="https://example.com/licence",
        ),
        "agency": make_wide_image(caption="Wire picture", agency=agency),
        "sparse": make_wide_image(caption="", credit_text="Handout"),
    }


@pytest.fixture
def story(make_article, make_section, make_author, credited):
    """A story with everything a page's head can show."""
    # Made with the clock stopped, so however slow the machine its saves all fall within
    # the minute after publication that does not count as an update.
    with time_machine.travel(timezone.now(), tick=False):
        return _story(make_article, make_section, make_author, credited)


def _story(make_article, make_section, make_author, credited):
    return make_article(
        headline="Harbour wall rebuilt",
        slug="harbour-wall-rebuilt",
        standfirst="Work starts in September.",
        body="<p>The council voted on Tuesday.</p>",
        section=make_section(name="Politics", slug="politics"),
        featured_image=credited["full"],
        featured_caption="Crowds at the harbour on Tuesday",
        authors=[
            make_author("Ada Reporter", slug="ada"),
            make_author("Ben Writer", slug="ben", url="https://ben.example"),
        ],
        tags=["Floods", "Council"],
        # Not long enough ago for a save to count as an update (see Article.was_updated).
        published_at=timezone.now() - timedelta(seconds=10),
    )


# Article pages ---------------------------------------------------------------------


def test_article_page_carries_every_share_and_search_tag(client, story):
    path = story.get_absolute_url()
    url = SITE + path
    published = timezone.localtime(story.published_at).isoformat(timespec="seconds")

    head = get_head(client, path)

    assert head.title == "Harbour wall rebuilt | The Daily Test"
    assert head.canonical == url
    expected = {
        "description": "Work starts in September.",
        "robots": "max-image-preview:large",
        "og:site_name": "The Daily Test",
        "og:type": "article",
        "og:title": "Harbour wall rebuilt",
        "og:description": "Work starts in September.",
        "og:url": url,
        "og:locale": "en_GB",
        "og:image": crop_url(story.featured_image),
        "og:image:type": "image/jpeg",
        "og:image:width": "1200",
        "og:image:height": "675",
        "og:image:alt": "Crowds fill the harbour front",
        "article:published_time": published,
        "article:modified_time": published,
        "article:section": "Politics",
        "twitter:card": "summary_large_image",
        "twitter:title": "Harbour wall rebuilt",
        "twitter:description": "Work starts in September.",
        "twitter:image": crop_url(story.featured_image),
        "twitter:image:alt": "Crowds fill the harbour front",
    }
    assert {key: head.meta(key) for key in expected} == expected
    assert sorted(head.values("property", "article:tag")) == ["Council", "Floods"]


def test_og_image_is_an_absolute_crop_rendition_never_the_original(client, story):
    head = get_head(client, story.get_absolute_url())

    image = story.featured_image
    crop = image.renditions.get(crop="16:9")
    assert head.meta("og:image") == f"{SITE}/media/{crop.file.name}"
    assert crop.file.name.startswith("renditions/")
    assert (crop.width_px, crop.height_px) == (1200, 675)
    assert image.file.name not in head.html


@pytest.mark.parametrize(
    ("fields", "title", "description"),
    [
        (
            {"seo_title": "Sea wall: the vote", "seo_description": "What it costs."},
            "Sea wall: the vote",
            "What it costs.",
        ),
        ({}, "Harbour wall rebuilt", "Work starts in September."),
        ({"standfirst": ""}, "Harbour wall rebuilt", "The council voted on Tuesday."),
    ],
    ids=["seo-fields", "headline-and-standfirst", "first-paragraph"],
)
def test_title_and_description_fall_back_from_seo_fields(
    client, make_article, fields, title, description
):
    article = make_article(
        **{
            "headline": "Harbour wall rebuilt",
            "standfirst": "Work starts in September.",
            "body": "<h2>Background</h2><p>The council voted on <em>Tuesday</em>.</p>"
            "<p>More.</p>",
        }
        | fields
    )

    head = get_head(client, article.get_absolute_url())

    assert head.title == f"{title} | The Daily Test"
    assert [head.meta(key) for key in ("og:title", "twitter:title")] == [title] * 2
    assert [
        head.meta(key)
        for key in ("description", "og:description", "twitter:description")
    ] == [description] * 3
    assert head.structured("NewsArticle")["description"] == description


def test_a_long_first_paragraph_is_cut_to_300_characters(client, make_article):
    words = " ".join(["harbour"] * 100)
    article = make_article(standfirst="", body=f"<p>{words}</p>")

    description = get_head(client, article.get_absolute_url()).meta("description")

    assert len(description) == 300
    assert description == words[:299] + "…"


def test_expired_featured_image_is_on_no_card_and_in_no_structured_data(
    client, make_article, make_image
):
    yesterday = timezone.localdate() - timedelta(days=1)
    image = make_image(rights_expire_on=yesterday, credit_text="Wire")
    article = make_article(featured_image=image)

    head = get_head(client, article.get_absolute_url())

    for key in ("og:image", "og:image:alt", "twitter:image", "twitter:image:alt"):
        assert head.meta(key) is None, key
    assert head.meta("twitter:card") == "summary"
    assert "image" not in head.structured("NewsArticle")
    assert "/media/renditions/" not in head.html


def test_image_alt_text_is_escaped_in_the_card_tags(client, make_article, make_image):
    alt = 'Sign reads "Keep out" & <closed>'
    article = make_article(featured_image=make_image(alt_text=alt, credit_text="W"))

    head = get_head(client, article.get_absolute_url())

    assert head.meta("og:image:alt") == head.meta("twitter:image:alt") == alt
    # Escaped, whichever entities the templates use: no raw quote ends the attribute.
    assert '"Keep out"' not in head.html
    assert "<closed>" not in head.html


# JSON-LD NewsArticle ---------------------------------------------------------------


@pytest.fixture
def dated_story(story):
    """`story` published at 09:30 UTC on 1 July 2025 (10:30 in London, summer time),
    edited half an hour later, corrected the next morning and updated after that."""
    story.published_at = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
    with time_machine.travel(datetime(2025, 7, 1, 10, 0, tzinfo=UTC)):
        story.save()
    Correction.objects.create(
        article=story,
        text="An earlier version misnamed the council leader.",
        created_at=datetime(2025, 7, 2, 8, 0, tzinfo=UTC),
    )
    Correction.objects.create(
        article=story,
        kind=Correction.Kind.UPDATE,
        text="Adds the vote count.",
        created_at=datetime(2025, 7, 2, 7, 0, tzinfo=UTC),
    )
    return story


def test_news_article_structured_data_has_every_property(client, dated_story):
    path = dated_story.get_absolute_url()
    url = SITE + path

    head = get_head(client, path)

    data = head.structured("NewsArticle")
    assert sorted(data.pop("keywords")) == ["Council", "Floods"]
    image = dated_story.featured_image
    credit = {
        "caption": "Crowds at the harbour on Tuesday",
        "creditText": "Hassan Ammar/AP Images",
        "creator": {
            "@type": "Person",
            "name": "Hassan Ammar",
            "url": "https://hassan.example",
        },
        "copyrightNotice": "© 2026 Hassan Ammar",
        "license": "https://example.com/licence",
        "acquireLicensePage": "https://apimages.example/licensing",
    }
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour wall rebuilt",
        "description": "Work starts in September.",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": "2025-07-01T10:30:00+01:00",
        # The page's "Updated" time: the correction, later than the last edit.
        "dateModified": "2025-07-02T09:00:00+01:00",
        "inLanguage": "en-gb",
        "author": [
            {"@type": "Person", "name": "Ada Reporter", "url": f"{SITE}/authors/ada/"},
            {
                "@type": "Person",
                "name": "Ben Writer",
                "url": f"{SITE}/authors/ben/",
                "sameAs": "https://ben.example",
            },
        ],
        "publisher": {
            "@type": "Organization",
            "name": "The Daily Test",
            "url": f"{SITE}/",
            "logo": {
                "@type": "ImageObject",
                "url": f"{SITE}/static/articles/publisher-logo.png",
                "width": 512,
                "height": 512,
            },
        },
        "articleSection": "Politics",
        "image": [
            {
                "@type": "ImageObject",
                "contentUrl": crop_url(image, ratio),
                "url": crop_url(image, ratio),
                "width": width,
                "height": height,
                **credit,
            }
            for ratio, width, height in [
                ("16:9", 1200, 675),
                ("4:3", 1200, 900),
                ("1:1", 900, 900),
            ]
        ],
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": "An earlier version misnamed the council leader.",
                "datePublished": "2025-07-02T09:00:00+01:00",
            }
        ],
    }
    assert '<time datetime="2025-07-02T09:00:00+01:00">' in head.html  # "Updated"
    assert head.meta("article:modified_time") == "2025-07-02T09:00:00+01:00"


def test_publisher_logo_is_the_png_the_structured_data_describes():
    found = finders.find("articles/publisher-logo.png")

    with PIL.Image.open(found) as logo:
        assert (logo.format, logo.size) == ("PNG", (512, 512))


def test_a_logo_setting_that_is_no_picture_leaves_the_logo_out(client, story, settings):
    # An SVG is a fine static file but no picture Pillow can measure.
    settings.NEWSROOM_PUBLISHER_LOGO = "articles/favicon.svg"

    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    data = Head(response).structured("NewsArticle")
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "The Daily Test",
        "url": f"{SITE}/",
    }


def test_never_updated_story_is_modified_when_published(client, story):
    data = get_head(client, story.get_absolute_url()).structured("NewsArticle")

    assert data["dateModified"] == data["datePublished"]
    assert "correction" not in data


def test_edit_after_publication_is_the_modified_date(client, story):
    story.published_at = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)  # winter: +00:00
    with time_machine.travel(datetime(2025, 1, 10, 15, 0, tzinfo=UTC)):
        story.save()

    data = get_head(client, story.get_absolute_url()).structured("NewsArticle")

    assert data["datePublished"] == "2025-01-10T12:00:00+00:00"
    assert data["dateModified"] == "2025-01-10T15:00:00+00:00"


@pytest.mark.parametrize(
    ("picture", "expected"),
    [
        (
            "agency",
            {
                "caption": "Wire picture",
                "creditText": "Uncredited/AP Images",
                "creator": {
                    "@type": "Organization",
                    "name": "AP Images",
                    "url": "https://apimages.example",
                },
                "copyrightNotice": "© AP",  # the agency's default
                "acquireLicensePage": "https://apimages.example/licensing",
            },
        ),
        ("sparse", {"creditText": "Handout"}),
    ],
)
def test_image_objects_carry_only_what_is_known(
    client, make_article, credited, picture, expected
):
    image = credited[picture]
    article = make_article(featured_image=image)

    data = get_head(client, article.get_absolute_url()).structured("NewsArticle")

    crop = image.renditions.get(crop="16:9")
    assert data["image"][0] == {
        "@type": "ImageObject",
        "contentUrl": f"{SITE}/media/{crop.file.name}",
        "url": f"{SITE}/media/{crop.file.name}",
        "width": 1200,
        "height": 675,
        **expected,
    }


def test_image_licensor_url_comes_before_the_agency_licensing_page(
    client, make_article, credited
):
    image = credited["agency"]
    image.licensor_url = "https://licensor.example/buy"
    image.save()
    article = make_article(featured_image=image)

    data = get_head(client, article.get_absolute_url()).structured("NewsArticle")

    assert {item["acquireLicensePage"] for item in data["image"]} == {
        "https://licensor.example/buy"
    }


def test_story_without_byline_is_authored_by_the_publication(client, make_article):
    article = make_article()

    data = get_head(client, article.get_absolute_url()).structured("NewsArticle")

    assert data["author"] == [
        {"@type": "Organization", "name": "The Daily Test", "url": f"{SITE}/"}
    ]


def test_no_field_can_break_out_of_the_structured_data(
    client, make_article, make_image, make_section
):
    image = make_image(caption=SCRIPT_BREAKOUT, credit_text=SCRIPT_BREAKOUT)
    article = make_article(
        headline=SCRIPT_BREAKOUT,
        standfirst=SCRIPT_BREAKOUT,
        section=make_section(name=SCRIPT_BREAKOUT, slug="odd"),
        featured_image=image,
        tags=[SCRIPT_BREAKOUT],
    )

    head = get_head(client, article.get_absolute_url())

    # Only our own scripts: two data blocks and the share button's file.
    scripts = head.doc.xpath("//script")
    assert [s.get("type") or s.get("src") for s in scripts] == [
        "application/ld+json",
        "application/ld+json",
        "/static/articles/share.js",
    ]
    assert "<!--" not in head.html
    assert SCRIPT_BREAKOUT not in head.html
    data = head.structured("NewsArticle")
    assert data["headline"] == data["description"] == SCRIPT_BREAKOUT
    assert data["articleSection"] == SCRIPT_BREAKOUT
    assert data["keywords"] == [SCRIPT_BREAKOUT]
    assert data["image"][0]["caption"] == SCRIPT_BREAKOUT
    assert data["image"][0]["creditText"] == SCRIPT_BREAKOUT
    crumbs = head.structured("BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", *[SCRIPT_BREAKOUT] * 2]
    assert head.meta("og:title") == head.meta("article:section") == SCRIPT_BREAKOUT


def test_article_breadcrumbs_go_home_section_story(client, story):
    head = get_head(client, story.get_absolute_url())

    assert head.structured("BreadcrumbList") == {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{SITE}/"},
            {
                "@type": "ListItem",
                "position": 2,
                "name": "Politics",
                "item": f"{SITE}/politics/",
            },
            {
                "@type": "ListItem",
                "position": 3,
                "name": "Harbour wall rebuilt",
                "item": SITE + story.get_absolute_url(),
            },
        ],
    }


# Home and list pages ---------------------------------------------------------------


def item_urls(data: dict) -> list[tuple[int, str]]:
    return [(item["position"], item["url"]) for item in data["itemListElement"]]


def hours_ago(hours: int):
    return timezone.now() - timedelta(hours=hours)


@pytest.fixture
def stories(make_article, make_section, make_image):
    """Three live stories in one section, newest first, each with a picture, and a
    draft and a scheduled story that must appear nowhere."""
    section = make_section(
        name="Science", slug="science", description="Discoveries and research."
    )
    live = [
        make_article(
            headline=f"Live {n}",
            section=section,
            tags=["Tides"],
            featured_image=make_image(alt_text=f"Picture {n}", credit_text="W"),
            published_at=hours_ago(n + 1),
        )
        for n in range(3)
    ]
    make_article(
        headline="Draft", section=section, status=Article.Status.DRAFT, tags=["Tides"]
    )
    make_article(
        headline="Scheduled",
        section=section,
        tags=["Tides"],
        published_at=timezone.now() + timedelta(hours=1),
    )
    return live


def test_home_page_tags_and_item_list(client, stories):
    head = get_head(client, "/")

    assert head.title == "The Daily Test"
    assert head.canonical == f"{SITE}/"
    expected = {
        "description": "The latest news from The Daily Test.",
        "robots": "max-image-preview:large",
        "og:type": "website",
        "og:title": "The Daily Test",
        "og:url": f"{SITE}/",
        "og:image": crop_url(stories[0].featured_image),  # the top story's
        "og:image:alt": "Picture 0",
        "twitter:card": "summary_large_image",
        "article:published_time": None,
    }
    assert {key: head.meta(key) for key in expected} == expected
    assert item_urls(head.structured("ItemList")) == [
        (n + 1, SITE + story.get_absolute_url()) for n, story in enumerate(stories)
    ]


def test_home_description_comes_from_settings(client, stories, settings):
    settings.NEWSROOM_SITE_DESCRIPTION = "Port Callow's paper since 1851."

    head = get_head(client, "/")

    assert head.meta("description") == "Port Callow's paper since 1851."
    assert head.meta("og:description") == "Port Callow's paper since 1851."


def test_scheduled_story_joins_the_item_lists_when_its_time_comes(client, stories):
    scheduled = Article.objects.get(headline="Scheduled")
    url = SITE + scheduled.get_absolute_url()
    pages = ("/", "/science/", "/tags/tides/")

    for path in pages:
        listed = [
            u for _, u in item_urls(get_head(client, path).structured("ItemList"))
        ]
        assert url not in listed, path

    with time_machine.travel(scheduled.published_at + timedelta(minutes=1)):
        for path in pages:
            head = get_head(client, path)
            listed = [u for _, u in item_urls(head.structured("ItemList"))]
            assert listed[0] == url, path


def breadcrumb(name: str, path: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{SITE}/"},
            {"@type": "ListItem", "position": 2, "name": name, "item": SITE + path},
        ],
    }


@pytest.mark.parametrize(
    ("path", "title", "description", "crumb"),
    [
        ("/science/", "Science", "Discoveries and research.", "Science"),
        (
            "/tags/tides/",
            "Tagged “Tides”",
            "Stories tagged “Tides” from The Daily Test.",
            "Tagged “Tides”",
        ),
        ("/authors/ada/", "Ada Reporter", "Writes about the sea.", "Ada Reporter"),
    ],
    ids=["section", "tag", "author"],
)
def test_list_pages_tags_breadcrumbs_and_item_list(
    client, stories, make_author, path, title, description, crumb
):
    author = make_author("Ada Reporter", slug="ada", bio="Writes about the sea.")
    for story in stories:
        story.bylines.create(author=author)

    head = get_head(client, path)

    assert head.title == f"{title} | The Daily Test"
    assert head.canonical == SITE + path
    expected = {
        "description": description,
        "og:title": title,
        "og:description": description,
        "og:url": SITE + path,
        "og:type": "website",
        "og:image": crop_url(stories[0].featured_image),
        "twitter:title": title,
        "twitter:description": description,
        "twitter:image": crop_url(stories[0].featured_image),
        "robots": "max-image-preview:large",
    }
    assert {key: head.meta(key) for key in expected} == expected
    assert head.structured("BreadcrumbList") == breadcrumb(crumb, path)
    assert item_urls(head.structured("ItemList")) == [
        (n + 1, SITE + story.get_absolute_url()) for n, story in enumerate(stories)
    ]


@pytest.mark.parametrize(
    ("fields", "path", "description"),
    [
        (
            {"description": ""},
            "/science/",
            "The latest Science stories from The Daily Test.",
        ),
        ({"bio": ""}, "/authors/ada/", "Stories by Ada Reporter for The Daily Test."),
    ],
    ids=["section", "author"],
)
def test_list_page_without_its_own_text_says_what_it_lists(
    client, make_article, make_section, make_author, fields, path, description
):
    if "bio" in fields:
        make_article(authors=[make_author("Ada Reporter", slug="ada", **fields)])
    else:
        make_article(section=make_section(name="Science", slug="science", **fields))

    assert get_head(client, path).meta("description") == description


def test_later_pages_keep_their_page_in_canonical_title_and_positions(
    client, stories, settings
):
    settings.NEWSROOM_PAGE_SIZE = 2

    head = get_head(client, "/science/?page=2&utm_source=x")

    assert head.canonical == f"{SITE}/science/?page=2"
    assert head.meta("og:url") == f"{SITE}/science/?page=2"
    assert head.title == "Science (page 2) | The Daily Test"
    assert head.meta("og:title") == "Science (page 2)"
    assert item_urls(head.structured("ItemList")) == [
        (3, SITE + stories[2].get_absolute_url())
    ]
    assert head.meta("og:image") == crop_url(stories[2].featured_image)
    # Page 1 is the page itself, without a query.
    assert get_head(client, "/science/?page=1").canonical == f"{SITE}/science/"


def test_list_skips_an_expired_picture_for_the_next_story_with_one(client, stories):
    top = stories[0].featured_image
    top.rights_expire_on = timezone.localdate() - timedelta(days=1)
    top.save()

    head = get_head(client, "/science/")

    assert head.meta("og:image") == crop_url(stories[1].featured_image)
    assert head.meta("og:image:alt") == "Picture 1"


def test_empty_section_has_no_picture_and_no_item_list(client, make_section):
    make_section(name="Empty", slug="empty")

    head = get_head(client, "/empty/")

    assert head.meta("og:image") is None
    assert head.meta("twitter:card") == "summary"
    assert [data["@type"] for data in head.json_ld] == ["BreadcrumbList"]


# Previews --------------------------------------------------------------------------


def test_shared_preview_is_noindex_and_claims_no_public_address(client, story):
    story.status, story.published_at = Article.Status.DRAFT, None
    story.save()
    link = previews.share(story, user=None)

    head = get_head(
        client, reverse("articles:preview", args=[previews.token_for(link)])
    )

    assert head.meta("robots") == "noindex, nofollow"
    assert head.title == "Preview: Harbour wall rebuilt | The Daily Test"
    assert head.canonical is None
    assert head.json_ld == []
    assert not head.doc.xpath('//meta[starts-with(@property, "og:")]')
    assert not head.doc.xpath('//meta[starts-with(@name, "twitter:")]')
    assert SITE + story.get_absolute_url() not in head.html


def test_staff_preview_is_noindex(admin_client, story):
    response = admin_client.get(
        reverse("admin:articles_article_preview", args=[story.pk])
    )

    head = Head(response)
    assert head.title == "Preview: Harbour wall rebuilt | The Daily Test"
    assert head.meta("robots") == "noindex, nofollow"
    assert head.canonical is None
    assert head.json_ld == []


# Query budget ----------------------------------------------------------------------


@pytest.fixture
def crowded(make_article, make_section, make_author, credited):
    """Stories with everything the head shows: pictures, bylines, tags, corrections."""
    section = make_section(name="Busy", slug="busy")
    author = make_author("Many Bylines", slug="many")
    articles = []
    for n in range(12):
        article = make_article(
            section=section,
            featured_image=credited["full" if n % 2 else "agency"],
            body=figure(credited["sparse"]) + "<p>Text.</p>",
            authors=[author, make_author(f"Other {n}")],
            tags=["crowd", f"t{n}"],
            published_at=hours_ago(n + 1),
        )
        Correction.objects.create(article=article, text=f"Fixed {n}.")
        articles.append(article)
    return articles


@pytest.mark.parametrize(
    ("page", "budget"),
    [("article", 7), ("home", 8), ("section", 6), ("tag", 7), ("author", 6)],
)
@pytest.mark.usefixtures("page_cache_off")
def test_share_tags_and_structured_data_cost_no_query(
    client, crowded, django_assert_num_queries, page, budget
):
    path = {
        "article": crowded[0].get_absolute_url(),
        "home": "/",
        "section": "/busy/",
        "tag": "/tags/crowd/",
        "author": "/authors/many/",
    }[page]
    client.get(path)  # makes the renditions

    with django_assert_num_queries(budget):
        head = get_head(client, path)

    assert head.meta("og:image").startswith(f"{SITE}/media/renditions/")
    assert head.json_ld
