"""Stored XSS: script-injection and server-code-injection strings from the Big List of
Naughty Strings (../shared/samples/strings/blns.json), typed into every text field of a
story and everything it shows (section, tags, bylines, pictures, their photographer and
agency, corrections, internal notes), must come out of every page, feed, sitemap,
structured-data block and admin screen as text: shown where a reader expects it, and
never as anything a browser could run.

Pages legitimately carry their own scripts, styles, meta tags and forms, so a page is
judged against the same page made from a story of harmless words: whatever
`executable_markup()` finds there is the template's own, and a payload may add nothing.
"""

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.html
import pytest
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from lxml import etree

from articles.models import (
    Agency,
    Article,
    ArticleImage,
    Author,
    Byline,
    Correction,
    Image,
    InternalNote,
    Photographer,
    Section,
    Tag,
)
from tests.helpers import admin_url, executable_markup, figure, image_bytes, upload

STRINGS = Path(__file__).resolve().parents[2] / "shared" / "samples" / "strings"
BLNS = STRINGS / "blns.json"

# The BLNS sections these come from, recognised by their content (the JSON file keeps
# no headings): markup and script URLs, and template or shell syntax.
SCRIPT_INJECTION = re.compile(r"<\s*/?\s*[a-z!]|javascript:|\bon[a-z]+\s*=", re.I)
SERVER_CODE_INJECTION = re.compile(r"\{\{|\{%|\$\(|`|<\?|\$\{|%\(")

# The most dangerous distinct ones: each breaks out of a different context.
PAYLOADS = {
    "script": "<script>alert(123)</script>",
    "attribute-script": '"><script>alert(123)</script>',
    "single-quote-script": "'><script>alert(123)</script>",
    "end-script": "</script><script>alert(123)</script>",
    "end-comment": "--><script>alert(123)</script>",
    "end-textarea": "</textarea><script>alert(123)</script>",
    "img-onerror": "<img src=x onerror=alert(123) />",
    "attribute-handler": '" autofocus onkeyup="javascript:alert(123)',
    "title-handler": "<title onpropertychange=javascript:alert(1)></title><title title=>",
    "entity-javascript-url": "<a href=java&#1&#2&#3&#4&#5&#6&#7&#8&#11&#12script:javascript:alert(1)>XXX</a>",
    "conditional-comment": "<!--[if]><script>javascript:alert(1)</script -->",
    "jinja-ssti": '{{ "".__class__.__mro__[2].__subclasses__()[40]("/etc/passwd").read() }}',
}
HARMLESS = "Nothing to see here"


