"""Version history: a version per save (fields, body, tags, bylines), who and when, the
side-by-side diff, and restore as a new version."""

import itertools
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission, User
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from articles import history
from articles.models import Article, ArticleImage, Byline, Image, WorkflowEvent
from tests.helpers import admin_url, article_form_data, figure


def versions_of(obj):
    return list(obj.history.order_by("-history_date", "-history_id"))


def history_url(obj):
    return admin_url(type(obj), "versions", obj.pk)


def compare_url(obj, older, newer):
    return f"{admin_url(type(obj), 'compare', obj.pk)}?from={older.history_id}&to={newer.history_id}"


def restore_url(obj, record):
    return admin_url(type(obj), "restore", obj.pk, record.history_id)


def version_rows(response) -> list[str]:
    """The HTML of each row of the versions table, newest first."""
    table = re.search(
        r'<table class="versions-list">.*?<tbody>(.*?)</tbody>', response.text, re.S
    )
    return re.findall(r"<tr>.*?</tr>", table.group(1), re.S)


def compared(response) -> dict[str, tuple[str, str]]:
    """The comparison table: each field's label to its two cells' HTML."""
    table = re.search(
        r'<table class="versions-comparison">.*?<tbody>(.*?)</tbody>',
        response.text,
        re.S,
    )
    return {
        label: (older.strip(), newer.strip())
        for label, older, newer in re.findall(
            r'<th scope="row">([^<]*?)\s*(?:<strong[^>]*>changed</strong>)?</th>\s*'
            r'<td class="version-value">(.*?)</td>\s*<td class="version-value">(.*?)</td>',
            table.group(1),
            re.S,
        )
    }


def staff_with(*codenames) -> User:
    user = User.objects.create_user("desk", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles", codename__in=codenames
        )
    )
    return user


def opened_form_data(client, url: str) -> dict:
    """What the admin form at `url` posts as opened: its hidden fields (such as the
    version it was opened at) and every inline's management form and rows."""
    context = client.get(url).context
    data = {
        field.html_name: field.value()
        for field in context["adminform"].form.hidden_fields()
    }
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for form in [formset.management_form, *formset.forms]:
            data |= {
                field.html_name: field.value()
                for field in form
                if field.value() is not None
            }
    return data


def admin_save(client, article=None, *, section=None, **fields):
    """Save a draft through the admin's add form, or `article`'s change form."""
    if article is None:
        url = admin_url(Article, "add")
        data = article_form_data(section)
    else:
        url = admin_url(Article, "change", article.pk)
        data = article_form_data(
            article.section,
            headline=article.headline,
            slug=article.slug,
            standfirst=article.standfirst,
            body=article.body,
            tags=", ".join(article.tags.names()),
        )
    response = client.post(url, data | opened_form_data(client, url) | fields)
    assert response.status_code == 302, response.context["errors"]
    return response


@pytest.fixture
def draft(make_article):
    return make_article(
        headline="Floods close the coast road",
        body="<p>The quick brown fox jumps.</p>",
        status=Article.Status.DRAFT,
        published_at=None,
    )


# Recording -------------------------------------------------------------------------


def test_each_admin_save_records_one_version_by_the_user_who_saved(
    admin_client, admin_user, make_section, make_author
):
    section, author = make_section(), make_author("Jane Reporter")
    admin_save(
        admin_client,
        section=section,
        tags="Floods, Weather",
        **{"bylines-0-author": author.pk, "bylines-0-position": "0"},
    )
    article = Article.objects.get()
    admin_save(admin_client, article, headline="Floods close the coast road again")

    newest, first = versions_of(article)
    assert [first.history_type, newest.history_type] == ["+", "~"]
    assert first.history_user == newest.history_user == admin_user
    assert newest.headline == "Floods close the coast road again"
    # Tags and bylines are saved after the article, and still in its version.
    for version in (first, newest):
        assert version.tag_names == ["Floods", "Weather"]
        assert version.bylines == [[author.pk, "Jane Reporter"]]


def test_tags_and_bylines_changed_in_code_update_only_the_latest_version(
    make_article, make_author
):
    jane, omar = make_author("Jane Reporter"), make_author("Omar Said")
    article = make_article(authors=[jane], tags=["Floods"])
    article.headline = "Second version"
    article.save()

    article.tags.add("Weather")
    Byline.objects.create(article=article, author=omar, position=1)
    newest, first = versions_of(article)
    assert newest.tag_names == ["Floods", "Weather"]
    assert newest.bylines == [[jane.pk, "Jane Reporter"], [omar.pk, "Omar Said"]]
    assert first.tag_names == ["Floods"]
    assert first.bylines == [[jane.pk, "Jane Reporter"]]

    article.tags.clear()
    Byline.objects.filter(author=jane).delete()
    newest = versions_of(article)[0]
    assert (newest.tag_names, newest.bylines) == ([], [[omar.pk, "Omar Said"]])


