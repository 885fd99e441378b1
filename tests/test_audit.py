"""The audit log: sign-ins (both steps), failed sign-ins, lockouts, publishes,
unpublishes, permission changes and two-factor devices added or removed, with who and
when, for administrators only."""

from datetime import timedelta

import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from articles import services
from articles.admin.two_factor import new_recovery_codes
from articles.models import Article, AuditEvent
from tests.conftest import code_of
from tests.helpers import admin_url
from tests.test_two_factor import ADMIN, CODES, SETUP, VERIFY
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


def test_changes_made_from_the_group_or_permission_side_name_each_person(make_user):
    rita, eddie = make_user("reporter", "rita"), make_user("editor", "eddie")
    editors, reporters = (
        Group.objects.get(name="Editor"),
        Group.objects.get(name="Reporter"),
    )
    publish = Permission.objects.get(codename="publish_article")
    AuditEvent.objects.all().delete()

    editors.user_set.add(rita)
    publish.user_set.add(rita)
    publish.group_set.add(reporters)
    editors.user_set.clear()

    assert entries(AuditEvent.Kind.PERMISSIONS) == [
        ("", "user rita", "groups added: Editor"),
        ("", "user rita", "permissions added: articles.publish_article"),
        ("", "group Reporter", "permissions added: articles.publish_article"),
        ("", "user rita", "groups removed: Editor"),
        ("", "user eddie", "groups removed: Editor"),
    ]
    assert not eddie.groups.exists()


def test_deleting_a_group_with_members_or_a_staff_account_is_logged(client, make_user):
    make_user("editor", "eddie")
    make_user("reporter", "rita")
    client.force_login(make_user("superuser", "root"))
    AuditEvent.objects.all().delete()
    editors = Group.objects.get(name="Editor")

    client.post(reverse("admin:auth_group_delete", args=[editors.pk]), {"post": "yes"})
    client.post(
        reverse(
            "admin:auth_user_delete",
            args=[get_user_model().objects.get(username="rita").pk],
        ),
        {"post": "yes"},
    )

    assert not Group.objects.filter(name="Editor").exists()
    assert entries(AuditEvent.Kind.PERMISSIONS) == [
        ("root", "group Editor", "deleted; its members lose what it allowed: eddie"),
        ("root", "user rita", "deleted"),
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


# Two-factor sign-in


def test_each_second_step_is_logged_whether_it_passed_or_not(make_user):
    editor = make_user("editor", "ed")
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    browser = Client()
    browser.post(LOGIN, {"username": "ed", "password": "password"})

    browser.post(VERIFY, {"code": "000000"}, REMOTE_ADDR="203.0.113.7")
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        browser.post(VERIFY, {"code": code_of(device)}, REMOTE_ADDR="203.0.113.7")

    assert entries(AuditEvent.Kind.SECOND_STEP_FAILED) == [
        (
            "ed",
            "",
            "a code that did not work (wrong, or typed during the wait after one)",
        )
    ]
    assert entries(AuditEvent.Kind.SECOND_STEP) == [("ed", "", "authenticator app")]
    assert set(
        AuditEvent.objects.filter(kind__startswith="second_step").values_list(
            "ip_address", flat=True
        )
    ) == {"203.0.113.7"}


def test_adding_an_app_and_making_recovery_codes_are_logged(make_user):
    editor = make_user("editor", "ed")
    browser = Client()
    browser.post(LOGIN, {"username": "ed", "password": "password"})
    browser.get(SETUP)
    app = TOTPDevice.objects.get(user=editor)

    browser.post(SETUP, {"code": code_of(app)})
    browser.post(CODES)

    assert entries(AuditEvent.Kind.TWO_FACTOR) == [
        ("ed", "user ed", "authenticator app added"),
        ("ed", "user ed", "new recovery codes (any older ones void)"),
        ("ed", "user ed", "new recovery codes (any older ones void)"),
    ]


def test_a_superuser_resets_someones_two_factor_and_the_log_says_who(client, make_user):
    editor = make_user("editor", "ed")
    TOTPDevice.objects.create(user=editor, name="Lost phone", confirmed=True)
    new_recovery_codes(editor)
    client.force_login(make_user("superuser", "root"))
    AuditEvent.objects.all().delete()
    users = reverse("admin:auth_user_changelist")

    listing = client.get(users)
    reset = client.post(
        users,
        {"action": "reset_two_factor", "_selected_action": [editor.pk]},
        follow=True,
    )
    browser = Client()
    browser.post(LOGIN, {"username": "ed", "password": "password"})

    assertContains(listing, "authenticator app, recovery codes")
    assertContains(reset, "Two-factor sign-in reset for ed")
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert entries(AuditEvent.Kind.TWO_FACTOR) == [
        ("root", "user ed", "authenticator app removed"),
        ("root", "user ed", "recovery codes removed"),
    ]
    assert browser.get(ADMIN)["Location"].startswith(SETUP)  # sets it up again


def test_only_superusers_may_reset_two_factor(client, make_user):
    editor = make_user("editor", "ed")
    TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    manager = make_user("editor", "manager")
    manager.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    client.force_login(manager)
    users = reverse("admin:auth_user_changelist")

    listing = client.get(users)
    refused = client.post(
        users,
        {"action": "reset_two_factor", "_selected_action": [editor.pk]},
    )

    assert listing.status_code == 200
    assert "reset_two_factor" not in listing.text
    assert refused.status_code in (200, 302)
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
