"""The body editor's Figure dialog only offers what a figure keeps: the picture picked
through the chooser, and the caption."""

from django.urls import reverse
from playwright.sync_api import expect


def test_figure_dialog_shows_url_and_alt_text_read_only(admin_page):
    page = admin_page
    page.goto(reverse("admin:articles_article_add"))
    page.locator(".prose-editor > .ProseMirror").click()

    page.locator(".prose-menubar [title=figure]").click()

    dialog = page.locator("dialog.prose-editor-dialog")
    url = dialog.locator("input[name=imageUrl]")
    alt = dialog.locator("input[name=altText]")
    expect(url).not_to_be_editable()
    expect(alt).not_to_be_editable()
    expect(dialog).to_contain_text("Change it in Images")
    expect(dialog.locator("input[name=caption]")).to_be_editable()