def test_a_deleted_story_keeps_its_last_tags_and_bylines_in_history(
    make_article, make_author
):
    author = make_author("Jane Reporter")
    article = make_article(authors=[author], tags=["Floods"])
    article_id = article.pk
    article.delete()

    deleted = Article.history.filter(id=article_id).latest()
    assert deleted.history_type == "-"
    assert deleted.tag_names == ["Floods"]
    assert deleted.bylines == [[author.pk, "Jane Reporter"]]
    assert Article.history.filter(id=article_id, tag_names=[]).count() == 0


# The history page ----------------------------------------------------------------


def test_history_page_lists_who_saved_each_version_when_and_what_changed(
    client, admin_user, draft, settings
):
    settings.TIME_ZONE = "America/New_York"
    client.force_login(admin_user)
    draft.headline = "A new headline"
    draft.standfirst = "A new standfirst."
    draft._history_user = admin_user
    draft.save()

    response = client.get(history_url(draft))

    rows = version_rows(response)
    assert len(rows) == 2
    newest, first = draft.history.order_by("-history_id")
    assert '<th scope="row">Version 2</th>' in rows[0]
    assert "<td>admin</td>" in rows[0]
    assert "Headline, Standfirst" in rows[0]
    assert '<th scope="row">Version 1</th>' in rows[1]
    assert "<td>system</td>" in rows[1]
    assert "Created" in rows[1]
    local = newest.history_date.astimezone(ZoneInfo("America/New_York"))
    assert local.strftime("%H:%M") in rows[0]
    assertContains(response, "Times are in America/New_York.")


def test_django_history_link_opens_the_version_history(admin_client, draft):
    response = admin_client.get(admin_url(Article, "history", draft.pk))

    assertContains(response, "Versions, newest first.")


def test_history_page_runs_a_fixed_number_of_queries(
    admin_client, draft, django_assert_max_num_queries
):
    serial = itertools.count()

    def save_times(count):
        for _ in range(count):
            number = next(serial)
            draft.headline = f"Headline {number}"
            draft._history_user = User.objects.create_user(f"editor-{number}")
            draft.save()

    save_times(2)
    with django_assert_max_num_queries(100) as few:
        admin_client.get(history_url(draft))
    save_times(15)  # other users: a query for each would show
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(history_url(draft))
    assert response.content.count(b"Compare with previous") == 17


def test_history_page_is_paginated(admin_client, draft, monkeypatch):
    monkeypatch.setattr("articles.admin.versions.VERSIONS_PER_PAGE", 2)
    for number in range(3):
        draft.headline = f"Headline {number}"
        draft.save()

    page_one = version_rows(admin_client.get(history_url(draft)))
    page_two = admin_client.get(history_url(draft), {"p": 2})

    assertContains(page_two, "Page 2 of 2")
    assert len(page_one) == 2
    assert '<th scope="row">Version 3</th>' in page_one[-1]
    # The oldest on a page still says what it changed, from the page after it.
    assert "Headline" in page_one[-1]
    assert [
        re.search(r'<th scope="row">(.*?)</th>', row).group(1)
        for row in version_rows(page_two)
    ] == ["Version 2", "Version 1"]


def test_history_page_keeps_what_the_admin_logged(admin_client, admin_user, draft):
    LogEntry.objects.log_actions(
        admin_user.pk, [draft], CHANGE, change_message="Bulk change: label → Analysis"
    )

    response = admin_client.get(history_url(draft))

    assertContains(response, "<td>Bulk change: label → Analysis</td>", html=True)


def test_history_page_needs_permission_to_see_the_story(client, draft):
    client.force_login(staff_with("view_image"))

    assert client.get(history_url(draft)).status_code == 403


# Comparing -----------------------------------------------------------------------


def test_compare_marks_changed_words_of_the_body(admin_client, draft):
    older = versions_of(draft)[0]
    draft.body = "<p>The quick red fox leaps.</p>"
    draft.save()
    newer = versions_of(draft)[0]

    response = admin_client.get(compare_url(draft, older, newer))

    assertContains(
        response,
        '<del><span class="visually-hidden">removed: </span>brown</del>',
        html=True,
    )
    assertContains(
        response,
        '<ins><span class="visually-hidden">added: </span>red</ins>',
        html=True,
    )
    assertContains(
        response,
        '<del><span class="visually-hidden">removed: </span>jumps.</del>',
        html=True,
    )
    assertNotContains(response, "<del>The")
    assertContains(response, "struck through")  # the legend says it in words