def naughty_strings(path: Path) -> list[str]:
    """The strings of a BLNS file: the JSON list, or the text layout (one a line, '#'
    comments and blank lines between sections) should the JSON be unreadable."""
    text = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, list):
        return [item for item in data if isinstance(item, str)]
    return [
        line
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@pytest.fixture(scope="session")
def injection_strings() -> set[str]:
    if not BLNS.exists():
        message = (
            f"The naughty strings are missing: expected {BLNS} (see NOTICE.md there)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        string
        for string in naughty_strings(BLNS)
        if SCRIPT_INJECTION.search(string) or SERVER_CODE_INJECTION.search(string)
    }


# One story graph, every text field filled -------------------------------------------

# Field → the word that starts its value, so that a leak says where it came from and a
# search can find each field on its own.
MARKERS = {
    "headline": "Headline",
    "standfirst": "Standfirst",
    "dateline": "Dateline",
    "seo_title": "Seotitle",
    "seo_description": "Seodescription",
    "featured_caption": "Featuredcaption",
    "body_text": "Bodytext",
    "body_caption": "Figurecaption",
    "featured.caption": "Featuredimagecaption",
    "featured.alt_text": "Featuredalt",
    "featured.credit_text": "Featuredcredit",
    "featured.copyright_notice": "Featuredcopyright",
    "featured.usage_terms": "Featuredusage",
    "inline.caption": "Inlineimagecaption",
    "inline.alt_text": "Inlinealt",
    "inline.copyright_notice": "Inlinecopyright",
    "inline.usage_terms": "Inlineusage",
    "photographer.name": "Photographer",
    "agency.name": "Agency",
    "agency.default_copyright_notice": "Agencycopyright",
    "author.name": "Author",
    "author.bio": "Authorbio",
    "section.name": "Section",
    "section.description": "Sectiondescription",
    "tag.name": "Tag",
    "correction.text": "Correction",
    "note.text": "Internalnote",
}
# URL fields hold valid addresses (as every form and importer requires) that carry the
# payload in their path and query.
URL_MARKERS = {
    "featured.licence_url": "featuredlicence",
    "inline.licensor_url": "inlinelicensor",
    "inline.licence_url": "inlinelicence",
    "photographer.url": "photographer",
    "agency.url": "agency",
    "agency.acquire_licence_url": "agencylicensing",
    "author.url": "author",
}


def _url(marker: str, payload: str) -> str:
    # Only whitespace keeps a string out of a URL: it is the one thing encoded.
    address = f"https://example.com/{marker}/{payload}?q={payload}".replace(" ", "%20")
    URLValidator()(address)
    return address


@dataclass
class Story:
    values: dict
    article: Article
    featured: Image
    inline: Image
    photographer: Photographer
    agency: Agency
    author: Author
    section: Section
    tag: Tag


def make_story(payload: str) -> Story:
    """A published story with every text field of it and of what it shows holding
    `payload` (each after its field's marker word). The same slugs whatever the
    payload, so that pages made from different payloads have the same addresses."""
    values = {name: f"{marker} {payload}" for name, marker in MARKERS.items()}
    values |= {name: _url(marker, payload) for name, marker in URL_MARKERS.items()}
    agency = Agency.objects.create(
        name=values["agency.name"],
        slug="xss-agency",
        url=values["agency.url"],
        default_copyright_notice=values["agency.default_copyright_notice"],
        acquire_licence_url=values["agency.acquire_licence_url"],
    )
    photographer = Photographer.objects.create(
        name=values["photographer.name"],
        slug="xss-photographer",
        agency=agency,
        url=values["photographer.url"],
    )
    # Featured: credited word for word (its structured data names the photographer,
    # and the agency's licensing page). In the body: through photographer and agency.
    featured = Image.objects.create(
        file=upload(content=image_bytes((640, 360))),
        alt_text=values["featured.alt_text"],
        caption=values["featured.caption"],
        photographer=photographer,
        credit_text=values["featured.credit_text"],
        copyright_notice=values["featured.copyright_notice"],
        licence_url=values["featured.licence_url"],
        usage_terms=values["featured.usage_terms"],
    )
    inline = Image.objects.create(
        file=upload(content=image_bytes((640, 360), color=(20, 90, 160))),
        alt_text=values["inline.alt_text"],
        caption=values["inline.caption"],
        photographer=photographer,
        copyright_notice=values["inline.copyright_notice"],
        licence_url=values["inline.licence_url"],
        licensor_url=values["inline.licensor_url"],
        usage_terms=values["inline.usage_terms"],
    )
    author = Author.objects.create(
        name=values["author.name"],
        slug="xss-author",
        bio=values["author.bio"],
        url=values["author.url"],
        photo=featured,
    )
    section = Section.objects.create(
        name=values["section.name"],
        slug="xss-section",
        description=values["section.description"],
    )
    escaped = html.escape
    article = Article.objects.create(
        headline=values["headline"],
        slug="xss-story",
        standfirst=values["standfirst"],
        dateline=values["dateline"],
        label=Article.Label.ANALYSIS,
        seo_title=values["seo_title"],
        seo_description=values["seo_description"],
        featured_image=featured,
        featured_caption=values["featured_caption"],
        # As the editor stores typed text (escaped): a paragraph, a figure with its own
        # caption and one showing the picture's caption. Then the payload as raw markup,
        # as a crafted post would send it, in a caption and in a paragraph: last, since
        # markup such as an unclosed <title> turns all that follows into text.
        body=f"<p>{escaped(values['body_text'])}</p>"
        + figure(inline, escaped(values["body_caption"]))
        + figure(inline)
        + "<p>The end.</p>"
        + figure(inline, payload)
        + f"<p>Raw: {payload}</p>",
        section=section,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(minutes=5),
    )
    Byline.objects.create(article=article, author=author, position=0)
    article.tags.add(values["tag.name"])
    Correction.objects.create(article=article, text=values["correction.text"])
    InternalNote.objects.create(article=article, text=values["note.text"])
    return Story(
        values=values,
        article=Article.objects.get(pk=article.pk),
        featured=featured,
        inline=inline,
        photographer=photographer,
        agency=agency,
        author=author,
        section=section,
        tag=Tag.objects.get(),
    )


# What is fetched ----------------------------------------------------------------------


def public_paths(story: Story) -> dict[str, str]:
    return {
        "home": "/",
        "article": story.article.get_absolute_url(),
        "section": story.section.get_absolute_url(),
        "tag": story.tag.get_absolute_url(),
        "author": story.author.get_absolute_url(),
        **{
            f"search {marker}": f"/search/?q={marker}"
            for marker in ("Headline", "Standfirst", "Bodytext", "Figurecaption")
        },
    }


def feed_paths(story: Story) -> dict[str, str]:
    channels = {
        "latest": "/feed/",
        "section": f"/{story.section.slug}/feed/",
        "tag": f"/tags/{story.tag.slug}/feed/",
        "author": f"/authors/{story.author.slug}/feed/",
    }
    return {
        f"{name} {kind}": path + ("atom/" if kind == "atom" else "")
        for name, path in channels.items()
        for kind in ("rss", "atom")
    }


def admin_paths(story: Story) -> dict[str, str]:
    objects = {
        "article": story.article,
        "image featured": story.featured,
        "image inline": story.inline,
        "author": story.author,
        "photographer": story.photographer,
        "agency": story.agency,
        "section": story.section,
        "tag": story.tag,
    }
    paths = {f"{name.split()[0]} list": admin_url(obj) for name, obj in objects.items()}
    paths |= {
        f"{name} form": admin_url(obj, "change", obj.pk)
        for name, obj in objects.items()
    }
    paths["image uses list"] = admin_url(ArticleImage)
    return paths


# Judging a page --------------------------------------------------------------------


def leaks(story: Story, text: str) -> str:
    """Where a value shows as raw markup in `text`: for the failure message."""
    found = []
    for name, value in story.values.items():
        start = text.find(value) if re.search(r"[<>\"']", value) else -1
        if start >= 0:
            found.append(
                f"{name}: …{text[max(0, start - 60) : start + len(value) + 20]!r}…"
            )
    return "\n".join(found)


def audit(baseline: Counter, text: str, story: Story, where: str) -> None:
    """Nothing runnable in `text` beyond what the same page has without a payload."""
    problems = Counter(executable_markup(text))
    added, removed = problems - baseline, baseline - problems
    message = (
        f"{where}: executable markup added {sorted(added.elements())}, "
        f"removed {sorted(removed.elements())}\n{leaks(story, text)}"
    )
    assert not added, message
    assert not removed, message


def words(text: str) -> str:
    return " ".join(text.split())


def visible_text(doc) -> str:
    """What a reader sees of a page: its text without scripts and styles."""
    doc = lxml.html.fromstring(lxml.html.tostring(doc))
    for element in doc.xpath("//script | //style | //template"):
        element.drop_tree()
    return words(doc.text_content())


def json_ld(text: str, where: str) -> list[dict]:
    """Every structured-data block of a page, parsed; none may end its element early or
    open a comment."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', text, re.S | re.I
    )
    doc = lxml.html.fromstring(text)
    assert len(blocks) == len(doc.xpath('//script[@type="application/ld+json"]')), where
    for block in blocks:
        lowered = block.lower()
        assert "</script" not in lowered, (where, block)
        assert "<!--" not in lowered, (where, block)
    return [json.loads(block) for block in blocks]


# The pages, one story graph per payload ----------------------------------------------


def fetch_everything(client, admin_client, story: Story) -> dict[str, bytes]:
    pages = {}
    for name, path in public_paths(story).items():
        response = client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        pages[name] = response.content
    response = client.get("/search/", {"q": story.values["headline"]})
    assert response.status_code == 200
    pages["search payload"] = response.content
    for name, path in feed_paths(story).items():
        response = client.get(path)
        assert response.status_code == 200, (name, path)
        pages[name] = response.content
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    pages["sitemap index"] = index.content
    for loc in etree.fromstring(index.content).xpath(
        "//sm:loc/text()",
        namespaces={"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"},
    ):
        path = urlsplit(loc)._replace(scheme="", netloc="").geturl()
        response = client.get(path)
        assert response.status_code == 200, path
        pages[f"sitemap {path}"] = response.content
    news = client.get("/sitemap-news.xml")
    assert news.status_code == 200
    pages["sitemap news"] = news.content
    for name, path in admin_paths(story).items():
        response = admin_client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        pages[f"admin {name}"] = response.content
    return pages


_BASELINE: dict[str, Counter] = {}


@pytest.fixture
def baseline(db, client, admin_client) -> dict[str, Counter]:
    """What `executable_markup()` finds on each page made from harmless words: the
    templates' own scripts, styles, meta tags and forms. Made once, in a savepoint
    rolled back afterwards."""
    if not _BASELINE:
        from django.core.cache import caches

        with transaction.atomic():
            story = make_story(HARMLESS)
            pages = fetch_everything(client, admin_client, story)
            transaction.set_rollback(True)
        caches["default"].clear()
        for name, content in pages.items():
            _BASELINE[name] = Counter(executable_markup(content.decode()))
    return _BASELINE


@pytest.fixture(params=list(PAYLOADS.values()), ids=list(PAYLOADS))
def payload(request, injection_strings) -> str:
    if request.param not in injection_strings:
        pytest.fail(
            f"{request.param!r} is not among the injection strings of {BLNS.name}: "
            "the file changed; pick another."
        )
    return request.param


class Findings(list):
    """Every failed check of one payload, so that one run reports them all."""

    def check(self, condition, where: str, message: str = "") -> None:
        if not condition:
            self.append(f"{where}: {message}")

    def shows(self, text: str, value: str, where: str) -> None:
        self.check(words(value) in text, where, f"{value!r} not shown")

    def equal(self, actual, expected, where: str) -> None:
        self.check(actual == expected, where, f"{actual!r} != {expected!r}")


def control_value(doc, name: str) -> str | None:
    """What a form control shows: an input's value, a textarea's text, a select's
    chosen option."""
    found = doc.xpath(f'//*[@name="{name}"]')
    if not found:
        return None
    control = found[0]
    if control.tag == "textarea":
        return control.text_content().removeprefix("\n")
    if control.tag == "select":
        chosen = control.xpath(".//option[@selected]")
        return chosen[0].text_content() if chosen else ""
    return control.get("value")


def test_stored_strings_are_shown_as_text_and_never_run(
    client, admin_client, baseline, payload
):
    story = make_story(payload)
    pages = fetch_everything(client, admin_client, story)
    assert set(pages) == set(baseline)
    found = Findings()
    for name, content in pages.items():
        text = content.decode()
        try:
            audit(baseline[name], text, story, name)
        except AssertionError as error:
            found.append(str(error))
        if not name.startswith("admin"):
            found.check(
                b"Internalnote" not in content, name, "an internal note is public"
            )

    check_public_pages(found, story, pages)
    check_feeds(found, story, pages)
    check_sitemaps(found, story, pages)
    check_admin(found, story, pages)
    assert not found, f"payload {payload!r}:\n" + "\n".join(found)


def check_public_pages(found: Findings, story: Story, pages: dict) -> None:
    v = story.values
    card = [
        "headline",
        "standfirst",
        "section.name",
        "author.name",
        "featured.credit_text",
    ]
    shown = {
        "home": card,
        "article": [
            "headline",
            "standfirst",
            "dateline",
            "section.name",
            "author.name",
            "tag.name",
            "featured_caption",
            "featured.credit_text",
            "body_text",
            "body_caption",
            "inline.caption",
            "photographer.name",
            "agency.name",
            "correction.text",
        ],
        "section": [*card, "section.description"],
        "tag": [*card, "tag.name"],
        "author": [*card, "author.bio", "author.url"],
    }
    for name in ("home", "article", "section", "tag", "author"):
        text = pages[name].decode()
        doc = lxml.html.fromstring(text)
        seen = visible_text(doc)
        for key in shown[name]:
            found.shows(seen, v[key], f"{name} page, {key}")
        blocks = _json_ld(found, text, name)
        if name == "article":
            check_article_head(found, story, doc, blocks)
        elif name != "home":
            crumbs = [
                b["itemListElement"] for b in blocks if b["@type"] == "BreadcrumbList"
            ]
            found.check(crumbs, name, "no breadcrumbs")
        if name == "author":
            links = doc.xpath('//a[@rel="me"]')
            found.equal(
                [(a.get("href"), a.text_content()) for a in links],
                [(v["author.url"], v["author.url"])],
                "author page, author.url link",
            )

    # Search results: the story is found by each field, and shown as text.
    for marker, key in [
        ("Headline", "headline"),
        ("Standfirst", "standfirst"),
        ("Bodytext", "body_text"),
        ("Figurecaption", "body_caption"),
    ]:
        name = f"search {marker}"
        doc = lxml.html.fromstring(pages[name])
        headlines = [
            words(h.text_content()) for h in doc.find_class("search-result__headline")
        ]
        found.equal(headlines, [words(v["headline"])], f"{name}, result headline")
        if key != "headline":
            summary = " ".join(
                words(p.text_content())
                for p in doc.find_class("search-result__summary")
            )
            found.check(marker in summary, name, f"summary {summary!r} lacks {marker}")
    doc = lxml.html.fromstring(pages["search payload"])
    found.shows(
        words(doc.xpath("//h1")[0].text_content()), v["headline"], "search for payload"
    )


def _json_ld(found: Findings, text: str, where: str) -> list[dict]:
    try:
        return json_ld(text, where)
    except (AssertionError, ValueError) as error:
        found.append(f"{where}, structured data: {error!r}")
        return []


def check_article_head(found: Findings, story: Story, doc, blocks) -> None:
    v = story.values
    site = "The Daily Test"

    def meta(key):
        return doc.xpath(f'//head/meta[@name="{key}" or @property="{key}"]/@content')

    where = "article page head"
    found.equal(doc.findtext(".//head/title"), f"{v['seo_title']} | {site}", where)
    found.equal(meta("description"), [v["seo_description"]], f"{where}, description")
    found.equal(meta("og:title"), [v["seo_title"]], f"{where}, og:title")
    found.equal(meta("og:description"), [v["seo_description"]], where)
    found.equal(meta("article:section"), [v["section.name"]], where)
    found.equal(meta("article:tag"), [v["tag.name"]], where)
    found.equal(meta("og:image:alt"), [v["featured.alt_text"]], where)
    alts = doc.xpath("//main//img/@alt")
    found.check(v["featured.alt_text"] in alts, where, f"featured alt not in {alts}")
    found.check(v["inline.alt_text"] in alts, where, f"inline alt not in {alts}")

    where = "article structured data"
    by_type = {block["@type"]: block for block in blocks}
    found.equal(sorted(by_type), ["BreadcrumbList", "NewsArticle"], where)
    article = by_type.get("NewsArticle", {})
    found.equal(article.get("headline"), v["headline"], f"{where}, headline")
    found.equal(article.get("description"), v["seo_description"], where)
    found.equal(article.get("articleSection"), v["section.name"], where)
    found.equal(article.get("keywords"), [v["tag.name"]], where)
    found.equal(
        [(a.get("name"), a.get("sameAs")) for a in article.get("author", [])],
        [(v["author.name"], v["author.url"])],
        f"{where}, author",
    )
    found.equal(
        [c.get("text") for c in article.get("correction", [])],
        [v["correction.text"]],
        f"{where}, correction",
    )
    images = article.get("image", [])
    found.check(images, where, "no images")
    for image in images:
        found.equal(
            (
                image.get("caption"),
                image.get("creditText"),
                image.get("copyrightNotice"),
                image.get("license"),
                image.get("acquireLicensePage"),
                image.get("creator"),
            ),
            (
                v["featured_caption"],
                v["featured.credit_text"],
                v["featured.copyright_notice"],
                v["featured.licence_url"],
                v["agency.acquire_licence_url"],
                {
                    "@type": "Person",
                    "name": v["photographer.name"],
                    "url": v["photographer.url"],
                },
            ),
            f"{where}, image",
        )
    crumbs = by_type.get("BreadcrumbList", {}).get("itemListElement", [])
    found.equal(
        [crumb["name"] for crumb in crumbs],
        ["Home", v["section.name"], v["headline"]],
        f"{where}, breadcrumbs",
    )


ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
MEDIA = "{http://search.yahoo.com/mrss/}"


def html_text(fragment: str) -> str:
    return words(lxml.html.fromstring(f"<div>{fragment}</div>").text_content())


def check_feeds(found: Findings, story: Story, pages: dict) -> None:
    v = story.values
    channel_names = {
        "latest": None,
        "section": "section.name",
        "tag": "tag.name",
        "author": "author.name",
    }
    for name in feed_paths(story):
        channel, kind = name.split()
        content = pages[name]
        try:
            root = etree.fromstring(content)
        except etree.XMLSyntaxError as error:
            found.append(f"{name}: not well-formed XML: {error}")
            continue
        parsed = feedparser.parse(content)
        found.check(not parsed.bozo, name, repr(parsed.get("bozo_exception")))
        found.equal(len(parsed.entries), 1, f"{name}, entries")
        entry = parsed.entries[0] if parsed.entries else {}
        title = entry.get("title", "")
        # RSS readers take the title as HTML, Atom readers (type "text") as it is.
        found.equal(
            html.unescape(title) if kind == "rss" else title,
            v["headline"],
            f"{name}, entry title",
        )
        found.equal(
            [tag.term for tag in entry.get("tags", [])],
            [v["section.name"], v["tag.name"]],
            f"{name}, categories",
        )
        found.equal(
            [author.get("name") for author in entry.get("authors", [])],
            [v["author.name"]],
            f"{name}, authors",
        )
        if channel_names[channel]:
            feed_title = parsed.feed.get("title", "")
            feed_title = html.unescape(feed_title) if kind == "rss" else feed_title
            found.shows(feed_title, v[channel_names[channel]], f"{name}, feed title")

        # What readers render as HTML, read from the XML itself (feedparser would
        # sanitize it first): nothing in it may run, and it says what the story says.
        if kind == "rss":
            item = root.find("channel/item")
            as_html = {
                "channel title": root.findtext("channel/title"),
                "channel description": root.findtext("channel/description"),
                "title": item.findtext("title"),
                "summary": item.findtext("description"),
                "content": item.findtext(CONTENT),
            }
            media = item.find(f"{MEDIA}content")
        else:
            item = root.find(f"{ATOM}entry")
            # Atom says which text is HTML: its title and subtitle are plain text.
            as_html = {
                "summary": item.findtext(f"{ATOM}summary"),
                "content": item.findtext(f"{ATOM}content"),
            }
            for construct in ("title", "subtitle", "summary", "content", "rights"):
                for element in root.iter(f"{ATOM}{construct}"):
                    kind_of_text = element.get("type", "text")
                    found.check(
                        kind_of_text in ("text", "html"),
                        name,
                        f"{construct} of type {kind_of_text}",
                    )
                    if kind_of_text == "html":
                        as_html[f"{construct} (html)"] = element.text
            media = item.find(f"{MEDIA}content")
        for part, fragment in as_html.items():
            problems = executable_markup(fragment or "")
            found.check(not problems, f"{name}, {part}", f"{problems} in {fragment!r}")
        found.equal(
            html_text(as_html["summary"]), words(v["standfirst"]), f"{name}, summary"
        )
        body = lxml.html.fromstring(f"<div>{as_html['content']}</div>")
        body_text = words(body.text_content())
        for key in [
            "body_text",
            "body_caption",
            "inline.caption",
            "featured_caption",
            "featured.credit_text",
            "photographer.name",
            "agency.name",
        ]:
            found.shows(body_text, v[key], f"{name}, content, {key}")
        alts = body.xpath("//img/@alt")
        for key in ("featured.alt_text", "inline.alt_text"):
            found.check(v[key] in alts, f"{name}, content", f"{key} not in {alts}")
        found.equal(
            (media.findtext(f"{MEDIA}credit"), media.findtext(f"{MEDIA}description"))
            if media is not None
            else None,
            (v["featured.credit_text"], v["featured_caption"]),
            f"{name}, media:content",
        )


def check_sitemaps(found: Findings, story: Story, pages: dict) -> None:
    v = story.values
    ns = {
        "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "image": "http://www.google.com/schemas/sitemap-image/1.1",
        "news": "http://www.google.com/schemas/sitemap-news/0.9",
    }
    roots = {}
    for name, content in pages.items():
        if name.startswith("sitemap"):
            try:
                roots[name] = etree.fromstring(content)
            except etree.XMLSyntaxError as error:
                found.append(f"{name}: not well-formed XML: {error}")
    if (articles := roots.get("sitemap /sitemap-articles.xml")) is not None:
        # Each picture's caption, then its credit line.
        captions = articles.xpath("//image:caption/text()", namespaces=ns)
        for keys in [
            ("featured_caption", "featured.credit_text"),
            ("inline.caption", "photographer.name", "agency.name"),
        ]:
            found.check(
                any(all(v[key] in caption for key in keys) for caption in captions),
                "articles sitemap, captions",
                f"none of {captions} holds {keys}",
            )
        found.equal(
            sorted(articles.xpath("//image:license/text()", namespaces=ns)),
            sorted([v["featured.licence_url"], v["inline.licence_url"]]),
            "articles sitemap, licences",
        )
    if (news := roots.get("sitemap news")) is not None:
        found.equal(
            news.xpath("//news:title/text()", namespaces=ns),
            [v["headline"]],
            "news sitemap, title",
        )


def check_admin(found: Findings, story: Story, pages: dict) -> None:
    v = story.values
    listed = {
        "article list": ["headline", "section.name"],
        "image list": ["featured.credit_text", "photographer.name", "agency.name"],
        "author list": ["author.name", "author.url"],
        "photographer list": ["photographer.name", "agency.name"],
        "agency list": ["agency.name", "agency.url"],
        "section list": ["section.name"],
        "tag list": ["tag.name"],
        "image uses list": ["headline"],
    }
    for name, keys in listed.items():
        doc = lxml.html.fromstring(pages[f"admin {name}"])
        rows = words(
            " ".join(r.text_content() for r in doc.xpath('//*[@id="result_list"]'))
        )
        for key in keys:
            found.shows(rows, v[key], f"admin {name}, {key}")
        if name == "image list":
            for key in ("featured.caption", "inline.caption"):
                found.shows(rows, v[key][:80], f"admin {name}, {key}")

    forms = {
        "article form": {
            "headline": "headline",
            "standfirst": "standfirst",
            # No dateline: the form has no such field (nor label).
            "seo_title": "seo_title",
            "seo_description": "seo_description",
            "featured_caption": "featured_caption",
            "corrections-0-text": "correction.text",
        },
        "image featured form": {
            "alt_text": "featured.alt_text",
            "caption": "featured.caption",
            "credit_text": "featured.credit_text",
            "copyright_notice": "featured.copyright_notice",
            "licence_url": "featured.licence_url",
            "usage_terms": "featured.usage_terms",
            "photographer": "photographer.name",
        },
        "image inline form": {
            "alt_text": "inline.alt_text",
            "caption": "inline.caption",
            "copyright_notice": "inline.copyright_notice",
            "licence_url": "inline.licence_url",
            "licensor_url": "inline.licensor_url",
            "usage_terms": "inline.usage_terms",
            "photographer": "photographer.name",
        },
        "author form": {
            "name": "author.name",
            "bio": "author.bio",
            "url": "author.url",
        },
        "photographer form": {
            "name": "photographer.name",
            "url": "photographer.url",
            "agency": "agency.name",
        },
        "agency form": {
            "name": "agency.name",
            "url": "agency.url",
            "default_copyright_notice": "agency.default_copyright_notice",
            "acquire_licence_url": "agency.acquire_licence_url",
        },
        "section form": {"name": "section.name", "description": "section.description"},
        "tag form": {"name": "tag.name"},
    }
    for name, controls in forms.items():
        doc = lxml.html.fromstring(pages[f"admin {name}"])
        for control, key in controls.items():
            found.equal(control_value(doc, control), v[key], f"admin {name}, {control}")
    doc = lxml.html.fromstring(pages["admin article form"])
    found.shows(
        words(control_value(doc, "tags") or ""),
        v["tag.name"],
        "admin article form, tags",
    )
    body = lxml.html.fromstring(f"<div>{control_value(doc, 'body') or ''}</div>")
    found.shows(words(body.text_content()), v["body_text"], "admin article form, body")
    found.shows(visible_text(doc), v["note.text"], "admin article form, internal note")
