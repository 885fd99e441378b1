"""Two-factor sign-in in a real browser: an editor adds a passkey (Chromium's virtual
authenticator stands for the phone or security key), keeps the recovery codes, then
signs in again with password and passkey."""

import re
from urllib.parse import urlsplit

from django.urls import reverse
from playwright.sync_api import expect

from articles.models import AuditEvent

pytest_plugins = ["tests.roles"]


def test_an_editor_signs_in_with_a_passkey(page, live_server, make_user):
    make_user("editor", "ed")
    # Passkeys belong to a domain name, never to an IP address.
    site = f"http://localhost:{urlsplit(live_server.url).port}"
    authenticator = page.context.new_cdp_session(page)
    authenticator.send("WebAuthn.enable")
    authenticator.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    def sign_in_with_password():
        page.goto(site + reverse("admin:login"))
        page.get_by_label("Username").fill("ed")
        page.get_by_label("Password").fill("password")
        page.get_by_role("button", name="Log in").click()

    sign_in_with_password()
    expect(
        page.get_by_role("heading", name="Set up two-factor sign-in")
    ).to_be_visible()
    page.get_by_role("button", name="Add a passkey").click()

    expect(page.get_by_text("Keep these codes somewhere safe")).to_be_visible()
    expect(page.locator(".two-factor__codes li")).to_have_count(10)
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("admin:index")) + "$"))
    page.get_by_role("button", name="Log out").click()

    sign_in_with_password()
    expect(
        page.get_by_role("heading", name="Second step of signing in")
    ).to_be_visible()
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("admin:index")) + "$"))
    expect(page.get_by_role("link", name="Articles").first).to_be_visible()
    assert (
        AuditEvent.objects.filter(
            kind=AuditEvent.Kind.SIGNED_IN, actor_name="ed"
        ).count()
        == 2
    )
    assert list(
        AuditEvent.objects.filter(actor_name="ed")
        .exclude(kind__in=["signed_in", "signed_out"])
        .order_by("pk")
        .values_list("kind", "detail")
    ) == [
        ("two_factor", "passkey added"),
        ("two_factor", "new recovery codes (any older ones void)"),
        ("second_step", "passkey"),
    ]