def test_compare_escapes_markup_in_fields_and_body(admin_client, draft):
    draft.headline = "<em>Breaking</em> <script>alert(1)</script> news"
    draft.standfirst = "<i>Why</i> it matters"
    draft.body = "<p>Tags such as &lt;b&gt; are text.</p>"
    draft.save()
    older = versions_of(draft)[0]
    draft.headline = "<em>Breaking</em> <script>alert(1)</script> update"
    draft.body = "<p>Tags such as &lt;b&gt; are plain text.</p>"
    draft.save()
    newer = versions_of(draft)[0]

    response = admin_client.get(compare_url(draft, older, newer))

    assertContains(
        response,
        '<ins><span class="visually-hidden">added: </span>update</ins>',
        html=True,
    )
    assertContains(
        response,
        '<ins><span class="visually-hidden">added: </span>plain</ins>',
        html=True,
    )
    # The unchanged words, on both sides, are text too.
    headline, body = compared(response)["Headline"], compared(response)["Body"]
    assert headline[0].startswith("&lt;em&gt;Breaking&lt;/em&gt; &lt;script&gt;")
    assert headline[1].startswith("&lt;em&gt;Breaking&lt;/em&gt; &lt;script&gt;")
    assert body[0] == "Tags such as &lt;b&gt; are text."
    assert body[1].startswith("Tags such as &lt;b&gt; are <ins>")
    unchanged = "&lt;i&gt;Why&lt;/i&gt; it matters"
    assert compared(response)["Standfirst"] == (unchanged, unchanged)
    assertNotContains(response, "<em>Breaking")
    assertNotContains(response, "<script>alert")
    assertNotContains(response, "<b>")
    assertNotContains(response, "<i>Why")


def test_compare_shows_tag_and_byline_changes(admin_client, make_article, make_author):
    jane, omar = make_author("Jane Reporter"), make_author("Omar Said")
    article = make_article(authors=[jane], tags=["Floods"])
    older = versions_of(article)[0]
    article.save()
    article.tags.set(["Weather"])
    article.bylines.all().delete()
    Byline.objects.create(article=article, author=omar)
    newer = versions_of(article)[0]

    response = admin_client.get(compare_url(article, older, newer))

    for marked in (
        '<del><span class="visually-hidden">removed: </span>Floods</del>',
        '<ins><span class="visually-hidden">added: </span>Weather</ins>',
        '<del><span class="visually-hidden">removed: </span>Jane Reporter</del>',
        '<ins><span class="visually-hidden">added: </span>Omar Said</ins>',
    ):
        assertContains(response, marked, html=True)


def test_compare_refuses_a_version_of_another_story(admin_client, draft, make_article):
    other = make_article()
    mine = versions_of(draft)[0]

    response = admin_client.get(compare_url(draft, mine, versions_of(other)[0]))

    assert response.status_code == 404


# Restoring -----------------------------------------------------------------------


@pytest.fixture
def rewritten(make_article, make_author, make_image):
    """A live story at version 1 with a figure, tags and a byline; version 2 has
    another headline, body, tags and byline."""
    jane, omar = make_author("Jane Reporter"), make_author("Omar Said")
    picture = make_image(credit_text="Pool")  # fit to publish: the story is live
    article = make_article(
        headline="Original headline",
        body=f"<p>Original words.</p>{figure(picture, 'A crowd')}",
        authors=[jane],
        tags=["Floods"],
    )
    article.headline = "Rewritten headline"
    article.body = "<p>Rewritten words.</p>"
    article.slug = "rewritten"
    article.save()
    article.tags.set(["Weather"])
    article.bylines.all().delete()
    Byline.objects.create(article=article, author=omar)
    article.first_version = versions_of(article)[-1]
    article.picture = picture
    article.jane = jane
    return article


def test_restore_asks_for_confirmation_and_changes_nothing_on_get(
    admin_client, rewritten
):
    response = admin_client.get(restore_url(rewritten, rewritten.first_version))

    assertContains(
        response,
        '<input type="submit" class="default" value="Restore version 1">',
        html=True,
    )
    assertContains(response, "csrfmiddlewaretoken")
    assertContains(
        response,
        '<ins><span class="visually-hidden">added: </span>Original</ins>',
        html=True,
    )
    assert rewritten.history.count() == 2


