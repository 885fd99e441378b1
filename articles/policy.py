"""Who may do what to a story, decided in one place. The admin (forms, submit buttons,
lists, bulk actions), `articles.services` and any importer or API ask here, and every
question fails closed: an anonymous, inactive or non-staff user, or a story in a state
not listed here, gets "no".

Roles are groups of permissions (see migration 0010_editorial_groups), and the rules
read permissions, never group names, so a superuser or a site's own group works too:
- `articles.publish_article` makes an editor: they edit any story, publish, schedule,
  unpublish and send back.
- `articles.change_article` without it makes a reporter: they edit their own stories
  while those are drafts, and submit them for review.

A reporter's own story is one they created, or whose byline names the Author linked to
their login: a story started by a colleague or an editor and put under their name is
theirs to finish.
"""

from enum import StrEnum

from django.db.models import Exists, OuterRef, Q

from articles.models import Article, Byline


class Action(StrEnum):
    SUBMIT = "submit"
    SEND_BACK = "send_back"
    PUBLISH = "publish"
    SCHEDULE = "schedule"
    UNPUBLISH = "unpublish"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.SUBMIT: "Submit for review",
    Action.SEND_BACK: "Send back",
    Action.PUBLISH: "Publish now",
    Action.SCHEDULE: "Schedule",
    Action.UNPUBLISH: "Unpublish",
}


class Stage(StrEnum):
    """Where a story is on its way to readers: its status, with "published" split by
    the publication rule into scheduled (time still to come) and live."""

    DRAFT = "draft"
    REVIEW = "review"
    SCHEDULED = "scheduled"
    LIVE = "live"


# What an editor may do at each stage; a reporter may only submit their own draft.
EDITOR_ACTIONS = {
    Stage.DRAFT: frozenset({Action.SUBMIT, Action.PUBLISH, Action.SCHEDULE}),
    Stage.REVIEW: frozenset({Action.SEND_BACK, Action.PUBLISH, Action.SCHEDULE}),
    Stage.SCHEDULED: frozenset({Action.PUBLISH, Action.SCHEDULE, Action.UNPUBLISH}),
    Stage.LIVE: frozenset({Action.UNPUBLISH}),
}
PUBLISHING_ACTIONS = frozenset(
    {Action.SEND_BACK, Action.PUBLISH, Action.SCHEDULE, Action.UNPUBLISH}
)


def stage(article: Article) -> Stage | None:
    match article.status:
        case Article.Status.DRAFT:
            return Stage.DRAFT
        case Article.Status.REVIEW:
            return Stage.REVIEW
        case Article.Status.PUBLISHED if article.published_at is not None:
            return Stage.LIVE if article.is_published else Stage.SCHEDULED
    return None


def _is_active_staff(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.is_staff
    )


def may_publish(user) -> bool:
    """Whether `user` is an editor: publishes, schedules, unpublishes, sends back."""
    return (
        _is_active_staff(user)
        and user.has_perm("articles.change_article")
        and user.has_perm("articles.publish_article")
    )


def own_stories(user) -> Q:
    """Stories `user` created, or whose byline names their Author."""
    named = Byline.objects.filter(article=OuterRef("pk"), author__user=user.pk)
    return Q(created_by=user.pk) | Q(Exists(named))


def is_own(user, article: Article) -> bool:
    if article.pk is None:
        return True  # being written by this user now
    if article.created_by_id == user.pk:
        return True  # known without asking the database
    return Article.objects.filter(own_stories(user), pk=article.pk).exists()


def may_edit(user, article: Article) -> bool:
    """Whether `user` may change `article` (a new one when it has no pk) at all."""
    if not _is_active_staff(user):
        return False
    if article.pk is None:
        return user.has_perm("articles.add_article")
    if not user.has_perm("articles.change_article"):
        return False
    if may_publish(user):
        return stage(article) is not None
    return stage(article) == Stage.DRAFT and is_own(user, article)


def may_delete(user, article: Article) -> bool:
    return user.has_perm("articles.delete_article") and may_edit(user, article)


def allowed_actions(user, article: Article) -> frozenset[Action]:
    """What `user` may do next to `article` as it is stored."""
    current = stage(article)
    if current is None or not may_edit(user, article):
        return frozenset()
    if may_publish(user):
        return EDITOR_ACTIONS[current]
    return frozenset({Action.SUBMIT}) if current == Stage.DRAFT else frozenset()


def may_take(user, article: Article, action: Action) -> bool:
    return action in allowed_actions(user, article)


def edit_refusal(user, article: Article) -> str:
    """Why `user` may not change `article`, for a message."""
    if not _is_active_staff(user) or not user.has_perm("articles.change_article"):
        return "You do not have permission to change stories."
    current = stage(article)
    if current in (Stage.SCHEDULED, Stage.LIVE):
        return "Only editors can edit, unpublish or reschedule a published or scheduled story."
    if current == Stage.REVIEW:
        return "This story is in review: only editors can change it until an editor sends it back to you."
    if current == Stage.DRAFT:
        return (
            "This draft is someone else's: only its reporter and editors can change it."
        )
    return "This story is in a state nobody may change here."


def action_refusal(user, article: Article, action: Action) -> str:
    """Why `user` may not take `action` on `article`, for a message."""
    if not may_edit(user, article):
        return edit_refusal(user, article)
    if action in PUBLISHING_ACTIONS and not may_publish(user):
        if action in (Action.PUBLISH, Action.SCHEDULE):
            return "Only editors can publish or schedule. Submit the story for review and an editor will publish it."
        return f"Only editors can {action.label.lower()} a story."
    current = stage(article)
    where = {
        Stage.DRAFT: "a draft",
        Stage.REVIEW: "a story in review",
        Stage.SCHEDULED: "a scheduled story",
        Stage.LIVE: "a live story",
    }.get(current, "this story")
    return f"“{action.label}” does not apply to {where}."


def may_share_preview(user, article: Article) -> bool:
    """Whether `user` may make or revoke links that show `article` unpublished to
    anyone holding them: editors (the Reporter group has no preview-link permission)."""
    return (
        may_edit(user, article)
        and user.has_perm("articles.add_previewlink")
        and user.has_perm("articles.change_previewlink")
    )


def may_add_note(user, article: Article) -> bool:
    return (
        _is_active_staff(user)
        and user.has_perm("articles.view_article")
        and user.has_perm("articles.add_internalnote")
    )
