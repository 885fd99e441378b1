"""Autosave to per-user working copies, the offer to restore them, and who else has a
story open (the browser's side: tests/browser/test_autosave.py)."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, WorkingCopy
from tests.helpers import admin_url, article_form_data

pytest_plugins = ["tests.two_editors"]

LONDON = ZoneInfo("Europe/London")


def autosave_url(article=None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_add")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def discard_url(article=None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_discard_add")
    return reverse("admin:articles_article_autosave_discard", args=[article.pk])


def presence_url(article) -> str:
    return reverse("admin:articles_article_presence", args=[article.pk])


def at_clock(moment) -> str:
    return f"{moment.astimezone(LONDON):%H:%M}"


def typed(article, **changes) -> dict:
    """What the article's form posts after some typing."""
    section = changes.pop("section", article.section)
    return article_form_data(
        section, slug=article.slug, version=article.version, **changes
    )


def test_autosave_keeps_the_form_for_its_user_and_never_touches_the_story(
    jane_client, jane, make_article
):
    story = make_article(headline="As published")
    versions = story.history.count()

    response = jane_client.post(
        autosave_url(story), typed(story, headline="Half-written headline")
    )

    copy = WorkingCopy.objects.get(article=story, user=jane)
    assert response.json() == {
        "status": f"Saved as a draft copy at {at_clock(copy.saved_at)}"
    }
    assert copy.data["headline"] == ["Half-written headline"]
    assert "csrfmiddlewaretoken" not in copy.data
    assert copy.base_version == story.version
    stored = Article.objects.get(pk=story.pk)
    assert (stored.headline, stored.version, stored.updated_at) == (
        "As published",
        story.version,
        story.updated_at,
    )
    assert story.history.count() == versions


def test_autosave_again_replaces_the_copy(jane_client, jane, make_article):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="First try"))
    jane_client.post(autosave_url(story), typed(story, headline="Second try"))

    assert [copy.data["headline"] for copy in WorkingCopy.objects.all()] == [
        ["Second try"]
    ]


def test_each_user_gets_back_only_their_own_copy(jane_client, sam_client, make_article):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Jane's words"))
    sam_client.post(autosave_url(story), typed(story, headline="Sam's words"))

    assert jane_client.get(autosave_url(story)).json()["fields"]["headline"] == [
        "Jane's words"
    ]
    assert sam_client.get(autosave_url(story)).json()["fields"]["headline"] == [
        "Sam's words"
    ]


def test_restoring_names_the_section_and_picture_chosen(
    jane_client, make_article, make_section, make_image
):
    story = make_article()
    world = make_section(name="World")
    picture = make_image(alt_text="Flood waters")
    jane_client.post(
        autosave_url(story),
        typed(story, section=world, featured_image=picture.pk, tags="floods, rain"),
    )

    restored = jane_client.get(autosave_url(story)).json()

    assert restored["fields"]["section"] == [str(world.pk)]
    assert restored["fields"]["tags"] == ["floods, rain"]
    assert restored["labels"]["section"] == {str(world.pk): "World"}
    assert restored["labels"]["featured_image"] == {str(picture.pk): str(picture)}


def test_restore_without_a_copy_is_404(jane_client, make_article):
    assert jane_client.get(autosave_url(make_article())).status_code == 404


def test_reopening_the_form_offers_to_restore_the_copy(jane_client, make_article):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Unfinished"))
    saved_at = WorkingCopy.objects.get().saved_at

    response = jane_client.get(admin_url(Article, "change", story.pk))

    assertContains(
        response,
        f"<p>You have unsaved changes from {at_clock(saved_at)}.</p>",
        html=True,
    )
    assertContains(
        response,
        '<button type="button" class="button" data-restore>Restore them</button>',
        html=True,
    )
    assertContains(
        response,
        '<button type="button" class="button" data-discard>Discard them</button>',
        html=True,
    )


