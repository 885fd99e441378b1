"""Never lose work, in real browsers: two people in the same story, and autosave
brought back after a reload."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, WorkingCopy
from tests.browser.conftest import BrowserLog, log_in
from tests.browser.editing import choose_in_autocomplete
from tests.helpers import admin_url

pytest_plugins = ["tests.two_editors"]

# Autosave waits 5 s after the last change.
AUTOSAVE_WAIT_MS = 15000


@pytest.fixture
def second_page(browser, live_server, page):
    """A second person's browser: its own context (cookies, session), watched like `page`."""
    context = browser.new_context(base_url=live_server.url)
    other = context.new_page()
    log = BrowserLog(other, live_server.url)
    yield other
    other.evaluate("0")
    context.close()
    log.check("in the second browser")


def test_second_editor_sees_the_first_and_their_save_is_refused_keeping_their_text(
    page, second_page, jane, sam, make_article
):
    story = make_article(headline="Council approves budget")
    change = admin_url(Article, "change", story.pk)
    log_in(page, jane)
    log_in(second_page, sam)

    page.goto(change)
    second_page.goto(change)
    expect(second_page.locator("[data-presence]")).to_have_text(
        re.compile(r"^Also open by: Jane Editor \(since \d\d:\d\d\)$")
    )
    expect(second_page.locator("[data-presence]")).to_have_attribute(
        "aria-live", "polite"
    )

    page.get_by_label("Headline").fill(
        "Council approves budget after all-night session"
    )
    second_page.get_by_label("Headline").fill("Budget approved: what it means for you")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed")

    second_page.get_by_role("button", name="Save", exact=True).click()

    expect(second_page.locator(".errorlist.nonfield")).to_contain_text(
        re.compile(
            r"Jane Editor saved this story at \d\d:\d\d, after you opened it\. Your "
            r"changes are still in the form: copy what you need, then reload to see theirs\."
        )
    )
    history = second_page.get_by_role(
        "link", name="See their version in the story’s history"
    )
    expect(history).to_have_attribute(
        "href", reverse("admin:articles_article_history", args=[story.pk])
    )
    expect(second_page.get_by_label("Headline")).to_have_value(
        "Budget approved: what it means for you"
    )
    assert Article.objects.get(pk=story.pk).headline == (
        "Council approves budget after all-night session"
    )


def test_typed_headline_and_body_come_back_after_a_reload(
    page, jane, make_article, make_section
):
    story = make_article(headline="Floods close the ring road")
    make_section(name="Weather", slug="weather")
    log_in(page, jane)
    page.goto(admin_url(Article, "change", story.pk))

    page.get_by_label("Headline").fill("Floods close the ring road for a second day")
    editor = page.locator(".prose-editor > .ProseMirror")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Water is still rising.")
    choose_in_autocomplete(page, "section", "Weath", "Weather")
    status = page.locator("[data-autosave-status]")
    expect(status).to_have_text(
        re.compile(r"^Saved as a draft copy at \d\d:\d\d$"), timeout=AUTOSAVE_WAIT_MS
    )
    expect(status).to_have_attribute("role", "status")
    assert Article.objects.get(pk=story.pk).headline == "Floods close the ring road"

    # Leaving with unsaved changes warns; this test chooses to leave anyway.
    warnings = []
    page.on("dialog", lambda dialog: (warnings.append(dialog.type), dialog.accept()))
    page.reload()
    assert warnings == ["beforeunload"]

    offer = page.locator("[data-restore-offer]")
    expect(offer).to_contain_text(
        re.compile(r"You have unsaved changes from \d\d:\d\d\.")
    )
    offer.get_by_role("button", name="Restore them").click()

    expect(page.get_by_label("Headline")).to_have_value(
        "Floods close the ring road for a second day"
    )
    expect(editor).to_contain_text("Water is still rising.")
    expect(page.locator(".field-section .select2-selection__rendered")).to_have_text(
        "Weather"
    )
    expect(status).to_have_text(
        "Your unsaved changes are back in the form. Save the story to keep them."
    )
    expect(offer).to_have_count(0)

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed")
    assert warnings == ["beforeunload"]  # saving is not leaving
    stored = Article.objects.get(pk=story.pk)
    assert stored.headline == "Floods close the ring road for a second day"
    assert "Water is still rising." in stored.body
    assert stored.section.name == "Weather"
    assert not WorkingCopy.objects.exists()


def test_discarding_the_copy_leaves_the_form_as_the_story_is(page, jane, make_article):
    story = make_article(headline="Bridge reopens")
    WorkingCopy.objects.create(
        article=story, user=jane, data={"headline": ["Bridge stays shut"]}
    )
    log_in(page, jane)
    page.goto(admin_url(Article, "change", story.pk))

    page.get_by_role("button", name="Discard them").click()

    expect(page.locator("[data-autosave-status]")).to_have_text(
        "Unsaved changes discarded."
    )
    expect(page.locator("[data-autosave-status]")).to_be_focused()
    expect(page.get_by_label("Headline")).to_have_value("Bridge reopens")
    assert not WorkingCopy.objects.exists()
