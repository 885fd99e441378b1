"""The Content Security Policy and the other security headers, as a browser reads them:
public pages run no inline script or style and send no nonce (they are cached and
shared), admin pages run only scripts that carry the response's own nonce, and no page
may be framed or loaded by another site."""

import re

import lxml.html
import pytest
from django.conf import settings

from articles.models import Article, Image, Photographer, Section
from tests.helpers import admin_url, figure

pytest_plugins = ["tests.roles"]

SAME_EVERYWHERE = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def policy(response) -> dict[str, list[str]]:
    """The CSP header as {directive: [sources]}."""
    directives = [
        part.split() for part in response["Content-Security-Policy"].split(";")
    ]
    return {name: sources for name, *sources in directives if name}


def inline_code(page: str) -> list[str]:
    """What in `page` a strict policy would block: scripts without a file (JSON-LD is
    data, which no policy runs), style elements and attributes, event handlers and
    javascript: addresses."""
    doc = lxml.html.fromstring(page)
    found = [
        lxml.html.tostring(script, encoding="unicode")[:80]
        for script in doc.iter("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    found += ["<style>" for _ in doc.iter("style")]
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        found += [
            f"{element.tag} {name}="
            for name in element.attrib
            if name == "style" or name.startswith("on")
        ]
        found += [
            f"{element.tag} {name}={value}"
            for name, value in element.attrib.items()
            if value.strip().lower().startswith("javascript:")
        ]
    return found


@pytest.fixture
def public_paths(make_article, make_image, make_author):
    picture = make_image(caption="Boats at dawn")
    article = make_article(
        headline="Harbour reopens",
        featured_image=picture,
        body="<p>One.</p>" + figure(picture, "At dawn"),
        authors=[make_author("Jane Reporter", slug="jane")],
        tags=["harbour"],
    )
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "tag": "/tags/harbour/",
        "author": "/authors/jane/",
        "search": "/search/?q=harbour",
        "page 2": "/?page=2",
        "not found": "/no-such-section/",
    }


def test_public_pages_allow_nothing_inline_and_send_no_nonce(client, public_paths):
    for where, path in public_paths.items():
        response = client.get(path)
        page = response.content.decode()

        assert response.status_code in (200, 404), where
        directives = policy(response)
        assert directives["default-src"] == ["'none'"], where
        assert directives["script-src"] == ["'self'"], where
        assert directives["style-src"] == ["'self'"], where
        assert directives["frame-ancestors"] == ["'none'"], where
        assert directives["object-src"] == ["'none'"], where
        assert "unsafe" not in response["Content-Security-Policy"], where
        assert "nonce" not in page, where
        assert inline_code(page) == [], where
        for header, value in SAME_EVERYWHERE.items():
            assert response[header] == value, (where, header)
        assert "camera=()" in response["Permissions-Policy"], where


def test_an_unknown_host_gets_the_same_headers(client, db):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    for header, value in SAME_EVERYWHERE.items():
        assert response[header] == value, header
    assert policy(response)["default-src"] == ["'none'"]


def test_a_stored_public_page_keeps_its_headers(client, public_paths, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 600
    path = public_paths["article"]
    made = client.get(path)
    stored = client.get(path)

    assert stored["Content-Security-Policy"] == made["Content-Security-Policy"]
    for header in SAME_EVERYWHERE:
        assert stored[header] == made[header], header


def admin_pages(story) -> dict[str, str]:
    return {
        "sign in": f"/{settings.ADMIN_URL}login/",
        "home": f"/{settings.ADMIN_URL}",
        "stories": admin_url(Article),
        "new story": admin_url(Article, "add"),
        "story": admin_url(Article, "change", story.pk),
        "story history": admin_url(Article, "history", story.pk),
        "pictures": admin_url(Image),
        "new picture": admin_url(Image, "add"),
        "picture": admin_url(Image, "change", story.featured_image_id),
        "photographers": admin_url(Photographer),
        "sections": admin_url(Section),
        "two-factor": f"/{settings.ADMIN_URL}two-factor/recovery-codes/",
    }


@pytest.mark.parametrize("signed_in", [False, True])
def test_admin_scripts_run_only_with_the_responses_own_nonce(
    client, make_user, make_article, make_image, signed_in
):
    story = make_article(featured_image=make_image())
    if signed_in:
        client.force_login(make_user("superuser"))
    nonces = set()

    for where, path in admin_pages(story).items():
        response = client.get(path, follow=True)  # signed out: to sign in
        assert response.status_code == 200, where
        page = response.content.decode()
        (nonce,) = re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        nonces.add(nonce)
        scripts = list(lxml.html.fromstring(page).iter("script"))
        assert scripts, where
        for script in scripts:
            if script.get("type") == "application/json":
                continue  # data for a script (json_script), never run
            assert script.get("nonce") == nonce, (where, script.attrib)
        assert "unsafe" not in response["Content-Security-Policy"], where
        assert policy(response)["default-src"] == ["'none'"], where
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", where

    assert len(nonces) == len(admin_pages(story))  # a new one every time
