"""Object permissions for each role, through the admin: what tests/test_policy.py does
not already go through. It covers editing (own and someone else's drafts, stories in
review, scheduled and live), submit, send back, publish, schedule and unpublish from
the story's form, for every role; here are viewing and deleting stories, bulk
publishing and unpublishing, uploading, deleting and re-crediting pictures, opening
originals, the credits report, the audit log, and users and groups. A refused request changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from articles.models import Article, Image
from tests.helpers import (
    admin_url,
    image_bytes,
    image_change_data,
    image_form_data,
    upload,
)
from tests.workflow_helpers import ROLES, local_parts

pytest_plugins = ["tests.roles"]

EVERYONE = frozenset(ROLES)
NO_ONE_BUT_THE_SUPERUSER = frozenset({"superuser"})
EDITORS = frozenset({"editor", "superuser"})
IMAGE_STAFF = frozenset({"editor", "photo desk", "superuser"})
STORY_READERS = frozenset({"reporter", "editor", "photo desk", "superuser"})
REFUSED = (403, 404)


# Not state: sessions (signing in writes them), and renditions, which any page that
# shows a picture makes when they are missing (the images list does, for thumbnails).
NOT_COMPARED = {"sessions.Session", "articles.Rendition"}


def database_state() -> dict[str, list[dict]]:
    """Every row of every other table."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.label not in NOT_COMPARED
    }


@dataclass
class Scene:
    actor: object
    others_draft: Article
    own_draft: Article
    in_review: Article
    live: Article
    image: Image  # the stories' featured picture
    unused_image: Image
    agency: object
    colleague: object


@pytest.fixture
def scene(make_user, make_story, make_agency, make_image):
    def build(role: str) -> Scene:
        actor = make_user(role, "actor")
        colleague = make_user("reporter", "colleague")
        return Scene(
            actor=actor,
            others_draft=make_story("draft", created_by=colleague, headline="Theirs"),
            own_draft=make_story("draft", created_by=actor, headline="Mine"),
            in_review=make_story("review", created_by=colleague, headline="Review"),
            live=make_story("live", created_by=colleague, headline="Live"),
            image=Image.objects.get(),
            unused_image=make_image(
                file=upload(content=image_bytes(color=(5, 5, 5))),
                alt_text="Unused",
            ),
            agency=make_agency("Other Agency"),
            colleague=colleague,
        )

    return build


@dataclass(frozen=True)
class Case:
    allowed: frozenset
    method: str
    url: Callable[[Scene], str]
    data: Callable[[Scene], dict] | None = None
    # What an allowed POST did (a GET changes nothing either way).
    did: Callable[[Scene], bool] | None = None
    # What a refusal answers besides 403/404: Django's changelist answers 200 with
    # "No action selected" when the action is not one the user is offered.
    refused_with: tuple = REFUSED


def _exists(article_of):
    return lambda s: Article.objects.filter(pk=article_of(s).pk).exists()


def _deleting(article_of) -> Case:
    """Deleting a story, which only editors may do."""
    return Case(
        EDITORS,
        "post",
        lambda s: admin_url(Article, "delete", article_of(s).pk),
        lambda s: {"post": "yes"},
        did=lambda s: not _exists(article_of)(s),
    )


def _user_change_data(s: Scene) -> dict:
    joined_date, joined_time = local_parts(s.colleague.date_joined)
    return {
        "username": s.colleague.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [group.pk for group in s.colleague.groups.all()],
        "user_permissions": [],
        "date_joined_0": joined_date,
        "date_joined_1": joined_time,
        "last_login_0": "",
        "last_login_1": "",
    }


def _group_change_data(s: Scene) -> dict:
    reporter = Group.objects.get(name="Reporter")
    delete_article = Permission.objects.get(codename="delete_article")
    return {
        "name": reporter.name,
        "permissions": [
            *reporter.permissions.values_list("pk", flat=True),
            delete_article.pk,
        ],
    }


