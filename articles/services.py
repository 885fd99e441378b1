"""Business actions on stories that touch several rows: the editorial workflow (submit,
send back, publish, schedule, unpublish), each checked against `articles.policy`,
applied, and recorded as a `WorkflowEvent`; and the publish checklist.

The admin form takes the same steps in the same order (`problems_with`, `apply`,
`record`) so that a story's edits and its move are saved together.
"""

from dataclasses import dataclass
from datetime import datetime

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from articles import audit, body, policy
from articles.credits import credit_string
from articles.models import Article, AuditEvent, Image, WorkflowEvent
from articles.policy import Action

logger = structlog.get_logger(__name__)

# The steps the audit log keeps (articles.audit): a story going live or coming down.
AUDITED = {
    Action.PUBLISH: AuditEvent.Kind.PUBLISHED,
    Action.SCHEDULE: AuditEvent.Kind.SCHEDULED,
    Action.UNPUBLISH: AuditEvent.Kind.UNPUBLISHED,
}

EVENTS = {
    Action.SUBMIT: WorkflowEvent.Action.SUBMITTED,
    Action.SEND_BACK: WorkflowEvent.Action.SENT_BACK,
    Action.PUBLISH: WorkflowEvent.Action.PUBLISHED,
    Action.SCHEDULE: WorkflowEvent.Action.SCHEDULED,
    Action.UNPUBLISH: WorkflowEvent.Action.UNPUBLISHED,
}


@dataclass(frozen=True)
class Problem:
    """Something that stops an action, and the form field where it is fixed."""

    field: str
    message: str

    @property
    def anchor(self) -> str:
        """The id of the form element where it is fixed: a date-and-time field is
        two inputs, the date first."""
        return (
            f"id_{self.field}_0" if self.field == "published_at" else f"id_{self.field}"
        )


class WorkflowRefused(Exception):
    """The action was refused and nothing was changed; `reasons` says why, all at once."""

    def __init__(self, reasons: list[Problem]):
        super().__init__(" ".join(reason.message for reason in reasons))
        self.reasons = reasons


def publish_checklist(article: Article, *, at: datetime | None = None) -> list[Problem]:
    """Everything that stops `article`, as it stands (saved or not), from going live at
    `at` (default: now). Drafts may be saved with any of these."""
    at = at or timezone.now()
    problems = [
        Problem(field, message)
        for field, missing, message in [
            ("headline", not article.headline.strip(), "Write a headline."),
            ("section", article.section_id is None, "Choose a section."),
            ("standfirst", not article.standfirst.strip(), "Write a standfirst."),
            (
                "featured_image",
                article.featured_image_id is None,
                "Choose a featured image.",
            ),
        ]
        if missing
    ]
    for field, where, image in _pictures(article):
        name = f"{where} (“{image}”)"
        if not image.alt_text.strip():
            problems.append(Problem(field, f"{name} has no alt text."))
        if not credit_string(image):
            problems.append(
                Problem(field, f"{name} has no credit: the photo desk can add one.")
            )
        if image.rights_expired(at):
            day = format_date(image.rights_expire_on, "j M Y")
            problems.append(
                Problem(
                    field,
                    f"{name}: its rights end on {day}, before the story would be live.",
                )
            )
    return problems


def _pictures(article: Article) -> list[tuple[str, str, Image]]:
    """(form field, "where", image) for each picture the story shows, once each."""
    refs = body.figure_refs(body.sanitize(article.body))
    ids = {ref.image_id for ref in refs if ref.image_id} | {article.featured_image_id}
    images = Image.objects.with_credit_data().in_bulk(ids - {None})
    pictures = []
    if article.featured_image_id in images:
        pictures.append(
            ("featured_image", "The featured image", images[article.featured_image_id])
        )
    seen = {article.featured_image_id}
    for number, ref in enumerate(refs, start=1):
        if ref.image_id in images and ref.image_id not in seen:
            seen.add(ref.image_id)
            pictures.append(("body", f"Figure {number}", images[ref.image_id]))
    return pictures


def new_problems_if_published(article: Article) -> list[Problem]:
    """For a live or scheduled story being edited (`article` holds the edit, unsaved):
    the checklist problems the edit brings, such as a picture without credit swapped
    in. Problems the stored story already had do not stop a correction going out."""
    if article.pk is None or article.status != Article.Status.PUBLISHED:
        return []
    at = max(article.published_at, timezone.now())
    stored = Article.objects.get(pk=article.pk)
    known = {problem.message for problem in publish_checklist(stored, at=at)}
    return [
        problem
        for problem in publish_checklist(article, at=at)
        if problem.message not in known
    ]


