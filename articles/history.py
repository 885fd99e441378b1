"""Version history of articles and images (django-simple-history): what a version
records besides the row (an article's tags and bylines), what changed between two
versions, and restoring a version as a new one.

A version is the story as it stood from that save until the next. Tags and bylines are
written after the article (the admin saves them in `save_related`; code calls
`article.tags.add()` or writes `Byline` rows), so when they change the latest version's
snapshot is brought up to date rather than a new version recorded: one admin save makes
one version. Not seen: bulk writes that send no signals (`QuerySet.update()`,
`Byline.objects.bulk_create()`, deleting a tag); they show up at the next save."""

from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from simple_history.signals import pre_create_historical_record

from articles import policy, services
from articles.models import (
    Article,
    Author,
    Byline,
    Image,
    TaggedArticle,
    WorkflowEvent,
)
from articles.models.articles import deleting_article

HistoricalArticle = Article.history.model

# Restored: what a story says and where it sits. Not the slug (its address: a change
# breaks links, and is the slug rule's business) nor status and publication time
# (publishing goes through the workflow): a live story stays live with the old words.
ARTICLE_RESTORED = (
    "headline",
    "label",
    "dateline",
    "standfirst",
    "body",
    "section",
    "featured_image",
    "featured_caption",
    "seo_title",
    "seo_description",
)
ARTICLE_COMPARED = ("slug", *ARTICLE_RESTORED, "status", "published_at")
# Not the file: a replaced original is deleted once its successor is stored.
IMAGE_RESTORED = (
    "alt_text",
    "caption",
    "photographer",
    "agency",
    "credit_type",
    "credit_text",
    "copyright_notice",
    "licence",
    "licence_url",
    "licensor_url",
    "usage_terms",
    "rights_expire_on",
    "focal_x",
    "focal_y",
)
IMAGE_COMPARED = ("file", *IMAGE_RESTORED)
SNAPSHOT_FIELDS = {"tag_names": "Tags", "bylines": "Bylines"}


class RestoreRefused(ValidationError):
    """Nothing was restored; `messages` says why."""


# Snapshots of tags and bylines


def article_snapshot(article_id: int) -> tuple[list[str], list[list]]:
    """The story's tag names (sorted) and bylines ([author id, name] in order), as stored."""
    tag_names = sorted(
        TaggedArticle.objects.filter(content_object_id=article_id).values_list(
            "tag__name", flat=True
        ),
        key=str.casefold,
    )
    bylines = [
        [author_id, name]
        for author_id, name in Byline.objects.filter(article_id=article_id)
        .order_by("position", "pk")
        .values_list("author_id", "author__name")
    ]
    return tag_names, bylines


def versions_newest_first(model, object_id):
    return model.history.filter(id=object_id).order_by("-history_date", "-history_id")


def refresh_latest_snapshot(article_id: int) -> None:
    """Bring the latest version's tags and bylines up to date with the database."""
    latest = versions_newest_first(Article, article_id).first()
    if latest is None or latest.history_type == "-":
        return
    tag_names, bylines = article_snapshot(article_id)
    if (latest.tag_names, latest.bylines) != (tag_names, bylines):
        HistoricalArticle.objects.filter(pk=latest.pk).update(
            tag_names=tag_names, bylines=bylines
        )


@receiver(pre_create_historical_record, sender=HistoricalArticle)
def _fill_snapshot(sender, instance, history_instance, **kwargs):
    if history_instance.history_type == "-":
        # Its tags and bylines were deleted first: the deleted story had the last ones.
        previous = versions_newest_first(Article, instance.pk).first()
        if previous is not None:
            history_instance.tag_names = previous.tag_names
            history_instance.bylines = previous.bylines
        return
    history_instance.tag_names, history_instance.bylines = article_snapshot(instance.pk)


@receiver(m2m_changed, sender=TaggedArticle)
def _tags_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, Article
    ):
        refresh_latest_snapshot(instance.pk)


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def _byline_changed(sender, instance, origin=None, **kwargs):
    if not deleting_article(origin):
        refresh_latest_snapshot(instance.article_id)


# Numbering and who saved


def version_number(record) -> int:
    """An article's version is its `version` counter, the one a refused save names; an
    image's is its place among the image's versions."""
    if isinstance(record, HistoricalArticle):
        return record.version
    return (
        type(record)
        .objects.filter(id=record.id, history_id__lte=record.history_id)
        .count()
    )


