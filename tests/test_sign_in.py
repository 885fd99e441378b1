"""Staff sign-in: throttling with a clear lockout and an unlock path, password reset
by email, sessions that end when idle, and the deploy checks of production settings."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.utils import timezone
from pytest_django.asserts import assertContains

from articles.client_address import client_address
from articles.models import AuditEvent

pytest_plugins = ["tests.roles"]

LOGIN = f"/{settings.ADMIN_URL}login/"
RESET = f"/{settings.ADMIN_URL}password_reset/"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": f"/{settings.ADMIN_URL}"},
        REMOTE_ADDR=address,
    )


def signed_in(response) -> bool:
    return (
        response.status_code == 302 and response["Location"] == f"/{settings.ADMIN_URL}"
    )


# Throttling --------------------------------------------------------------------------


def test_wrong_passwords_lock_out_that_account_from_that_address(client, make_user):
    make_user("editor", "eddie")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assertContains(sign_in(client, "eddie", "wrong"), "Please enter the correct")

    locked = sign_in(client, "eddie", "wrong")
    still_locked = sign_in(client, "eddie", "password")

    assert locked.status_code == 429
    assertContains(locked, "after 5 wrong passwords in a row", status_code=429)
    assertContains(locked, "Try again in 15 minutes", status_code=429)
    assertContains(
        locked, "Ask an administrator to unlock your account", status_code=429
    )
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # The right password from another address still works: a stranger elsewhere
    # cannot lock an editor out.
    assert signed_in(sign_in(client, "eddie", "password", address="198.51.100.2"))


@pytest.mark.parametrize(
    ("proxies", "forwarded", "seen"),
    [
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        # A load balancer, then Varnish, which adds the balancer's own address.
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
        (2, "203.0.113.7, 10.0.0.5", "203.0.113.7"),
        (1, "", "10.0.0.2"),
    ],
)
def test_behind_proxies_the_address_the_outermost_one_saw_is_read(
    rf, settings, proxies, forwarded, seen
):
    settings.NEWSROOM_BEHIND_PROXY, settings.NEWSROOM_PROXY_COUNT = True, proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.2")

    assert client_address(request) == seen


def test_behind_the_load_balancer_the_address_it_saw_is_the_one_locked(
    client, make_user, settings
):
    settings.NEWSROOM_BEHIND_PROXY = True
    make_user("editor", "eddie")

    def through_the_balancer(password, forged, real):
        # The client writes what it likes; the balancer adds the address it saw last.
        return client.post(
            LOGIN,
            {
                "username": "eddie",
                "password": password,
                "next": f"/{settings.ADMIN_URL}",
            },
            HTTP_X_FORWARDED_FOR=f"{forged}, {real}",
            REMOTE_ADDR="10.0.0.2",
        )

    answers = [
        through_the_balancer("wrong", f"198.51.100.{n}", "203.0.113.7").status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    elsewhere = through_the_balancer("password", "203.0.113.7", "192.0.2.50")

    assert answers[-1] == 429
    assert signed_in(elsewhere)
    failed = AuditEvent.objects.filter(kind=AuditEvent.Kind.SIGN_IN_FAILED)
    assert set(failed.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_the_lockout_ends_after_the_cool_off_time(client, make_user):
    make_user("editor", "eddie")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "eddie", "wrong")

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert signed_in(sign_in(client, "eddie", "password"))


def test_an_administrator_unlocks_an_account_from_the_admin(client, make_user):
    make_user("editor", "eddie")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "eddie", "wrong")
    attempt = AccessAttempt.objects.get(username="eddie")
    admin = make_user("superuser", "root")
    admin_client = client_class()
    admin_client.force_login(admin)

    listing = admin_client.get(f"/{settings.ADMIN_URL}axes/accessattempt/")
    admin_client.post(
        f"/{settings.ADMIN_URL}axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}
    )

    assertContains(listing, "eddie")
    assert not AccessAttempt.objects.exists()
    assert signed_in(sign_in(client, "eddie", "password"))


def test_a_successful_sign_in_forgets_earlier_failures(client, make_user):
    make_user("editor", "eddie")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "eddie", "wrong")
    assert signed_in(sign_in(client, "eddie", "password"))
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "eddie", "wrong")

    assert signed_in(sign_in(client, "eddie", "password"))


def client_class():
    from django.test import Client

    return Client()


# Password reset ----------------------------------------------------------------------


def test_a_forgotten_password_is_reset_by_email(client, make_user):
    user = make_user("editor", "eddie")
    user.email = "eddie@example.com"
    user.save()

    sign_in_page = client.get(LOGIN)
    asked = client.post(RESET, {"email": "eddie@example.com"}, follow=True)
    link = re.search(r"https?://[^/\s]+(/\S+/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    changed = client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "a new long passphrase",
            "new_password2": "a new long passphrase",
        },
        follow=True,
    )

    assertContains(sign_in_page, f'href="{RESET}"')
    assertContains(asked, "We’ve emailed you instructions")
    assert mail.outbox[0].to == ["eddie@example.com"]
    assertContains(changed, "Your password has been set")
    assert signed_in(sign_in(client, "eddie", "a new long passphrase"))


def test_reset_links_name_the_sites_address_whatever_host_was_asked(
    client, make_user, settings
):
    settings.NEWSROOM_SITE_URL = "https://news.example.com"
    user = make_user("editor", "eddie")
    user.email = "eddie@example.com"
    user.save()

    client.post(RESET, {"email": "eddie@example.com"}, HTTP_HOST="localhost")

    assert "://news.example.com/" in mail.outbox[0].body
    assert "localhost" not in mail.outbox[0].body


def test_a_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, db):
    asked = client.post(RESET, {"email": "nobody@example.com"}, follow=True)

    assertContains(asked, "We’ve emailed you instructions")
    assert mail.outbox == []


def test_a_new_password_must_pass_the_validators(client, make_user):
    user = make_user("editor", "eddie")
    user.email = "eddie@example.com"
    user.save()
    client.post(RESET, {"email": "eddie@example.com"})
    link = re.search(r"https?://[^/\s]+(/\S+/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)

    refused = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "12345678", "new_password2": "12345678"},
    )

    assertContains(refused, "This password is too common.")


# Idle sessions -----------------------------------------------------------------------


def test_a_staff_session_ends_after_four_idle_hours(client, make_user):
    client.force_login(make_user("editor", "eddie"))
    start = timezone.now()

    with time_machine.travel(start + timedelta(hours=3)):
        assert client.get(f"/{settings.ADMIN_URL}").status_code == 200
    with time_machine.travel(start + timedelta(hours=6)):
        assert client.get(f"/{settings.ADMIN_URL}").status_code == 200
    with time_machine.travel(start + timedelta(hours=10, minutes=1)):
        idle = client.get(f"/{settings.ADMIN_URL}")

    assert idle.status_code == 302
    assert idle["Location"].startswith(LOGIN)


@pytest.mark.parametrize("made_before_the_limit", [False, True])
def test_a_busy_session_still_ends_a_day_after_signing_in(
    client, make_user, made_before_the_limit
):
    client.force_login(make_user("editor", "eddie"))
    if made_before_the_limit:  # its day starts at its next request
        session = client.session
        del session["_signed_in_at"]
        session.save()
    start = timezone.now()

    for hours in range(0, 24, 3):
        with time_machine.travel(start + timedelta(hours=hours)):
            assert client.get(f"/{settings.ADMIN_URL}").status_code == 200
    with time_machine.travel(start + timedelta(hours=24, minutes=1)):
        ended = client.get(f"/{settings.ADMIN_URL}")

    assert ended.status_code == 302
    assert ended["Location"].startswith(LOGIN)


# Headers and deploy checks -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/", f"/{settings.ADMIN_URL}login/"])
def test_pages_deny_powerful_features_but_passkeys(client, db, path):
    policy = client.get(path)["Permissions-Policy"]

    assert "camera=()" in policy
    assert "geolocation=()" in policy
    assert "publickey-credentials-get=(self)" in policy


def test_production_settings_pass_the_deploy_checks():
    production = {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "a-long-random-value-" + "x7Qp2" * 12,
        "DJANGO_ALLOWED_HOSTS": "news.example.com",
        "DJANGO_SECURE_COOKIES": "true",
        "DJANGO_SSL_REDIRECT": "true",
        "DJANGO_HSTS_SECONDS": "31536000",
        "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "true",
        "DJANGO_HSTS_PRELOAD": "true",
        "NEWSROOM_SITE_URL": "https://news.example.com",
        "CACHE_URL": "rediscache://127.0.0.1:6379/1",
        "EMAIL_URL": "smtp+tls://newsroom:secret@smtp.example.com:587",
    }
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "NEWSROOM_", "CACHE_URL", "EMAIL_URL"))
    }

    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment | production,
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr
    assert "System check identified no issues" in checked.stdout
