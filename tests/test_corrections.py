"""Corrections and updates: written in the article form, shown at the foot of the story
newest first, and the story's "Updated" time follows the newest."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Correction
from tests.helpers import admin_url, article_change_data

PUBLISHED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def story(make_article):
    """A story published on 2 March 2026 at 09:00 (London is on UTC then), never edited."""
    article = make_article(headline="Council vote", published_at=PUBLISHED)
    Article.objects.filter(pk=article.pk).update(updated_at=PUBLISHED)
    article.refresh_from_db()
    return article


def correct(article, hours_after_publication, kind=Correction.Kind.CORRECTION, text=""):
    return Correction.objects.create(
        article=article,
        kind=kind,
        text=text or f"Note {hours_after_publication}",
        created_at=PUBLISHED + timedelta(hours=hours_after_publication),
    )


def dates_line(response) -> str:
    return response.text.split('class="article__dates"')[1].split("</p>")[0]


def test_corrections_show_at_the_foot_newest_first_with_kind_and_time(client, story):
    correct(story, 2, text="The vote was on Tuesday, not Monday.")
    correct(story, 5, kind=Correction.Kind.UPDATE, text="The mayor has resigned.")

    response = client.get(story.get_absolute_url())

    assertContains(
        response,
        """<section class="corrections" aria-labelledby="corrections-heading">
        <h2 id="corrections-heading">Corrections and updates</h2>
        <ul>
          <li class="correction">
            <p class="correction__meta"><strong>Update</strong>
              <time datetime="2026-03-02T14:00:00+00:00">2 March 2026, 14:00</time></p>
            <p>The mayor has resigned.</p>
          </li>
          <li class="correction">
            <p class="correction__meta"><strong>Correction</strong>
              <time datetime="2026-03-02T11:00:00+00:00">2 March 2026, 11:00</time></p>
            <p>The vote was on Tuesday, not Monday.</p>
          </li>
        </ul>
        </section>""",
        html=True,
    )
    # At the foot: after the body, before the share links.
    page = response.text
    assert page.index("First paragraph.") < page.index("corrections-heading")
    assert page.index("corrections-heading") < page.index("share-heading")


def test_correction_text_is_escaped_and_keeps_its_paragraphs(client, story):
    correct(story, 1, text="We misquoted <b>Ms Vance</b>.\n\nShe said “no”.")

    response = client.get(story.get_absolute_url())

    assertContains(response, "<p>We misquoted &lt;b&gt;Ms Vance&lt;/b&gt;.</p>")
    assertContains(response, "<p>She said “no”.</p>")


def test_a_story_without_corrections_has_no_corrections_block(client, story):
    response = client.get(story.get_absolute_url())

    assertNotContains(response, "Corrections and updates")
    assertNotContains(response, "Updated")


def test_updated_time_is_the_newest_correction_when_later_than_the_last_edit(
    client, story
):
    Article.objects.filter(pk=story.pk).update(
        updated_at=PUBLISHED + timedelta(hours=1)
    )
    correct(story, 3)
    correct(story, 2)

    response = client.get(story.get_absolute_url())

    assert "Updated" in dates_line(response)
    assert (
        '<time datetime="2026-03-02T12:00:00+00:00">2 March 2026, 12:00</time>'
        in dates_line(response)
    )


def test_updated_time_is_the_last_edit_when_later_than_the_corrections(client, story):
    correct(story, 1)
    Article.objects.filter(pk=story.pk).update(
        updated_at=PUBLISHED + timedelta(hours=6)
    )

    response = client.get(story.get_absolute_url())

    assert '<time datetime="2026-03-02T15:00:00+00:00">' in dates_line(response)


def test_a_note_dated_before_publication_does_not_make_the_story_updated(client, story):
    correct(story, -1)

    response = client.get(story.get_absolute_url())

    assertContains(response, "Corrections and updates")
    assert "Updated" not in dates_line(response)


@pytest.mark.usefixtures("page_cache_off")
def test_corrections_cost_one_query_however_many(client, story, make_article):
    other = make_article()
    correct(story, 1)
    for hours in range(1, 8):
        correct(other, hours)

    counts = []
    for article in (story, other):
        client.get(article.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_absolute_url()).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


# The article form ----------------------------------------------------------------------


@pytest.fixture
def editor_client(client, db):
    client.force_login(
        get_user_model().objects.create_superuser("editor", password="x")
    )
    return client


def test_article_form_offers_corrections_with_the_time_defaulting_to_now(
    editor_client, story
):
    response = editor_client.get(admin_url(Article, "change", story.pk))

    assertContains(response, "Corrections and updates")
    assertContains(response, "Add another Correction or update")
    (corrections,) = (
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "corrections"
    )
    empty = corrections.empty_form
    assert list(empty.fields)[:3] == ["kind", "text", "created_at"]
    assert empty.fields["created_at"].label == "Time"
    initial = empty["created_at"].value()
    assert abs(initial - timezone.now()) < timedelta(seconds=5)
    assert "Europe/London" in empty.fields["created_at"].help_text


def _post_with_correction(client, article, **correction):
    return client.post(
        admin_url(Article, "change", article.pk),
        article_change_data(
            client,
            article,
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-kind": "correction",
                "corrections-0-text": "",
                "corrections-0-created_at_0": "2026-03-02",
                "corrections-0-created_at_1": "13:30:00",
            }
            | {f"corrections-0-{name}": value for name, value in correction.items()},
        ),
    )


def test_editor_adds_a_correction_in_the_article_form(editor_client, client, story):
    response = _post_with_correction(
        editor_client, story, text="The vote was on Tuesday."
    )

    assert response.status_code == 302
    correction = story.corrections.get()
    assert correction.text == "The vote was on Tuesday."
    assert correction.created_at == PUBLISHED + timedelta(hours=4, minutes=30)
    assertContains(
        client.get(story.get_absolute_url()),
        '<p class="correction__meta"><strong>Correction</strong> '
        '<time datetime="2026-03-02T13:30:00+00:00">2 March 2026, 13:30</time></p>',
        html=True,
    )


def test_a_correction_without_text_is_refused_and_nothing_is_saved(
    editor_client, story
):
    response = _post_with_correction(editor_client, story, text="")

    assert response.status_code == 200
    assertContains(response, "This field is required.")
    assert not story.corrections.exists()
