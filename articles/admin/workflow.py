"""The workflow in the articles admin: the state and its buttons on the form, the
checklist and the story's workflow history, the list's filters by state and "My
stories", and bulk moves. Every decision is `articles.policy`'s."""

from datetime import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles import history, policy, services
from articles.models import Article
from articles.policy import Action, Stage

# The status each action leaves a story in, for the status list's choices.
TARGET_STATUS = {
    Action.SUBMIT: Article.Status.REVIEW,
    Action.SEND_BACK: Article.Status.DRAFT,
    Action.PUBLISH: Article.Status.PUBLISHED,
    Action.SCHEDULE: Article.Status.PUBLISHED,
    Action.UNPUBLISH: Article.Status.DRAFT,
}


def zone_label(at: datetime | None = None) -> str:
    """The newsroom's time zone as staff read it at `at`: “Europe/London (GMT)”."""
    local = timezone.localtime(at or timezone.now(), timezone.get_default_timezone())
    return f"{settings.TIME_ZONE} ({local.tzname()})"


def local_time(at: datetime) -> str:
    return f"{history.local_time(at)} {zone_label(at)}"


def state_text(article: Article) -> str:
    match policy.stage(article):
        case Stage.DRAFT:
            return "Draft"
        case Stage.REVIEW:
            return "In review"
        case Stage.SCHEDULED:
            return f"Scheduled for {local_time(article.published_at)}"
        case Stage.LIVE:
            return f"Live since {local_time(article.published_at)}"
    return "Unknown"


def requested_action(
    article: Article, status: str, published_at: datetime | None
) -> Action | None:
    """The move a plain save asks for when it changes the status or, for a published
    story, the publication time; None when it asks for none."""
    was_published = article.status == Article.Status.PUBLISHED
    if status == Article.Status.PUBLISHED:
        future = published_at is not None and published_at > timezone.now()
        if not was_published:
            return Action.SCHEDULE if future else Action.PUBLISH
        stored = article.published_at
        if stored is not None and published_at == stored.replace(microsecond=0):
            return None  # the form shows and posts whole seconds
        if future:
            return Action.SCHEDULE
        return Action.PUBLISH if policy.stage(article) == Stage.SCHEDULED else None
    if was_published:
        return Action.UNPUBLISH
    if status == article.status:
        return None
    return Action.SUBMIT if status == Article.Status.REVIEW else Action.SEND_BACK


def status_choices(user, article: Article) -> list[tuple[str, str]]:
    """The statuses `user` may put `article` in: where it is, and where its allowed
    actions take it."""
    reachable = {article.status} | {
        TARGET_STATUS[action] for action in policy.allowed_actions(user, article)
    }
    return [
        (value, label) for value, label in Article.Status.choices if value in reachable
    ]


def form_context(user, article: Article | None) -> dict:
    """What the form's workflow panel and submit row show."""
    article = article or Article()
    actions = policy.allowed_actions(user, article)
    events = [
        {
            "event": event,
            "at": local_time(event.at),
            "scheduled_for": event.scheduled_for and local_time(event.scheduled_for),
        }
        for event in (article.events.select_related("user") if article.pk else [])
    ]
    stage = policy.stage(article)
    # The latest move, when it was a send-back: the note matters until it is resubmitted.
    sent_back = next(iter(events), None)
    if sent_back and sent_back["event"].action != sent_back["event"].Action.SENT_BACK:
        sent_back = None
    return {
        "state": state_text(article) if article.pk else "New draft",
        # A read-only form says why, rather than leaving the reader to guess.
        "read_only_because": (
            policy.edit_refusal(user, article)
            if article.pk and not policy.may_edit(user, article)
            else ""
        ),
        "actions": [action for action in Action if action in actions],
        "may_send_back": Action.SEND_BACK in actions,
        "sent_back": sent_back if stage == Stage.DRAFT else None,
        "checklist": (
            services.publish_checklist(article)
            if article.pk and stage != Stage.LIVE
            else None
        ),
        "events": events,
        "zone": zone_label(),
    }


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Stage.DRAFT, "Draft"),
            (Stage.REVIEW, "In review"),
            (Stage.SCHEDULED, "Scheduled"),
            (Stage.LIVE, "Live"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = Q(status=Article.Status.PUBLISHED)
        match self.value():
            case Stage.DRAFT:
                return queryset.filter(status=Article.Status.DRAFT)
            case Stage.REVIEW:
                return queryset.filter(status=Article.Status.REVIEW)
            case Stage.SCHEDULED:
                return queryset.filter(published, published_at__gt=now)
            case Stage.LIVE:
                return queryset.published()
        return queryset


class MyStoriesFilter(admin.SimpleListFilter):
    """Reporters start from their own stories; editors from everyone's."""

    title = "whose stories"
    parameter_name = "mine"

    def __init__(self, request, params, model, model_admin):
        self.user = request.user
        super().__init__(request, params, model, model_admin)

    def value(self):
        value = super().value()
        if value is None:
            return "no" if policy.may_publish(self.user) else "yes"
        return value

    def lookups(self, request, model_admin):
        return [("yes", "My stories"), ("no", "Everyone's")]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(policy.own_stories(request.user))
        return queryset


def _bulk(model_admin, request, queryset, action: Action, done: str):
    """Take `action` on every selected story, or on none: one refusal stops them all."""
    refused = []
    with transaction.atomic():
        stories = list(queryset)
        for article in stories:
            try:
                services.take(action, article=article, user=request.user)
            except services.WorkflowRefused as refusal:
                refused.append(f"“{article}”: {refusal}")
        if refused:
            transaction.set_rollback(True)
    if refused:
        model_admin.message_user(
            request,
            f"Nothing was changed. {' '.join(refused)}",
            messages.ERROR,
        )
    else:
        count = len(stories)
        model_admin.message_user(
            request,
            f"{done} {count} stor{'y' if count == 1 else 'ies'}.",
            messages.SUCCESS,
        )


@admin.action(description="Submit selected stories for review", permissions=["change"])
def submit_selected(model_admin, request, queryset):
    _bulk(model_admin, request, queryset, Action.SUBMIT, "Submitted for review:")


@admin.action(description="Publish selected stories now", permissions=["publish"])
def publish_selected(model_admin, request, queryset):
    _bulk(model_admin, request, queryset, Action.PUBLISH, "Published:")


@admin.action(description="Unpublish selected stories", permissions=["publish"])
def unpublish_selected(model_admin, request, queryset):
    _bulk(model_admin, request, queryset, Action.UNPUBLISH, "Unpublished:")
