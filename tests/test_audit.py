"""The audit log: sign-ins, failed sign-ins, lockouts, publishes, unpublishes and
permission changes, with who and when, for administrators only."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles import services
from articles.models import Article, AuditEvent
from tests.helpers import admin_url
from tests.workflow_helpers import change_form_data

pytest_plugins = ["tests.roles"]

LOGIN = f"/{settings.ADMIN_URL}login/"
AUDIT_LOG = f"/{settings.ADMIN_URL}articles/auditevent/"


def entries(kind) -> list[tuple[str, str, str]]:
    return [
        (entry.actor_name, entry.subject, entry.detail)
        for entry in AuditEvent.objects.filter(kind=kind).order_by("pk")
    ]


def test_sign_ins_failed_ones_and_lockouts_are_logged_with_the_address(
    client, make_user
):
    make_user("editor", "eddie")
    sign_in = {"username": "eddie", "next": f"/{settings.ADMIN_URL}"}

    client.post(LOGIN, sign_in | {"password": "password"}, REMOTE_ADDR="203.0.113.7")
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, sign_in | {"password": "wrong"}, REMOTE_ADDR="198.51.100.9")

    signed_in = AuditEvent.objects.get(kind=AuditEvent.Kind.SIGNED_IN)
    assert (signed_in.actor.username, signed_in.ip_address) == ("eddie", "203.0.113.7")
    assert entries(AuditEvent.Kind.SIGNED_OUT) == [("eddie", "", "")]
    failed = AuditEvent.objects.filter(kind=AuditEvent.Kind.SIGN_IN_FAILED)
    assert failed.count() == settings.AXES_FAILURE_LIMIT
    assert {(entry.actor_name, entry.ip_address) for entry in failed} == {
        ("eddie", "198.51.100.9")
    }
    assert entries(AuditEvent.Kind.LOCKED_OUT) == [("eddie", "", "")]


def test_publishing_scheduling_and_unpublishing_name_the_editor_and_story(
    client, make_user, make_story
):
    editor = make_user("editor", "ed")
    story = make_story("review", headline="Dam to close")
    client.force_login(editor)

    client.post(
        admin_url(Article, "change", story.pk),
        change_form_data(story, _workflow="publish"),
    )
    story.refresh_from_db()
    services.unpublish(article=story, user=editor)

    subject = f"story {story.pk} “Dam to close”"
    assert entries(AuditEvent.Kind.PUBLISHED) == [("ed", subject, "")]
    assert entries(AuditEvent.Kind.UNPUBLISHED) == [("ed", subject, "")]
    assert AuditEvent.objects.get(kind=AuditEvent.Kind.PUBLISHED).actor == editor


def test_permission_changes_in_the_admin_name_who_changed_what(client, make_user):
    admin = make_user("superuser", "root")
    rita = make_user("reporter", "rita")
    client.force_login(admin)
    AuditEvent.objects.all().delete()

    client.post(
        reverse("admin:auth_user_change", args=[rita.pk]),
        {
            "username": "rita",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [Group.objects.get(name="Editor").pk],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )

    changes = entries(AuditEvent.Kind.PERMISSIONS)
    assert ("root", "user rita", "now superuser") in changes
    assert ("root", "user rita", "groups added: Editor") in changes
    assert ("root", "user rita", "groups removed: Reporter") in changes


def test_permission_changes_outside_the_admin_are_logged_too(make_user):
    rita = make_user("reporter", "rita")
    AuditEvent.objects.all().delete()

    rita.groups.add(Group.objects.get(name="Editor"))
    rita.is_superuser = True
    rita.save()

    assert entries(AuditEvent.Kind.PERMISSIONS) == [
        ("", "user rita", "groups added: Editor"),
        ("", "user rita", "now superuser"),
    ]


def test_only_administrators_read_the_log_and_nobody_edits_it(client, make_user):
    editor = make_user("editor", "ed")
    admin = make_user("superuser", "root")
    client.force_login(editor)
    entry = AuditEvent.objects.filter(kind=AuditEvent.Kind.SIGNED_IN).first()

    refused = client.get(AUDIT_LOG)
    client.force_login(admin)
    listing = client.get(AUDIT_LOG)
    delete = client.post(f"{AUDIT_LOG}{entry.pk}/delete/", {"post": "yes"})

    assert refused.status_code == 403
    assertContains(listing, "Signed in")
    assertContains(listing, "root")
    assert f"{AUDIT_LOG}add/" not in listing.text
    assert delete.status_code == 403
    assert AuditEvent.objects.filter(pk=entry.pk).exists()