def problems_with(
    action: Action, *, article: Article, at: datetime | None = None, note: str = ""
) -> list[Problem]:
    """What stops `action` on `article` besides permission: a note to send it back, a
    time to come to schedule it, and the checklist to publish or schedule it."""
    if action == Action.SEND_BACK and not note.strip():
        return [
            Problem(
                "workflow_note",
                "Write a note telling the reporter what to change, then send the story back.",
            )
        ]
    if action == Action.SCHEDULE:
        if at is None or at <= timezone.now():
            return [
                Problem(
                    "published_at",
                    "Enter a publication date and time in the future to schedule the story.",
                )
            ]
        return publish_checklist(article, at=at)
    if action == Action.PUBLISH:
        return publish_checklist(article)
    return []


def apply(action: Action, article: Article, *, at: datetime | None = None) -> None:
    """Move `article` (in memory) to where `action` takes it."""
    match action:
        case Action.SUBMIT:
            article.status = Article.Status.REVIEW
        case Action.SEND_BACK:
            article.status = Article.Status.DRAFT
        case Action.PUBLISH:
            article.status = Article.Status.PUBLISHED
            article.published_at = timezone.now()
        case Action.SCHEDULE:
            article.status = Article.Status.PUBLISHED
            article.published_at = at
        case Action.UNPUBLISH:
            article.status = Article.Status.DRAFT
            article.published_at = None


def record(
    action: Action,
    *,
    article: Article,
    user,
    note: str = "",
) -> WorkflowEvent:
    if action == Action.UNPUBLISH:
        # Share links made on the draft must not show a pulled story again (a legal
        # takedown, say): they are revoked with it.
        article.preview_links.filter(revoked_at=None).update(revoked_at=timezone.now())
    event = WorkflowEvent.objects.create(
        article=article,
        action=EVENTS[action],
        user=user,
        scheduled_for=article.published_at if action == Action.SCHEDULE else None,
        note=note.strip(),
    )
    # Beside the request's own line, which names the user: what they did, to what.
    logger.info(
        "workflow_event", action=event.action, article_id=article.pk, user_id=user.pk
    )
    if kind := AUDITED.get(action):
        audit.record(
            kind,
            actor=user,
            subject=f"story {article.pk} “{article.headline}”",
            detail=f"for {timezone.localtime(article.published_at):%Y-%m-%d %H:%M %Z}"
            if action == Action.SCHEDULE
            else "",
        )
    return event


def take(
    action: Action,
    *,
    article: Article,
    user,
    at: datetime | None = None,
    note: str = "",
) -> WorkflowEvent:
    """Check, apply and record `action` on the stored `article`, or raise
    `WorkflowRefused` having changed nothing."""
    with transaction.atomic():
        # Decided on the row as stored now, not on what the caller loaded earlier.
        current = Article.objects.select_for_update().get(pk=article.pk)
        if not policy.may_take(user, current, action):
            raise WorkflowRefused(
                [Problem("", policy.action_refusal(user, current, action))]
            )
        if problems := problems_with(action, article=current, at=at, note=note):
            raise WorkflowRefused(problems)
        apply(action, current, at=at)
        current.save(update_fields=["status", "published_at"])
        event = record(action, article=current, user=user, note=note)
    article.status, article.published_at, article.version = (
        current.status,
        current.published_at,
        current.version,
    )
    return event


def submit_for_review(*, article: Article, user) -> WorkflowEvent:
    return take(Action.SUBMIT, article=article, user=user)


def send_back(*, article: Article, user, note: str) -> WorkflowEvent:
    return take(Action.SEND_BACK, article=article, user=user, note=note)


def publish_now(*, article: Article, user) -> WorkflowEvent:
    return take(Action.PUBLISH, article=article, user=user)


def schedule(*, article: Article, user, at: datetime) -> WorkflowEvent:
    return take(Action.SCHEDULE, article=article, user=user, at=at)


def unpublish(*, article: Article, user) -> WorkflowEvent:
    return take(Action.UNPUBLISH, article=article, user=user)