def test_restore_writes_the_old_content_back_as_a_new_version(
    admin_client, admin_user, rewritten
):
    response = admin_client.post(restore_url(rewritten, rewritten.first_version))

    assert response.status_code == 302
    article = Article.objects.get(pk=rewritten.pk)
    assert article.headline == "Original headline"
    assert "Original words." in article.body
    assert list(article.tags.names()) == ["Floods"]
    assert [b.author for b in article.bylines.all()] == [rewritten.jane]
    # Not its address nor its publication: it stays live where it is.
    assert article.slug == "rewritten"
    assert article.is_published
    assert article.version == 3
    # The body's picture is back in the usage index.
    assert ArticleImage.objects.filter(
        article=article, image=rewritten.picture
    ).exists()

    restored, rewrite, first = versions_of(article)
    assert restored.history_user == admin_user
    assert restored.history_change_reason == "Restored version 1"
    assert restored.headline == "Original headline"
    assert restored.tag_names == ["Floods"]
    assert restored.bylines == [[rewritten.jane.pk, "Jane Reporter"]]
    # History is never rewritten.
    assert (rewrite.headline, rewrite.tag_names) == ("Rewritten headline", ["Weather"])
    event = WorkflowEvent.objects.get(article=article)
    assert event.action == WorkflowEvent.Action.RESTORED
    assert event.user == admin_user
    assert event.note.startswith("Restored version 1 of ")

    page = admin_client.get(response.url)
    assertContains(page, "Restored version 1 of")
    history = admin_client.get(history_url(article))
    assertContains(history, "Restored version 1.")


def test_restore_is_refused_to_staff_who_may_not_change_the_story(client, rewritten):
    client.force_login(staff_with("view_article"))

    page = client.get(history_url(rewritten))
    response = client.post(restore_url(rewritten, rewritten.first_version), follow=True)

    assertNotContains(page, ">Restore<")
    assertContains(response, "you cannot restore its versions. Nothing was changed.")
    assert Article.objects.get(pk=rewritten.pk).headline == "Rewritten headline"
    assert rewritten.history.count() == 2
    assert not WorkflowEvent.objects.exists()


def test_reporter_restores_own_draft_but_not_a_live_story(client, make_article):
    reporter = staff_with("view_article", "change_article", "add_article")
    client.force_login(reporter)
    own = make_article(
        headline="First try", status=Article.Status.DRAFT, published_at=None
    )
    own.created_by = reporter
    own.headline = "Second try"
    own.save()
    live = make_article(headline="Live words")
    live.headline = "Live words, edited"
    live.save()

    client.post(restore_url(own, versions_of(own)[-1]))
    refused = client.post(restore_url(live, versions_of(live)[-1]), follow=True)

    assert Article.objects.get(pk=own.pk).headline == "First try"
    assertContains(refused, "you cannot restore its versions")
    assert Article.objects.get(pk=live.pk).headline == "Live words, edited"
    # Other paths than the admin ask the same policy.
    with pytest.raises(history.RestoreRefused, match="Only editors"):
        history.restore_version(versions_of(live)[-1], user=reporter)
    assert live.history.count() == 2


def test_restore_without_csrf_token_is_refused(admin_user, rewritten):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(restore_url(rewritten, rewritten.first_version))

    assert response.status_code == 403
    assert rewritten.history.count() == 2


def test_restore_is_refused_when_an_author_no_longer_exists(admin_client, rewritten):
    Byline.objects.filter(author=rewritten.jane).delete()
    rewritten.jane.delete()

    response = admin_client.post(
        restore_url(rewritten, rewritten.first_version), follow=True
    )

    assertContains(response, "Version 1 cannot be restored: Its author Jane Reporter")
    assert Article.objects.get(pk=rewritten.pk).headline == "Rewritten headline"
    assert rewritten.history.count() == 2


# Images --------------------------------------------------------------------------


def test_image_versions_are_recorded_compared_and_restored(
    admin_client, admin_user, make_image
):
    image = make_image(alt_text="A crowd in the square")
    image.alt_text = "Protesters fill the square"
    image._history_user = admin_user
    image.save()
    newer, older = versions_of(image)

    history = admin_client.get(history_url(image))
    assertContains(history, "Alt text")
    compare = admin_client.get(compare_url(image, older, newer))
    assertContains(
        compare,
        '<ins><span class="visually-hidden">added: </span>Protesters fill</ins>',
        html=True,
    )
    admin_client.post(restore_url(image, older))

    assert Image.objects.get(pk=image.pk).alt_text == "A crowd in the square"
    assert image.history.count() == 3


def test_restoring_a_live_story_to_a_version_unfit_to_publish_is_refused(
    admin_client, make_article, make_image
):
    uncredited = make_image(alt_text="A flooded road")
    article = make_article(featured_image=uncredited)
    article.featured_image = make_image(credit_text="Pool")
    article.save()
    first = article.history.order_by("history_id").first()

    response = admin_client.post(restore_url(article, first), follow=True)

    article.refresh_from_db()
    assert article.featured_image != uncredited
    assertContains(response, "this version cannot be")
    assertContains(response, "has no credit")