def saved_by(record) -> str:
    user = record.history_user
    if user is None:
        return "system"
    return user.get_full_name() or user.get_username()


def local_time(moment) -> str:
    """A time as the newsroom reads it: in its TIME_ZONE."""
    return date_format(
        timezone.localtime(moment, timezone.get_default_timezone()), "j M Y, H:i"
    )


# What changed


def restored_fields(model) -> tuple[str, ...]:
    if model is Article:
        return (*ARTICLE_RESTORED, *SNAPSHOT_FIELDS)
    return IMAGE_RESTORED


def _raw(record, name: str):
    if name in SNAPSHOT_FIELDS:
        return getattr(record, name)
    return getattr(record, record._meta.get_field(name).attname)


def field_label(model, name: str) -> str:
    if name in SNAPSHOT_FIELDS:
        return SNAPSHOT_FIELDS[name]
    return capfirst(model._meta.get_field(name).verbose_name)


def _all_compared(model) -> tuple[str, ...]:
    if model is Article:
        return (*ARTICLE_COMPARED, *SNAPSHOT_FIELDS)
    return IMAGE_COMPARED


def changed_fields(older, newer) -> list[str]:
    """Labels of the fields that differ between two versions of one object."""
    model = newer.instance_type
    return [
        field_label(model, name)
        for name in _all_compared(model)
        if _raw(older, name) != _raw(newer, name)
    ]


@dataclass
class FieldComparison:
    label: str
    older: SafeString
    newer: SafeString
    changed: bool


def compare(older, newer) -> list[FieldComparison]:
    """Every compared field of two versions, side by side and escaped; words removed
    from the older are marked <del>, words added in the newer <ins>."""
    model = newer.instance_type
    names = _all_compared(model)
    shown = _DisplayValues(model, (older, newer), names)
    rows = []
    for name in names:
        changed = _raw(older, name) != _raw(newer, name)
        old_tokens, new_tokens = shown.tokens(older, name), shown.tokens(newer, name)
        if changed:
            old_html, new_html = mark_changes(old_tokens, new_tokens)
        else:
            old_html = new_html = escape(" ".join(old_tokens))
        rows.append(
            FieldComparison(field_label(model, name), old_html, new_html, changed)
        )
    return rows


class _DisplayValues:
    """A version's fields as words a person reads: names for related rows, labels for
    choices, local times, the body's text."""

    def __init__(self, model, records, names):
        self.model = model
        self.related = {}
        for name in names:
            field = None if name in SNAPSHOT_FIELDS else model._meta.get_field(name)
            if field is not None and field.is_relation:
                ids = {_raw(record, name) for record in records} - {None}
                self.related[name] = field.related_model._base_manager.in_bulk(ids)

    def tokens(self, record, name: str) -> list[str]:
        value = _raw(record, name)
        if name == "tag_names":
            return list(value)
        if name == "bylines":
            return [author_name for _author_id, author_name in value]
        if value in (None, ""):
            return []
        if name == "body":
            return body_words(value)
        field = self.model._meta.get_field(name)
        if name in self.related:
            found = self.related[name].get(value)
            return [str(found) if found else f"(deleted, id {value})"]
        if field.choices:
            return [str(dict(field.flatchoices).get(value, value))]
        if hasattr(value, "tzinfo"):
            return [local_time(value)]
        return str(value).split()


def mark_changes(
    old_tokens: list[str], new_tokens: list[str]
) -> tuple[SafeString, SafeString]:
    """Two runs of words, escaped, with what only the first has in <del> and what only
    the second has in <ins>. Each mark starts with hidden words for screen readers,
    since they do not announce <del>/<ins>."""
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    old_parts, new_parts = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = " ".join(old_tokens[i1:i2]), " ".join(new_tokens[j1:j2])
        if op == "equal":
            old_parts.append(escape(removed))
            new_parts.append(escape(added))
            continue
        if removed:
            old_parts.append(
                format_html(
                    '<del><span class="visually-hidden">removed: </span>{}</del>',
                    removed,
                )
            )
        if added:
            new_parts.append(
                format_html(
                    '<ins><span class="visually-hidden">added: </span>{}</ins>', added
                )
            )
    # Every part was escaped or built by format_html above.
    return mark_safe(" ".join(old_parts)), mark_safe(" ".join(new_parts))  # noqa: S308


