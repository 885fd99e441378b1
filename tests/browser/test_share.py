"""Share links on the article page, in a real browser."""

from playwright.sync_api import expect


def test_copy_link_copies_the_address_and_says_so_to_screen_readers(page, make_article):
    article = make_article(headline="Bridge reopens")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(article.get_absolute_url())

    page.get_by_role("link", name="Copy link").click()

    expect(page.get_by_role("status")).to_have_text(
        "The article's link is copied to the clipboard."
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(article.get_absolute_url())
