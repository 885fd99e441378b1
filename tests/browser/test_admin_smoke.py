"""The admin and an article page in a real browser, under the site's real CSP."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.helpers import figure


def test_editor_logs_in_and_opens_the_add_article_form(admin_page):
    admin_page.goto(reverse("admin:articles_article_add"))

    expect(admin_page.get_by_label("Headline")).to_be_visible()
    expect(admin_page.get_by_role("button", name="Save", exact=True)).to_be_visible()


def test_body_figure_shows_its_picture_caption_and_credit(
    page, make_article, make_image, make_photographer, make_agency
):
    image = make_image(
        photographer=make_photographer("Hassan Ammar", agency=make_agency("AP Images"))
    )
    article = make_article(
        body="<p>Before.</p>" + figure(image, "Crowds gather on Monday.")
    )

    page.goto(article.get_absolute_url())

    body_figure = page.get_by_role("figure")
    # innerText is what a reader sees: rendered, so hidden or restyled text would show.
    expect(body_figure.locator("figcaption")).to_have_text(
        "Crowds gather on Monday. Image by Hassan Ammar/AP Images", use_inner_text=True
    )
    expect(body_figure.locator("figcaption")).to_be_visible()
    picture = body_figure.get_by_role("img", name=image.alt_text)
    picture.scroll_into_view_if_needed()  # body pictures load lazily
    # decode() waits for the file, and rejects if it is missing or broken.
    loaded = picture.evaluate("img => img.decode().then(() => img.currentSrc)")
    assert "/media/renditions/" in loaded


def test_editor_reopens_a_story_showing_its_figures_and_their_credits(
    admin_page, make_article, make_image, make_photographer, make_agency
):
    image = make_image(
        alt_text="Boats in the harbour",
        photographer=make_photographer("Hassan Ammar", agency=make_agency("AP Images")),
    )
    article = make_article(body="<p>Intro.</p>" + figure(image, "Boats at dawn."))

    admin_page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    picture = admin_page.locator(".prose-editor .ProseMirror figure img")
    expect(picture).to_have_attribute("alt", "Boats in the harbour")
    # The editor shows the smallest rendition: 480 pixels wide, never the original.
    assert picture.evaluate("img => img.decode().then(() => img.naturalWidth)") == 480
    expect(admin_page.locator(".prose-editor .ProseMirror figcaption")).to_have_text(
        "Boats at dawn."
    )
    expect(admin_page.locator("[data-body-pictures-url]")).to_contain_text(
        "Figure 1: Boats at dawn.\nImage by Hassan Ammar/AP Images", use_inner_text=True
    )
