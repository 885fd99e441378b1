"""Helpers for the workflow tests: the roles, and what the article form posts."""

import importlib

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.helpers import article_form_data

editorial_groups = importlib.import_module("articles.migrations.0010_editorial_groups")

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
            label=article.label,
            headline=article.headline,
            slug=article.slug,
            dateline=article.dateline,
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


def GROUPS_MIGRATION_APPS():
    """The models as the groups migration sees them."""
    executor = MigrationExecutor(connection)
    return executor.loader.project_state(("articles", "0010_editorial_groups")).apps
