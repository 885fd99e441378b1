"""Helpers for the workflow tests: the roles, and what the article form posts."""

from django.utils import timezone

from tests.helpers import article_form_data

ROLES = ["reporter", "editor", "photo desk", "superuser", "plain staff"]


def local_parts(at) -> tuple[str, str]:
    """A time as the admin's date and time inputs take it, in the newsroom's zone."""
    if at is None:
        return "", ""
    local = timezone.localtime(at, timezone.get_default_timezone())
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def change_form_data(article, **overrides) -> dict:
    """What the article's change form posts when nothing is touched, then `overrides`."""
    date, time = local_parts(article.published_at)
    return (
        article_form_data(
            article.section,
            headline=article.headline,
            slug=article.slug,
            standfirst=article.standfirst,
            body=article.body,
            featured_image=article.featured_image_id or "",
            status=article.status,
            published_at_0=date,
            published_at_1=time,
            version=article.version,
        )
        | overrides
    )
