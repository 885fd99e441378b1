"""A story's way from reporter to reader: written and submitted, sent back with a note,
fixed and resubmitted, published, read."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import log_in
from tests.browser.editing import choose_in_autocomplete

pytest_plugins = ["tests.roles"]


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Logged out")).to_be_visible()


def open_story(page, headline: str) -> None:
    page.goto(reverse("admin:articles_article_changelist") + "?mine=no")
    page.get_by_role("link", name=headline).click()


def test_reporter_submits_editor_sends_back_reporter_fixes_editor_publishes_reader_reads(
    page, make_user, make_section, credited_image
):
    rita = make_user("reporter", "rita")
    ed = make_user("editor", "ed")
    make_section(name="City", slug="city")

    # The reporter writes the story, without a standfirst, and submits it.
    log_in(page, rita)
    page.goto(reverse("admin:articles_article_add"))
    page.get_by_label("Headline").fill("Tram line reopens")
    page.locator(".prose-editor > .ProseMirror").click()
    page.keyboard.type("Trams run again from Monday.")
    choose_in_autocomplete(page, "section", "City", "City")
    choose_in_autocomplete(page, "featured_image", "Harbour", "Harbour at dawn")
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist .info")).to_contain_text(
        "Submitted for review: “Tram line reopens”."
    )
    log_out(page)

    # The editor sees what stops publishing, and sends it back with a note.
    log_in(page, ed)
    open_story(page, "Tram line reopens")
    checklist = page.locator(".workflow__problems")
    expect(checklist.get_by_role("link", name="Write a standfirst.")).to_have_attribute(
        "href", "#id_standfirst"
    )
    page.get_by_label("Note for the reporter").fill(
        "Add a standfirst: which line, and since when was it closed?"
    )
    page.get_by_role("button", name="Send back").click()
    expect(page.locator(".messagelist .info")).to_contain_text(
        "Sent back: “Tram line reopens”."
    )
    log_out(page)

    # The reporter reads the note, fixes the story and resubmits it.
    log_in(page, rita)
    open_story(page, "Tram line reopens")
    note = page.get_by_role("note")
    expect(note).to_contain_text("Sent back to you by ed")
    expect(note).to_contain_text("which line, and since when was it closed?")
    page.get_by_label("Standfirst").fill("The number 3 line was shut for a month.")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist .info")).to_contain_text("Submitted for review")
    log_out(page)

    # The editor publishes it.
    log_in(page, ed)
    open_story(page, "Tram line reopens")
    expect(page.locator(".workflow__checklist")).to_contain_text("Ready to publish")
    history = page.locator(".workflow__events")
    expect(history).to_contain_text("Submitted for review by rita")
    expect(history).to_contain_text("Sent back by ed")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist .info")).to_contain_text(
        "Published: “Tram line reopens”."
    )
    log_out(page)

    # A reader finds it on the front page and reads it.
    article = Article.objects.get(headline="Tram line reopens")
    assert article.is_published
    page.goto(reverse("articles:home"))
    page.get_by_role("link", name="Tram line reopens").first.click()
    expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tram line reopens")
    expect(page.locator("body")).to_contain_text(
        "The number 3 line was shut for a month."
    )
    expect(page.locator("body")).not_to_contain_text("since when was it closed")
