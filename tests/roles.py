"""Fixtures for the workflow tests (loaded with `pytest_plugins = ["tests.roles"]`):
users in the groups migration 0010 creates, and stories at each stage."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article
from tests.workflow_helpers import editorial_groups

GROUP_OF_ROLE = {"reporter": "Reporter", "editor": "Editor", "photo desk": "Photo desk"}


def ensure_groups() -> None:
    """The groups as the data migration makes them. A test that flushed the database
    (live server tests do) took them away; running the migration again is harmless."""
    editorial_groups.create_groups(apps, None)


@pytest.fixture
def make_user(db, django_user_model):
    """`make_user("reporter", "rita")`: an active staff user in that role's group."""
    ensure_groups()

    def make(role: str, username: str | None = None):
        user = django_user_model.objects.create_user(
            username or role.replace(" ", "-"),
            password="password",
            is_staff=True,
            is_superuser=role == "superuser",
        )
        if role in GROUP_OF_ROLE:
            user.groups.add(Group.objects.get(name=GROUP_OF_ROLE[role]))
        return user

    return make


@pytest.fixture
def credited_image(make_image, make_agency):
    return make_image(caption="Harbour at dawn", agency=make_agency("Wire Pictures"))


@pytest.fixture
def make_story(make_article, credited_image):
    """A story that passes the publish checklist, at `stage`, created by `created_by`."""

    def make(stage: str, created_by=None, **overrides):
        now = timezone.now()
        status, published_at = {
            "draft": (Article.Status.DRAFT, None),
            "review": (Article.Status.REVIEW, None),
            "scheduled": (Article.Status.PUBLISHED, now + timedelta(days=1)),
            "live": (Article.Status.PUBLISHED, now - timedelta(hours=1)),
        }[stage]
        fields = {
            "status": status,
            "published_at": published_at,
            "featured_image": credited_image,
            "created_by": created_by,
        } | overrides
        return make_article(**fields)

    return make
