"""Two-factor sign-in: editors and superusers add a second step after the password
(an authenticator app, a passkey or a recovery code); the rest of the staff may."""

import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertRedirects

from articles.models import Article
from tests.conftest import code_of
from tests.helpers import admin_url

pytest_plugins = ["tests.roles"]

ADMIN = f"/{settings.ADMIN_URL}"
LOGIN = f"{ADMIN}login/"
VERIFY = f"{ADMIN}two-factor/"
SETUP = f"{ADMIN}two-factor/setup/"
CODES = f"{ADMIN}two-factor/recovery-codes/"


@pytest.fixture
def browser():
    """A client that signs in through the forms, as a person does."""
    return Client()


def sign_in(client, username, next_page=ADMIN):
    return client.post(
        LOGIN, {"username": username, "password": "password", "next": next_page}
    )


def app_of(user, confirmed=True) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=confirmed)


def test_an_editor_without_a_second_factor_sets_one_up_before_anything_else(
    browser, make_user
):
    editor = make_user("editor", "ed")

    sign_in(browser, "ed")
    stories = browser.get(admin_url(Article))
    setup = browser.get(stories["Location"])
    typed = browser.post(
        SETUP,
        {"code": code_of(app_of(editor, confirmed=False)), "next": admin_url(Article)},
    )
    codes = browser.get(typed["Location"])

    assert stories.status_code == 302
    assert stories["Location"].startswith(SETUP)
    assertContains(setup, "Set up two-factor sign-in")
    assertContains(setup, "<svg")  # the QR code to scan
    assertContains(setup, "Or type this key into the app")
    assert app_of(editor).confirmed
    recovery = re.findall(r"<li><code>([0-9a-z]+)</code></li>", codes.text)
    assert len(recovery) == 10
    assertContains(codes, f'href="{admin_url(Article)}"')
    assert browser.get(admin_url(Article)).status_code == 200


def test_an_editor_with_an_app_types_its_code_after_the_password(browser, make_user):
    editor = make_user("editor", "ed")
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)

    sign_in(browser, "ed", next_page=admin_url(Article))
    held = browser.get(admin_url(Article))
    wrong = browser.post(VERIFY, {"code": "000000", "next": admin_url(Article)})
    # django-otp makes each try after a wrong one wait longer (1 s, 2 s, 4 s...).
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        right = browser.post(
            VERIFY, {"code": code_of(device), "next": admin_url(Article)}
        )
        stories = browser.get(admin_url(Article))

    assertRedirects(
        held,
        f"{VERIFY}?next={admin_url(Article).replace('/', '%2F')}",
        fetch_redirect_response=False,
    )
    assertContains(wrong, "That code did not work.")
    assertRedirects(right, admin_url(Article), fetch_redirect_response=False)
    assert stories.status_code == 200


def test_a_recovery_code_works_once(browser, make_user):
    editor = make_user("editor", "ed")
    helper = Client()
    helper.force_login(editor)
    codes_page = helper.post(CODES, follow=True)
    code = re.findall(r"<li><code>([0-9a-z]+)</code></li>", codes_page.text)[0]

    sign_in(browser, "ed")
    first = browser.post(VERIFY, {"code": code})
    browser.logout()
    sign_in(browser, "ed")
    again = browser.post(VERIFY, {"code": code})

    assertRedirects(first, ADMIN, fetch_redirect_response=False)
    assertContains(again, "That code did not work.")


def test_new_recovery_codes_void_the_old_ones(make_user):
    editor = make_user("editor", "ed")
    client = Client()
    client.force_login(editor)

    old = re.findall(r"<code>([0-9a-z]+)</code>", client.post(CODES, follow=True).text)
    new = re.findall(r"<code>([0-9a-z]+)</code>", client.post(CODES, follow=True).text)
    client.logout()
    sign_in(client, "ed")

    assert set(old).isdisjoint(new)
    assertContains(client.post(VERIFY, {"code": old[0]}), "That code did not work.")


def test_a_reporter_signs_in_with_the_password_alone_but_may_add_a_step(
    browser, make_user
):
    make_user("reporter", "rita")

    signed_in = sign_in(browser, "rita")
    stories = browser.get(admin_url(Article))
    setup = browser.get(SETUP)

    assertRedirects(signed_in, ADMIN, fetch_redirect_response=False)
    assert stories.status_code == 200
    assertContains(setup, "Add a second step to your sign-in")


def test_a_reporter_who_set_up_an_app_must_use_it(browser, make_user):
    reporter = make_user("reporter", "rita")
    TOTPDevice.objects.create(user=reporter, name="Phone", confirmed=True)

    sign_in(browser, "rita")

    assert browser.get(ADMIN)["Location"].startswith(VERIFY)
    assert browser.get(f"{ADMIN}password_change/")["Location"].startswith(VERIFY)


def test_whoever_may_change_staff_permissions_must_use_a_second_factor(
    browser, make_user
):
    manager = make_user("reporter", "hr")
    manager.user_permissions.add(Permission.objects.get(codename="change_user"))

    sign_in(browser, "hr")

    assert browser.get(ADMIN)["Location"].startswith(SETUP)


def test_a_superuser_must_use_a_second_factor_too(browser, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.com", "password")

    sign_in(browser, "root")

    assert browser.get(ADMIN)["Location"].startswith(SETUP)


def test_the_second_step_never_sends_anyone_off_the_site(browser, make_user):
    editor = make_user("editor", "ed")
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    sign_in(browser, "ed")

    answer = browser.post(
        VERIFY, {"code": code_of(device), "next": "https://evil.example/"}
    )

    assertRedirects(answer, ADMIN, fetch_redirect_response=False)


def test_someone_with_a_device_cannot_add_another_before_using_one(browser, make_user):
    editor = make_user("editor", "ed")
    TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    sign_in(browser, "ed")

    answer = browser.get(SETUP)

    assert answer["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()
    assert get_user_model().objects.get(username="ed") == editor


def test_the_demo_admin_login_prints_codes_for_the_second_step(browser, settings, db):
    settings.DEBUG = True
    printed = io.StringIO()

    call_command("demo_admin", stdout=printed)
    password = re.search(r"password “([^”]+)”", printed.getvalue()).group(1)
    codes = re.search(r"works once\): (.+)", printed.getvalue()).group(1).split(", ")
    browser.post(LOGIN, {"username": "demo-admin", "password": password, "next": ADMIN})
    second_step = browser.post(VERIFY, {"code": codes[0]})

    assert len(codes) == 10
    assertRedirects(second_step, ADMIN)