def test_the_offer_says_when_the_story_was_saved_since(
    jane_client, sam_client, make_article
):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Unfinished"))
    sam_client.post(admin_url(Article, "change", story.pk), typed(story))

    response = jane_client.get(admin_url(Article, "change", story.pk))

    assertContains(response, "The story has been saved since: compare with its")
    assertContains(
        response,
        f'<a href="{reverse("admin:articles_article_history", args=[story.pk])}">history</a>',
        html=True,
    )


def test_no_offer_without_a_copy_or_for_someone_else(
    jane_client, sam_client, make_article
):
    story = make_article()
    sam_client.post(autosave_url(story), typed(story, headline="Sam's"))

    response = jane_client.get(admin_url(Article, "change", story.pk))

    assertNotContains(response, "You have unsaved changes")
    assertNotContains(response, "data-restore-offer")


def test_saving_the_story_deletes_the_working_copy(
    jane_client, sam_client, jane, sam, make_article
):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Unfinished"))
    sam_client.post(autosave_url(story), typed(story, headline="Sam's"))

    response = jane_client.post(
        admin_url(Article, "change", story.pk), typed(story, headline="Finished")
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=story.pk).headline == "Finished"
    assert not WorkingCopy.objects.filter(user=jane).exists()
    assert WorkingCopy.objects.filter(user=sam).exists()  # not Jane's to drop
    reopened = jane_client.get(admin_url(Article, "change", story.pk))
    assertNotContains(reopened, "You have unsaved changes")


def test_a_refused_save_keeps_the_working_copy(jane_client, jane, make_article):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Unfinished"))

    response = jane_client.post(
        admin_url(Article, "change", story.pk), typed(story, headline="")
    )

    assert response.status_code == 200  # the form, with its errors
    assertNotContains(response, "You have unsaved changes")  # it holds them already
    assert WorkingCopy.objects.filter(user=jane).exists()


def test_discarding_deletes_the_copy_and_the_offer(jane_client, jane, make_article):
    story = make_article(headline="As published")
    jane_client.post(autosave_url(story), typed(story, headline="Unwanted"))

    response = jane_client.post(discard_url(story))

    assert response.status_code == 204
    assert not WorkingCopy.objects.exists()
    assert Article.objects.get(pk=story.pk).headline == "As published"
    assertNotContains(
        jane_client.get(admin_url(Article, "change", story.pk)), "You have unsaved"
    )


def test_a_new_story_is_autosaved_offered_back_and_dropped_once_created(
    jane_client, jane, make_section
):
    section = make_section()
    jane_client.post(
        autosave_url(), article_form_data(section, headline="Scoop in progress")
    )
    copy = WorkingCopy.objects.get(user=jane)
    assert (copy.article, copy.data["headline"]) == (None, ["Scoop in progress"])
    assert not Article.objects.exists()

    add_form = jane_client.get(admin_url(Article, "add"))
    assertContains(add_form, "You have unsaved changes from")
    assert jane_client.get(autosave_url()).json()["fields"]["headline"] == [
        "Scoop in progress"
    ]

    created = jane_client.post(
        admin_url(Article, "add"), article_form_data(section, headline="Scoop")
    )
    assert created.status_code == 302
    assert not WorkingCopy.objects.exists()


def test_autosave_needs_permission_to_change_the_story(
    client, django_user_model, make_article
):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    story = make_article()

    response = client.post(autosave_url(story), typed(story, headline="Mine now"))

    assert response.status_code == 403
    assert not WorkingCopy.objects.exists()
    assert client.post(autosave_url(), {"headline": "New"}).status_code == 403


def test_a_view_only_form_neither_autosaves_nor_offers_a_copy(
    client, django_user_model, make_article
):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    story = make_article()
    WorkingCopy.objects.create(article=story, user=viewer, data={"headline": ["x"]})
    client.force_login(viewer)

    response = client.get(admin_url(Article, "change", story.pk))

    assertContains(response, "data-editing-status")
    assertContains(response, "data-presence-url")
    assertNotContains(response, "data-autosave-url")
    assertNotContains(response, "You have unsaved changes")


@pytest.mark.parametrize("method", ["put", "delete"])
def test_autosave_answers_get_and_post_only(jane_client, make_article, method):
    story = make_article()
    assert getattr(jane_client, method)(autosave_url(story)).status_code == 405


