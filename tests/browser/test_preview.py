"""Previews in a real browser: the form's unsaved changes in a new tab, and a share
link opened by someone without a login, then revoked."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, PreviewLink


def test_editor_previews_unsaved_changes_then_shares_and_revokes_a_link(
    admin_page, browser, live_server, make_article, make_image, make_agency
):
    page = admin_page
    # Leaving the form with unsaved changes may ask to confirm; the test means to leave.
    page.on("dialog", lambda dialog: dialog.accept())
    story = make_article(
        headline="Harbour deal agreed",
        status=Article.Status.DRAFT,
        published_at=None,
        featured_image=make_image(agency=make_agency("AP Images")),
    )
    change_url = reverse("admin:articles_article_change", args=[story.pk])
    page.goto(change_url)

    page.get_by_label("Headline").fill("Harbour deal collapses")
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Preview", exact=True).click()
    preview = popup.value
    preview.wait_for_load_state()

    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Harbour deal collapses"
    )
    expect(preview.get_by_text("Preview: not published.")).to_be_visible()
    expect(
        preview.get_by_text("Featured Image by Uncredited/AP Images")
    ).to_be_visible()
    preview.close()
    assert Article.objects.get(pk=story.pk).headline == "Harbour deal agreed"

    page.goto(change_url)
    page.get_by_text("Share preview").click()
    page.get_by_role("button", name="Make a share link").click()
    expect(page.get_by_text("Anyone with this link can read the story")).to_be_visible()
    page.get_by_text("Share preview (1)").click()
    url = page.get_by_label(re.compile(r"^Link 1, works until")).input_value()
    assert url.startswith(live_server.url + "/preview/")

    reader = browser.new_context()  # no login
    try:
        reader_page = reader.new_page()
        response = reader_page.goto(url)
        assert response.status == 200
        expect(reader_page.get_by_role("heading", level=1)).to_have_text(
            "Harbour deal agreed"
        )
        expect(reader_page.get_by_text("Preview: not published.")).to_be_visible()

        page.get_by_role("button", name="Revoke link 1").click()
        expect(page.get_by_text("The preview link was revoked")).to_be_visible()
        assert PreviewLink.objects.get().revoked_at is not None

        response = reader_page.goto(url)
        assert response.status == 404
        expect(reader_page.get_by_text("Harbour deal agreed")).to_have_count(0)
    finally:
        reader.close()
