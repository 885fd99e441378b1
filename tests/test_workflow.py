"""The workflow through the admin and the services: crafted posts refused with nothing
saved, send back with a note the reporter sees, scheduling to the second in the
newsroom's time zone, the story's workflow history, and internal notes kept from
readers."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import services
from articles.models import Article, InternalNote, WorkflowEvent
from tests.helpers import admin_url
from tests.workflow_helpers import (
    GROUPS_MIGRATION_APPS,
    change_form_data,
    editorial_groups,
    local_parts,
)

pytest_plugins = ["tests.roles"]


@pytest.fixture
def rita(make_user):
    return make_user("reporter", "rita")


@pytest.fixture
def editor(make_user):
    return make_user("editor", "ed")


def post_form(client, article, **overrides):
    return client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, **overrides),
        follow=True,
    )


# Crafted posts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("crafted", "message"),
    [
        ({"status": "published"}, "Only editors can publish or schedule."),
        ({"_workflow": "publish"}, "Only editors can publish or schedule."),
        ({"_workflow": "schedule"}, "Only editors can publish or schedule."),
        (
            {"_workflow": "send_back", "workflow_note": "x"},
            "Only editors can send back",
        ),
        ({"_workflow": "take-over"}, "That workflow action does not exist."),
        (
            {"published_at_0": "2030-01-01", "published_at_1": "09:00:00"},
            "Only editors can set the publication time.",
        ),
        (
            {
                "status": "published",
                "published_at_0": "2020-01-01",
                "published_at_1": "09:00:00",
            },
            "Only editors can set the publication time.",
        ),
    ],
    ids=[
        "status",
        "publish-button",
        "schedule-button",
        "send-back-button",
        "unknown-button",
        "publication-time",
        "status-and-backdated-time",
    ],
)
def test_reporter_crafted_post_is_refused_and_nothing_is_saved(
    client, rita, make_story, crafted, message
):
    article = make_story("draft", created_by=rita)
    client.force_login(rita)

    response = post_form(client, article, headline="Changed meanwhile", **crafted)

    assertContains(response, message)
    article.refresh_from_db()
    assert article.headline != "Changed meanwhile"
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert not article.events.exists()


def test_reporter_form_offers_only_draft_and_review_and_locks_the_time(
    client, rita, make_story
):
    article = make_story("draft", created_by=rita)
    client.force_login(rita)

    response = client.get(admin_url(Article, "change", article.pk))

    assertContains(response, '<option value="draft" selected>Draft</option>', html=True)
    assertContains(response, '<option value="review">In review</option>', html=True)
    assertNotContains(response, '<option value="published">')
    time_inputs = re.findall(
        r'<input[^>]*name="published_at_[01]"[^>]*>', response.text
    )
    assert len(time_inputs) == 2
    assert all(" disabled " in tag for tag in time_inputs)


def test_status_list_moves_a_story_through_the_policy_too(client, editor, make_story):
    article = make_story("review")
    client.force_login(editor)

    post_form(client, article, status="published")

    article.refresh_from_db()
    assert article.is_published
    assert article.events.get().action == WorkflowEvent.Action.PUBLISHED


def test_a_story_in_review_is_read_only_for_its_reporter(client, rita, make_story):
    article = make_story("review", created_by=rita)
    client.force_login(rita)

    page = client.get(admin_url(Article, "change", article.pk))
    refused = post_form(client, article, headline="Sneaky edit")

    assertNotContains(page, 'name="headline"')
    assertContains(  # the read-only form says why
        page,
        '<p class="workflow__read-only">This story is in review: only editors can '
        "change it until an editor sends it back to you.</p>",
        html=True,
    )
    assertContains(
        refused,
        "Nothing was saved. This story is in review: only editors can change it",
    )
    article.refresh_from_db()
    assert article.headline != "Sneaky edit"


# Send back, resubmit ----------------------------------------------------------------


def test_send_back_needs_a_note(client, editor, make_story):
    article = make_story("review")
    client.force_login(editor)

    response = post_form(client, article, _workflow="send_back", workflow_note="  ")

    assertContains(
        response,
        '<a href="#id_workflow_note">Write a note telling the reporter what to change, then send the story back.</a>',
        html=True,
    )
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_reporter_sees_the_note_until_the_story_is_resubmitted(
    client, rita, editor, make_story
):
    article = make_story("draft", created_by=rita)
    client.force_login(rita)
    post_form(client, article, _workflow="submit")
    client.force_login(editor)
    article.refresh_from_db()
    post_form(
        client,
        article,
        _workflow="send_back",
        workflow_note="Who is the <second> source?",
    )
    client.force_login(rita)

    sent_back = client.get(admin_url(Article, "change", article.pk))
    article.refresh_from_db()
    post_form(client, article, _workflow="submit")
    client.force_login(editor)
    resubmitted = client.get(admin_url(Article, "change", article.pk))

    assertContains(sent_back, "Sent back to you by ed")
    assertContains(sent_back, "<p>Who is the &lt;second&gt; source?</p>", html=True)
    assertNotContains(resubmitted, "Sent back to you by")
    assert (
        list(article.events.values_list("action", "user__username"))
        == [
            ("submitted", "rita"),
            ("sent_back", "ed"),
            ("submitted", "rita"),
        ][::-1]
    )


# Scheduling -----------------------------------------------------------------------------

WINTER_NOON = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)  # 12:00 GMT in London
SUMMER_NOON = datetime(2027, 7, 15, 11, 0, tzinfo=UTC)  # 12:00 BST in London


def test_editor_schedules_in_the_newsroom_zone_and_the_story_appears_at_its_second(
    client, editor, make_story
):
    article = make_story("review", headline="Budget at noon")
    goes_live = datetime(2027, 7, 16, 11, 0, tzinfo=UTC)
    date, time = local_parts(goes_live)
    assert (date, time) == ("2027-07-16", "12:00:00")  # entered as London time
    with time_machine.travel(SUMMER_NOON, tick=False):
        client.force_login(editor)  # sessions expire; log in at the travelled time
        form = client.get(admin_url(Article, "change", article.pk))
        response = post_form(
            client,
            article,
            _workflow="schedule",
            published_at_0=date,
            published_at_1=time,
        )
        shown = client.get(admin_url(Article, "change", article.pk))

    assertContains(form, "Times are in Europe/London (BST).")
    assertContains(response, "Scheduled: “Budget at noon”.")
    assertContains(shown, "Scheduled for 16 Jul 2027, 12:00 Europe/London (BST)")
    article.refresh_from_db()
    assert article.published_at == goes_live
    event = article.events.get()
    assert (event.action, event.user, event.scheduled_for) == (
        WorkflowEvent.Action.SCHEDULED,
        editor,
        goes_live,
    )
    client.logout()
    with time_machine.travel(goes_live - timedelta(seconds=1), tick=False):
        before = client.get(article.get_absolute_url())
        home_before = client.get(reverse("articles:home"))
    with time_machine.travel(goes_live + timedelta(seconds=1), tick=False):
        after = client.get(article.get_absolute_url())
        home_after = client.get(reverse("articles:home"))
    assert before.status_code == 404
    assertNotContains(home_before, "Budget at noon")
    assertContains(after, "Budget at noon")
    assertContains(home_after, "Budget at noon")


def test_the_zone_is_named_with_winter_time_in_winter(client, editor, make_story):
    article = make_story("review")

    with time_machine.travel(WINTER_NOON, tick=False):
        client.force_login(editor)
        form = client.get(admin_url(Article, "change", article.pk))

    assertContains(form, "Times are in Europe/London (GMT).")


@pytest.mark.parametrize("when", ["", "past"])
def test_scheduling_needs_a_time_to_come(client, editor, make_story, when):
    article = make_story("review")
    client.force_login(editor)
    date, time = (
        local_parts(timezone.now() - timedelta(minutes=5)) if when else ("", "")
    )

    response = post_form(
        client, article, _workflow="schedule", published_at_0=date, published_at_1=time
    )

    assertContains(
        response,
        "Enter a publication date and time in the future to schedule the story.",
    )
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_publish_now_brings_a_scheduled_story_forward(client, editor, make_story):
    article = make_story("scheduled")
    client.force_login(editor)

    post_form(client, article, _workflow="publish")

    article.refresh_from_db()
    assert article.is_published
    assert article.published_at <= timezone.now()


def test_unpublish_takes_a_live_story_off_the_site(client, editor, make_story):
    article = make_story("live")
    url = article.get_absolute_url()
    client.force_login(editor)

    post_form(client, article, _workflow="unpublish")

    client.logout()
    assert client.get(url).status_code == 404
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.DRAFT, None)


# Who did what: the story's workflow history ---------------------------------------------


def test_form_lists_who_submitted_sent_back_scheduled_published_and_unpublished(
    client, rita, editor, make_story
):
    article = make_story("draft", created_by=rita)
    at = timezone.now() + timedelta(days=2)
    services.submit_for_review(article=article, user=rita)
    services.send_back(article=article, user=editor, note="Shorter, please.")
    services.submit_for_review(article=article, user=rita)
    services.schedule(article=article, user=editor, at=at)
    services.publish_now(article=article, user=editor)
    services.unpublish(article=article, user=editor)
    client.force_login(rita)

    response = client.get(admin_url(Article, "change", article.pk))

    history = response.text[response.text.index("Workflow history") :]
    lines = [
        "Unpublished by ed",
        "Published by ed",
        f"Scheduled by ed, for {timezone.localtime(at):%-d %b %Y, %H:%M}",
        "Submitted for review by rita",
    ]
    positions = [history.index(line) for line in lines]
    assert positions == sorted(positions)
    assert "Sent back by ed: “Shorter, please.”" in history


# The services refuse as the admin does ---------------------------------------------------


def test_services_refuse_a_reporter_publishing_and_change_nothing(rita, make_story):
    article = make_story("draft", created_by=rita)

    with pytest.raises(services.WorkflowRefused, match="Only editors can publish"):
        services.publish_now(article=article, user=rita)

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not article.events.exists()


def test_services_decide_on_the_story_as_stored_not_as_loaded(rita, editor, make_story):
    article = make_story("draft", created_by=rita)
    stale = Article.objects.get(pk=article.pk)
    services.submit_for_review(article=article, user=rita)

    with pytest.raises(services.WorkflowRefused, match="in review"):
        services.submit_for_review(article=stale, user=rita)


# Internal notes ---------------------------------------------------------------------------


def test_internal_note_is_kept_with_its_author_and_never_shown_to_readers(
    client, rita, editor, make_story
):
    article = make_story("live", created_by=rita)
    client.force_login(editor)

    post_form(
        client,
        article,
        **{
            "notes-TOTAL_FORMS": "1",
            "notes-0-text": "Lawyer cleared para 3 — SECRET-NOTE-TEXT",
            "notes-0-article": article.pk,
        },
    )
    form = client.get(admin_url(Article, "change", article.pk))
    preview = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    client.logout()
    public = client.get(article.get_absolute_url())
    home = client.get(reverse("articles:home"))

    note = InternalNote.objects.get()
    assert (note.author, note.article) == (editor, article)
    assertContains(form, "SECRET-NOTE-TEXT")
    assertContains(form, "ed")
    assert preview.status_code == 200
    for page in (preview, public, home):
        assertNotContains(page, "SECRET-NOTE-TEXT")


def test_a_note_once_written_cannot_be_rewritten(client, editor, make_story):
    article = make_story("review")
    note = InternalNote.objects.create(article=article, author=editor, text="First")
    client.force_login(editor)

    post_form(
        client,
        article,
        **{
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "1",
            "notes-0-id": note.pk,
            "notes-0-article": article.pk,
            "notes-0-text": "Rewritten",
        },
    )

    note.refresh_from_db()
    assert note.text == "First"


# The groups migration --------------------------------------------------------------------


def group_permissions() -> dict[str, set[str]]:
    return {
        group.name: set(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.filter(name__in=editorial_groups.GROUPS)
    }


def test_groups_migration_is_idempotent_and_keeps_what_a_site_added(db):
    editorial_groups.create_groups(GROUPS_MIGRATION_APPS(), None)
    first = group_permissions()
    Group.objects.get(name="Editor").permissions.add(
        Permission.objects.get(codename="delete_section")
    )

    editorial_groups.create_groups(GROUPS_MIGRATION_APPS(), None)

    again = group_permissions()
    assert again["Editor"] == first["Editor"] | {"delete_section"}
    assert again["Reporter"] == first["Reporter"]
    assert "publish_article" in first["Editor"]
    assert "publish_article" not in first["Reporter"] | first["Photo desk"]
    assert {"change_image", "change_photographer", "change_agency"} <= first[
        "Photo desk"
    ]
    assert "change_article" not in first["Photo desk"]
    assert Group.objects.filter(name__in=editorial_groups.GROUPS).count() == 3


def test_groups_migration_makes_the_permissions_on_a_fresh_database(db):
    Permission.objects.filter(content_type__app_label="articles").delete()
    Group.objects.filter(name__in=editorial_groups.GROUPS).delete()

    editorial_groups.create_groups(GROUPS_MIGRATION_APPS(), None)

    assert "publish_article" in group_permissions()["Editor"]


def test_groups_migration_goes_back_by_taking_away_only_what_it_gave(db):
    editorial_groups.create_groups(GROUPS_MIGRATION_APPS(), None)
    own = Permission.objects.get(codename="view_group")  # given by the site itself
    Group.objects.get(name="Editor").permissions.add(own)

    editorial_groups.remove_groups(GROUPS_MIGRATION_APPS(), None)

    assert group_permissions() == {
        "Editor": {"view_group"},
        "Photo desk": set(),
        "Reporter": set(),
    }


def test_a_reporter_finds_stories_sent_back_first_on_the_admin_home(
    client, rita, editor, make_story
):
    sent_back = make_story("review", created_by=rita, headline="Needs another source")
    make_story("review", created_by=rita, headline="Still with the desk")
    services.send_back(article=sent_back, user=editor, note="Call the council.")
    client.force_login(rita)

    home = client.get("/admin/")

    assertContains(home, "<caption>Sent back to you</caption>", html=True)
    assertContains(home, "Needs another source")
    assertNotContains(home, "Still with the desk")
