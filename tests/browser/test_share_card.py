"""The article form's "Share card preview" follows what the editor types, and says
when a newly chosen featured image will change its picture."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.editing import choose_in_autocomplete
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.helpers import admin_url


@pytest.fixture
def story(make_article, make_image):
    make_image(
        alt_text="Ferry at the quay", caption="Ferry at the quay", credit_text="W"
    )
    return make_article(
        headline="Harbour wall rebuilt",
        standfirst="Work starts in September.",
        body="<p>The council voted on Tuesday.</p>",
        featured_image=make_image(
            alt_text="Boats in the harbour at dawn", credit_text="Jo Bloggs"
        ),
    )


def test_card_follows_typing_by_the_page_rules(admin_page, story):
    page = admin_page
    page.goto(admin_url(Article, "change", story.pk))
    card = page.locator("[data-share-card]")
    title = card.locator("[data-share-card-title]")
    description = card.locator("[data-share-card-description]")
    expect(card.get_by_role("img")).to_have_accessible_name(
        "Boats in the harbour at dawn"
    )
    expect(card).to_contain_text("Image by Jo Bloggs")

    page.get_by_label("Headline").fill("Sea wall vote passes")
    expect(title).to_have_text("Sea wall vote passes")

    page.locator("summary", has_text="SEO").click()
    page.get_by_label("SEO title").fill("Sea wall: the vote")
    expect(title).to_have_text("Sea wall: the vote")
    page.get_by_label("SEO title").fill("")
    expect(title).to_have_text("Sea wall vote passes")
    page.get_by_label("Headline").fill("")
    expect(title).to_have_text("(No headline yet: type one above)")
    page.get_by_label("Headline").fill("Sea wall vote passes")

    page.get_by_label("Standfirst").fill("Building starts in spring.")
    expect(description).to_have_text("Building starts in spring.")
    page.get_by_label("SEO description").fill("What the wall costs.")
    expect(description).to_have_text("What the wall costs.")
    page.get_by_label("SEO description").fill("")
    page.get_by_label("Standfirst").fill("")
    expect(description).to_have_text("The council voted on Tuesday.")


def test_choosing_another_picture_shows_it_and_says_it_is_not_saved(admin_page, story):
    page = admin_page
    page.goto(admin_url(Article, "change", story.pk))
    card = page.locator("[data-share-card]")
    notice = page.locator("[data-share-card-notice]")
    expect(notice).to_have_attribute("role", "status")
    expect(notice).to_have_text("")

    choose_in_autocomplete(page, "featured_image", "Ferry", "Ferry at the quay")

    expect(card.get_by_role("img")).to_have_accessible_name("Ferry at the quay")
    expect(card.locator("[data-share-card-credit]")).to_have_text("Image by W")
    expect(notice).to_have_text(
        "Not saved yet: shares show this picture once you save the story."
    )
    # Nothing was saved: the story keeps its picture until the form is.
    story.refresh_from_db()
    assert story.featured_image.alt_text == "Boats in the harbour at dawn"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_card_has_no_accessibility_violations(admin_page, story, scheme):
    admin_page.emulate_media(color_scheme=scheme)
    admin_page.goto(admin_url(Article, "change", story.pk))

    result = Axe().run(admin_page, context=".share-card", options=AXE_OPTIONS)

    assert result.response["violations"] == []
