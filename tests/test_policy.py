"""Who may do what, through the admin, as each role: the groups are the data
migration's, so these tests check the permissions it hands out as well as the policy."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import policy
from articles.models import Article, Author, Byline, WorkflowEvent
from tests.helpers import admin_url, changelist_rows
from tests.workflow_helpers import ROLES, change_form_data, local_parts

pytest_plugins = ["tests.roles"]

TOMORROW_NOON = timezone.localtime(timezone.now() + timedelta(days=1)).replace(
    hour=12, minute=0, second=0, microsecond=0
)
ACTOR_STORY = "actor's"  # the reporter's own story; the reporter is the one acting
OTHERS_STORY = "someone else's"


def edited(article):
    return {"headline": "Edited headline"}


def button(action, **extra):
    return lambda article: {"_workflow": action, **extra}


def scheduled_at_noon(article):
    date, time = local_parts(TOMORROW_NOON)
    return {"_workflow": "schedule", "published_at_0": date, "published_at_1": time}


# case: (stage, whose story, what the form posts, what an allowed post leaves)
CASES = {
    "edit own draft": ("draft", ACTOR_STORY, edited, {"headline": "Edited headline"}),
    "edit someone else's draft": (
        "draft",
        OTHERS_STORY,
        edited,
        {"headline": "Edited headline"},
    ),
    "edit own story in review": (
        "review",
        ACTOR_STORY,
        edited,
        {"headline": "Edited headline"},
    ),
    "edit own scheduled story": (
        "scheduled",
        ACTOR_STORY,
        edited,
        {"headline": "Edited headline"},
    ),
    "edit own live story": (
        "live",
        ACTOR_STORY,
        edited,
        {"headline": "Edited headline"},
    ),
    "submit own draft": ("draft", ACTOR_STORY, button("submit"), {"status": "review"}),
    "send back": (
        "review",
        ACTOR_STORY,
        button("send_back", workflow_note="Needs a second source."),
        {"status": "draft"},
    ),
    "publish now": ("review", ACTOR_STORY, button("publish"), {"status": "published"}),
    "schedule": (
        "review",
        ACTOR_STORY,
        scheduled_at_noon,
        {"status": "published", "published_at": TOMORROW_NOON},
    ),
    "unpublish": ("live", ACTOR_STORY, button("unpublish"), {"status": "draft"}),
}
EVERYONE_WHO_EDITS = {"editor", "superuser"}
ALLOWED = {
    "edit own draft": {"reporter", *EVERYONE_WHO_EDITS},
    "submit own draft": {"reporter", *EVERYONE_WHO_EDITS},
} | {case: EVERYONE_WHO_EDITS for case in CASES if "own draft" not in case}
EVENTS = {
    "submit own draft": WorkflowEvent.Action.SUBMITTED,
    "send back": WorkflowEvent.Action.SENT_BACK,
    "publish now": WorkflowEvent.Action.PUBLISHED,
    "schedule": WorkflowEvent.Action.SCHEDULED,
    "unpublish": WorkflowEvent.Action.UNPUBLISHED,
}


def snapshot(article) -> dict:
    article.refresh_from_db()
    return {
        "headline": article.headline,
        "status": article.status,
        "published_at": article.published_at,
        "version": article.version,
        "events": article.events.count(),
    }


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_through_the_admin(client, make_user, make_story, role, case):
    stage, whose, posts, allowed_result = CASES[case]
    actor = make_user(role)
    owner = actor if role == "reporter" and whose == ACTOR_STORY else None
    owner = owner or make_user("reporter", "someone-else")
    article = make_story(stage, created_by=owner)
    before = snapshot(article)
    client.force_login(actor)

    response = client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, **posts(article)),
        follow=True,
    )

    after = snapshot(article)
    if role in ALLOWED[case]:
        assert response.redirect_chain, response.text
        assert {key: after[key] for key in allowed_result} == allowed_result
        if case in EVENTS:
            event = article.events.get()
            assert (event.action, event.user) == (EVENTS[case], actor)
    else:
        assert after == before  # nothing saved, no event written
        if role == "plain staff":
            assert response.status_code == 403
        else:
            assert re.search(r'class="errornote"|<li class="error">', response.text)


@pytest.mark.parametrize(
    ("role", "stage", "buttons"),
    [
        ("reporter", "draft", ["Submit for review"]),
        ("reporter", "review", []),
        ("editor", "draft", ["Submit for review", "Publish now", "Schedule"]),
        ("editor", "review", ["Send back", "Publish now", "Schedule"]),
        ("editor", "scheduled", ["Publish now", "Schedule", "Unpublish"]),
        ("editor", "live", ["Unpublish"]),
        ("superuser", "review", ["Send back", "Publish now", "Schedule"]),
        ("photo desk", "review", []),
    ],
)
def test_the_form_offers_only_the_moves_the_user_may_make(
    client, make_user, make_story, role, stage, buttons
):
    actor = make_user(role)
    owner = actor if role == "reporter" else make_user("reporter", "rita")
    article = make_story(stage, created_by=owner)
    client.force_login(actor)

    response = client.get(admin_url(Article, "change", article.pk))

    offered = re.findall(
        r'<button type="submit" name="_workflow"[^>]*>([^<]+)<', response.text
    )
    assert offered == buttons
    # Neither may anything be saved where nothing may be changed.
    saves = 'name="_save"' in response.text
    assert saves == (role != "photo desk" and (role != "reporter" or stage == "draft"))


def test_reporter_named_on_the_byline_may_edit_a_draft_someone_else_started(
    client, make_user, make_story
):
    reporter = make_user("reporter", "rita")
    article = make_story("draft", created_by=make_user("editor"))
    client.force_login(reporter)
    refused = client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, headline="Rita's headline"),
        follow=True,
    )
    assertContains(refused, "This draft is someone else&#x27;s")
    author = Author.objects.create(name="Rita Reporter", slug="rita", user=reporter)
    Byline.objects.create(article=article, author=author)

    client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, headline="Rita's headline")
        | {
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "1",
            "bylines-0-id": article.bylines.get().pk,
            "bylines-0-article": article.pk,
            "bylines-0-author": author.pk,
            "bylines-0-position": "0",
        },
    )

    article.refresh_from_db()
    assert article.headline == "Rita's headline"


@pytest.mark.parametrize(
    ("role", "query", "shown"),
    [
        ("reporter", "", ["Rita's draft", "Rita's live story"]),
        ("reporter", "?mine=no", ["Rita's draft", "Rita's live story", "Rob's draft"]),
        ("editor", "", ["Rita's draft", "Rita's live story", "Rob's draft"]),
        ("editor", "?mine=yes", []),
    ],
)
def test_reporters_start_from_their_own_stories(
    client, make_user, make_story, role, query, shown
):
    rita = make_user("reporter", "rita")
    rob = make_user("reporter", "rob")
    make_story("draft", created_by=rita, headline="Rita's draft")
    make_story("live", created_by=rita, headline="Rita's live story")
    make_story("draft", created_by=rob, headline="Rob's draft")
    client.force_login(rita if role == "reporter" else make_user(role))

    response = client.get(admin_url(Article) + query)

    rows = " ".join(changelist_rows(response))
    headlines = [
        h
        for h in ["Rita's draft", "Rita's live story", "Rob's draft"]
        if h.replace("'", "&#x27;") in rows
    ]
    assert headlines == shown


@pytest.mark.parametrize(
    ("state", "shown"),
    [
        ("review", ["In review"]),
        ("scheduled", ["Tomorrow's"]),
        ("live", ["Live now"]),
        ("draft", ["Draft"]),
    ],
)
def test_changelist_filters_by_state(admin_client, make_story, state, shown):
    make_story("review", headline="In review")
    make_story("scheduled", headline="Tomorrow's")
    make_story("live", headline="Live now")
    make_story("draft", headline="Draft")

    response = admin_client.get(admin_url(Article) + f"?state={state}")

    rows = changelist_rows(response)
    assert len(rows) == len(shown)
    assertContains(response, shown[0].replace("'", "&#x27;"))


@pytest.mark.parametrize(
    ("role", "offered"),
    [
        ("reporter", ["Submit selected stories for review"]),
        (
            "editor",
            [
                "Submit selected stories for review",
                "Publish selected stories now",
                "Unpublish selected stories",
            ],
        ),
        ("photo desk", []),
    ],
)
def test_bulk_actions_offered_by_role(client, make_user, make_story, role, offered):
    make_story("draft")
    client.force_login(make_user(role))

    response = client.get(admin_url(Article) + "?mine=no")

    for action in [
        "Submit selected stories for review",
        "Publish selected stories now",
        "Unpublish selected stories",
    ]:
        (assertContains if action in offered else assertNotContains)(response, action)


def test_bulk_publish_by_a_reporter_is_refused_and_nothing_changes(
    client, make_user, make_story
):
    reporter = make_user("reporter", "rita")
    article = make_story("review", created_by=reporter)
    client.force_login(reporter)

    response = client.post(
        admin_url(Article),
        {"action": "publish_selected", "_selected_action": [article.pk]},
        follow=True,
    )

    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert not article.events.exists()
    assert response.status_code == 200


def test_bulk_publish_is_all_or_nothing_and_names_what_stopped_it(
    admin_client, admin_user, make_story
):
    ready = make_story("review", headline="Ready")
    unready = make_story("review", headline="Unready", standfirst="")

    response = admin_client.post(
        admin_url(Article),
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )

    assertContains(response, "Nothing was changed.")
    assertContains(response, "“Unready”: Write a standfirst.")
    assert not Article.objects.published().exists()
    unready.standfirst = "Now it has one."
    unready.save()

    response = admin_client.post(
        admin_url(Article),
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )

    assertContains(response, "Published: 2 stories.")
    assert Article.objects.published().count() == 2
    assert (
        WorkflowEvent.objects.filter(
            action=WorkflowEvent.Action.PUBLISHED, user=admin_user
        ).count()
        == 2
    )


# The policy itself fails closed -------------------------------------------------------


def test_policy_says_no_to_anonymous_inactive_and_non_staff_users(
    make_user, make_story, django_user_model
):
    from django.contrib.auth.models import AnonymousUser

    article = make_story("draft")
    inactive = make_user("editor")
    inactive.is_active = False
    not_staff = make_user("superuser", "not-staff")
    not_staff.is_staff = False

    for user in [AnonymousUser(), None, inactive, not_staff]:
        assert not policy.may_edit(user, article)
        assert not policy.may_publish(user)
        assert policy.allowed_actions(user, article) == frozenset()


def test_policy_says_no_to_a_story_in_a_state_it_does_not_know(make_user, make_story):
    article = make_story("draft")
    article.status = "spiked"

    assert not policy.may_edit(make_user("superuser"), article)
    assert policy.allowed_actions(make_user("editor"), article) == frozenset()