def test_autosave_for_a_story_that_does_not_exist_is_404(jane_client):
    assert jane_client.post(autosave_url(Article(pk=999999)), {}).status_code == 404


def test_the_form_shows_who_else_has_the_story_open(
    jane_client, sam_client, make_article
):
    story = make_article()
    with time_machine.travel(timezone.now() - timedelta(seconds=30)):
        jane_client.post(presence_url(story))
        jane_arrived = timezone.now()

    response = sam_client.get(admin_url(Article, "change", story.pk))

    expected = f"Also open by: Jane Editor (since {at_clock(jane_arrived)})"
    assertContains(
        response,
        f'<p class="editing-status__presence" aria-live="polite" data-presence>{expected}</p>',
        html=True,
    )
    assert sam_client.post(presence_url(story)).json() == {"others": expected}
    # Jane is not told about herself, only about Sam.
    assert (
        jane_client.post(presence_url(story))
        .json()["others"]
        .startswith("Also open by: Sam Sub (since ")
    )


def test_someone_who_left_is_no_longer_shown(jane_client, sam_client, make_article):
    story = make_article()
    jane_client.post(presence_url(story))

    assert jane_client.post(presence_url(story), {"leaving": "1"}).status_code == 204

    assert sam_client.post(presence_url(story)).json() == {"others": ""}


def test_someone_not_heard_from_for_a_minute_is_gone(
    jane_client, sam_client, make_article
):
    story = make_article()
    jane_client.post(presence_url(story))

    with time_machine.travel(timezone.now() + timedelta(seconds=59)):
        assert "Jane Editor" in sam_client.post(presence_url(story)).json()["others"]
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert sam_client.post(presence_url(story)).json() == {"others": ""}


def test_presence_keeps_the_time_of_arrival(jane_client, sam_client, make_article):
    story = make_article()
    jane_client.post(presence_url(story))
    arrived = timezone.now()

    for later in [40, 80, 120]:  # heartbeats, each within a minute of the last
        with time_machine.travel(arrived + timedelta(seconds=later)):
            jane_client.post(presence_url(story))
    with time_machine.travel(arrived + timedelta(seconds=130)):
        others = sam_client.post(presence_url(story)).json()["others"]

    assert others == f"Also open by: Jane Editor (since {at_clock(arrived)})"


def test_presence_needs_permission_to_see_the_story(
    client, django_user_model, make_article
):
    outsider = django_user_model.objects.create_user("outsider", is_staff=True)
    client.force_login(outsider)

    assert client.post(presence_url(make_article())).status_code == 403


def test_a_copy_made_before_someone_elses_save_comes_back_with_its_own_version(
    jane_client, make_article
):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Jane's draft"))
    Article.objects.get(pk=story.pk).save()  # an editor saves in between

    restored = jane_client.get(autosave_url(story)).json()

    # Posted with the restored fields, it meets the conflict check, not a silent undo.
    assert restored["version"] == story.version
    assert Article.objects.get(pk=story.pk).version == story.version + 1


def test_a_save_from_elsewhere_leaves_an_open_forms_copy(
    jane_client, jane, make_article
):
    story = make_article()
    jane_client.post(autosave_url(story), typed(story, headline="Still typing"))

    stored = Article.objects.get(pk=story.pk)
    stored._history_user = jane  # as a bulk action or another tab of hers would
    stored.save()

    assert WorkingCopy.objects.get(article=story, user=jane).data["headline"] == [
        "Still typing"
    ]


@pytest.mark.usefixtures("cache_down")
def test_a_failing_cache_leaves_the_form_open_with_nobody_else_shown(
    jane_client, make_article, caplog
):
    story = make_article()

    response = jane_client.get(admin_url(Article, "change", story.pk))

    assertContains(
        response,
        '<p class="editing-status__presence" aria-live="polite" data-presence></p>',
        html=True,
    )
    assert jane_client.post(presence_url(story)).json() == {"others": ""}
    assert jane_client.post(presence_url(story), {"leaving": "1"}).status_code == 204
    assert "Reading who has story" in caplog.text