PARAGRAPH_BREAK = "\n"
_BLOCKS = {"p", "h2", "h3", "li", "blockquote", "hr", "figure", "ul", "ol", "br"}


class _BodyText(HTMLParser):
    """The words of a body, a break after each block; a figure as "[Figure (picture N):
    caption]" and a link's address after its text, so changing either shows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._links: list[str] = []

    def _break(self):
        if self.words and self.words[-1] != PARAGRAPH_BREAK:
            self.words.append(PARAGRAPH_BREAK)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _BLOCKS:
            self._break()
        if tag == "img" and attrs.get("data-file"):
            self.words += ["[Figure", f"(picture {attrs['data-file']}):"]
        elif tag == "a":
            self._links.append(attrs.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "a" and self._links:
            self.words.append(f"({self._links.pop()})")
        elif tag == "figure":
            self.words.append("]")
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data):
        self.words += data.split()


def body_words(html: str) -> list[str]:
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    words = parser.words
    while words and words[-1] == PARAGRAPH_BREAK:
        words.pop()
    return words


# Restore


def restore_version(record, *, user) -> models.Model:
    """Write a version's content back as a new version (history is never rewritten),
    through the model's save(), so the body is sanitized and derived data rebuilt."""
    if isinstance(record, HistoricalArticle):
        return _restore_article(record, user=user)
    return _restore_image(record, user=user)


def _missing_rows(record, names) -> list[str]:
    model = record.instance_type
    problems = []
    for name in names:
        field = model._meta.get_field(name)
        value = getattr(record, field.attname)
        if (
            field.is_relation
            and value is not None
            and not field.related_model._base_manager.filter(pk=value).exists()
        ):
            problems.append(f"Its {field.verbose_name} (id {value}) no longer exists.")
    return problems


def _write_fields(obj, record, names, *, user, number: int) -> None:
    _set_fields(obj, record, names)
    obj._history_user = user
    obj._change_reason = f"Restored version {number}"
    obj.save()


def _set_fields(obj, record, names) -> None:
    for name in names:
        attname = obj._meta.get_field(name).attname
        setattr(obj, attname, getattr(record, attname))


@transaction.atomic
def _restore_article(record, *, user) -> Article:
    article = Article.objects.select_for_update().get(pk=record.id)
    if not policy.may_edit(user, article):
        raise RestoreRefused([policy.edit_refusal(user, article)])
    number = version_number(record)
    problems = _missing_rows(record, ARTICLE_RESTORED)
    author_ids = [author_id for author_id, _name in record.bylines]
    known = set(Author.objects.filter(pk__in=author_ids).values_list("pk", flat=True))
    problems += [
        f"Its author {name} (id {author_id}) no longer exists."
        for author_id, name in record.bylines
        if author_id not in known
    ]
    if problems:
        raise RestoreRefused(problems)
    # A live or scheduled story stays fit to publish: the old content is checked first.
    _set_fields(article, record, ARTICLE_RESTORED)
    if problems := services.new_problems_if_published(article):
        raise RestoreRefused(
            ["The story is published, and this version cannot be:"]
            + [problem.message for problem in problems]
        )
    # Saved first: the new version's snapshot then follows the tags and bylines below.
    _write_fields(article, record, ARTICLE_RESTORED, user=user, number=number)
    article.tags.set(record.tag_names)
    article.bylines.all().delete()
    Byline.objects.bulk_create(
        Byline(article=article, author_id=author_id, position=position)
        for position, author_id in enumerate(author_ids)
    )
    refresh_latest_snapshot(article.pk)
    WorkflowEvent.objects.create(
        article=article,
        action=WorkflowEvent.Action.RESTORED,
        user=user,
        note=f"Restored version {number} of {local_time(record.history_date)}",
    )
    return article


@transaction.atomic
def _restore_image(record, *, user) -> Image:
    image = Image.objects.select_for_update().get(pk=record.id)
    problems = _missing_rows(record, IMAGE_RESTORED)
    if problems:
        raise RestoreRefused(problems)
    _write_fields(
        image, record, IMAGE_RESTORED, user=user, number=version_number(record)
    )
    return image
