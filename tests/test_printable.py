"""Control characters and noncharacters pasted into any text field (a bell, a C1
control, U+FFFF) are dropped when written, by every path: the admin's forms, `save()`,
`update()` and bulk writes. They would make a page invalid HTML and a feed or sitemap
unreadable XML. Those that stand for a line break (a vertical tab from a word
processor's Shift+Enter, a form feed, NEL) become one, or a space in a one-line field,
so the words either side stay apart."""

import re

import pytest
from django.apps import apps
from django.db.models import CharField, TextField

from articles.models import Article, Section, Tag
from tests.helpers import admin_url, article_form_data
from tests.test_html_validity import nu_checker, nu_errors  # noqa: F401 - a fixture
from tests.test_stored_xss import (
    MARKERS,
    feed_paths,
    make_story,
    public_paths,
)

pytest_plugins = ["tests.roles"]

PASTED = "Bell\x07 Word\x0bbreak feed\x0cpage old\x85line delete\x7f non\ufdd0 last\U0010ffff end"
KEPT_LINE = "Bell Word break feed page old line delete non last end"
KEPT_TEXT = "Bell Word\nbreak feed\npage old\nline delete non last end"
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]"
)


def stored(story, name: str) -> tuple[str, bool]:
    """The value of `name` ("headline", "author.bio") as the database holds it, and
    whether its field holds one line."""
    owner, _, field = name.rpartition(".")
    if owner in ("", "body_text", "body_caption"):
        obj = story.article
    elif owner == "note":
        obj = story.article.notes.get()
    elif owner == "correction":
        obj = story.article.corrections.get()
    else:
        obj = getattr(story, owner)
    obj.refresh_from_db()
    field = field or name
    return getattr(obj, field), isinstance(obj._meta.get_field(field), CharField)


@pytest.fixture(autouse=True)
def _plain_addresses(monkeypatch):
    # Addresses cannot hold control characters at all (their validator refuses them).
    monkeypatch.setattr(
        "tests.test_stored_xss._url",
        lambda marker, payload: f"https://example.com/{marker}/",
    )


@pytest.mark.django_db
def test_every_text_field_stores_pasted_text_without_control_characters():
    story = make_story(PASTED)

    for name, marker in MARKERS.items():
        if name in ("body_text", "body_caption"):
            continue  # in the body, checked on the page below
        value, one_line = stored(story, name)
        assert value == f"{marker} {KEPT_LINE if one_line else KEPT_TEXT}", name


@pytest.mark.django_db
def test_pages_feeds_and_sitemaps_carry_none_of_them(client, tmp_path, nu_checker):  # noqa: F811
    story = make_story(PASTED)
    paths = {
        **public_paths(story),
        **feed_paths(story),
        "sitemap": "/sitemap-articles.xml",
        "news": "/sitemap-news.xml",
    }

    for where, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, where
        text = response.content.decode()
        assert not UNPRINTABLE.search(text), where
    article = client.get(story.article.get_absolute_url()).content.decode()
    assert f"Headline {KEPT_LINE}" in article
    assert re.search(r"Raw: Bell Word\sbreak feed\spage", article)  # the body
    page = tmp_path / "article.html"
    page.write_text(article)
    assert nu_errors(nu_checker, [page]) == []


def test_the_article_form_saves_what_it_shows(client, make_user):
    client.force_login(make_user("reporter"))
    section = Section.objects.create(name="News", slug="news")

    client.post(
        admin_url(Article, "add"),
        article_form_data(
            section, headline=PASTED, standfirst=f"One\x0b\r\ntwo{PASTED}"
        ),
    )

    article = Article.objects.get()
    assert article.headline == KEPT_LINE
    assert article.standfirst == f"One\n\r\ntwo{KEPT_TEXT}"  # line breaks stay


def test_updates_and_bulk_writes_drop_them_too(make_article, db):
    article = make_article(headline="Plain")

    Article.objects.filter(pk=article.pk).update(headline=PASTED)
    assert Article.objects.get().headline == KEPT_LINE

    article.headline = f"Again {PASTED}"
    Article.objects.bulk_update([article], ["headline"])
    assert Article.objects.get().headline == f"Again {KEPT_LINE}"

    Tag.objects.bulk_create([Tag(name=PASTED, slug="pasted")])
    assert Tag.objects.get(slug="pasted").name == KEPT_LINE


def test_a_saved_object_holds_what_was_stored(make_article):
    article = make_article(headline=PASTED)

    assert article.headline == KEPT_LINE


def test_every_text_field_people_type_drops_them():
    # A new text field must take this side: one it forgets would let them through.
    # Historical copies (simple_history) copy the fields they record, and the search
    # documents the story's.
    written_by_the_site = {
        ("Image", "file_hash"),
        ("Rendition", "source"),
        ("Redirect", "old_path"),
        ("PreviewLink", "key"),
        ("AuditEvent", "actor_name"),
        ("AuditEvent", "subject"),
        ("AuditEvent", "detail"),
    }

    forgotten = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("articles").get_models()
        if model.__name__ != "SearchDocument"
        and not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if type(field) in (CharField, TextField)
        and not field.choices
        and (model.__name__, field.name) not in written_by_the_site
    ]

    assert forgotten == []