CASES = {
    "view someone else's draft": Case(
        STORY_READERS, "get", lambda s: admin_url(Article, "change", s.others_draft.pk)
    ),
    "view own draft": Case(
        STORY_READERS, "get", lambda s: admin_url(Article, "change", s.own_draft.pk)
    ),
    "delete someone else's draft": _deleting(lambda s: s.others_draft),
    "delete own draft": _deleting(lambda s: s.own_draft),
    "delete a live story": _deleting(lambda s: s.live),
    "bulk publish a story in review": Case(
        EDITORS,
        "post",
        lambda s: admin_url(Article),
        lambda s: {"action": "publish_selected", "_selected_action": [s.in_review.pk]},
        did=lambda s: Article.objects.published().filter(pk=s.in_review.pk).exists(),
        refused_with=(*REFUSED, 200, 302),
    ),
    "bulk unpublish a live story": Case(
        EDITORS,
        "post",
        lambda s: admin_url(Article),
        lambda s: {"action": "unpublish_selected", "_selected_action": [s.live.pk]},
        did=lambda s: not Article.objects.published().filter(pk=s.live.pk).exists(),
        refused_with=(*REFUSED, 200, 302),
    ),
    "change a picture's credit and rights": Case(
        IMAGE_STAFF,
        "post",
        lambda s: admin_url(Image, "change", s.image.pk),
        lambda s: image_change_data(
            s.image, agency=s.agency.pk, rights_expire_on="2030-01-31"
        ),
        did=lambda s: Image.objects.filter(pk=s.image.pk, agency=s.agency).exists(),
    ),
    "upload a picture": Case(
        frozenset({"reporter", "editor", "photo desk", "superuser"}),
        "post",
        lambda s: admin_url(Image, "add"),
        lambda s: image_form_data(
            file=upload(content=image_bytes(color=(1, 90, 200))), alt_text="New"
        ),
        did=lambda s: Image.objects.filter(alt_text="New").exists(),
    ),
    "delete an unused picture": Case(
        frozenset({"photo desk", "superuser"}),
        "post",
        lambda s: admin_url(Image, "delete", s.unused_image.pk),
        lambda s: {"post": "yes"},
        did=lambda s: not Image.objects.filter(pk=s.unused_image.pk).exists(),
    ),
    "bulk change pictures' credit": Case(
        IMAGE_STAFF,
        "post",
        lambda s: admin_url(Image),
        lambda s: {
            "action": "change_credits_and_rights",
            "_selected_action": [s.image.pk],
            "apply": "1",
            "change_agency": "on",
            "agency": s.agency.pk,
        },
        did=lambda s: Image.objects.filter(pk=s.image.pk, agency=s.agency).exists(),
        refused_with=(*REFUSED, 200, 302),
    ),
    "open a picture's original": Case(
        STORY_READERS,
        "get",
        lambda s: reverse("admin:articles_image_original", args=[s.image.pk]),
    ),
    "read the credits report": Case(
        STORY_READERS, "get", lambda s: reverse("admin:articles_image_report")
    ),
    "read the audit log": Case(
        NO_ONE_BUT_THE_SUPERUSER, "get", lambda s: "/admin/articles/auditevent/"
    ),
    "make a colleague a superuser": Case(
        NO_ONE_BUT_THE_SUPERUSER,
        "post",
        lambda s: reverse("admin:auth_user_change", args=[s.colleague.pk]),
        _user_change_data,
        did=lambda s: type(s.colleague).objects.get(pk=s.colleague.pk).is_superuser,
    ),
    "give a group a permission": Case(
        NO_ONE_BUT_THE_SUPERUSER,
        "post",
        lambda s: reverse(
            "admin:auth_group_change", args=[s.colleague.groups.get().pk]
        ),
        _group_change_data,
        did=lambda s: (
            Group.objects.get(name="Reporter")
            .permissions.filter(codename="delete_article")
            .exists()
        ),
    ),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("role", ROLES)
def test_role_matrix_through_the_admin(client, scene, role, case):
    spec = CASES[case]
    s = scene(role)
    client.force_login(s.actor)
    url = spec.url(s)
    before = database_state()

    if spec.method == "get":
        response = client.get(url)
    else:
        response = client.post(url, spec.data(s))

    allowed = role in spec.allowed
    if allowed:
        expected = (200,) if spec.method == "get" else (302,)
        assert response.status_code in expected, (role, case, response.status_code)
        if spec.did is not None:
            assert spec.did(s), f"{role} may {case}, but nothing changed"
        if spec.method == "get":
            assert "/two-factor/" not in response.get("Location", "")
    else:
        assert response.status_code in spec.refused_with, (
            role,
            case,
            response.status_code,
        )
        after = database_state()
        diff = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert after == before, f"{role} may not {case}, but it changed: {diff}"
