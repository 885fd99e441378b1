"""An editor finds a story's history from its form, compares two versions and restores
the older one; the pages pass axe's WCAG 2.2 AA checks."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.helpers import admin_url

pytestmark = pytest.mark.browser


def assert_accessible(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert {v["id"]: [n["target"] for n in v["nodes"]] for v in violations} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_editor_compares_and_restores_a_version(admin_page, make_article, scheme):
    page = admin_page
    page.emulate_media(color_scheme=scheme)
    article = make_article(
        headline="Floods close the coast road",
        body="<p>The quick brown fox jumps.</p>",
        tags=["Floods"],
    )
    article.headline = "Storm closes the coast road"
    article.body = "<p>The quick red fox jumps.</p>"
    article.save()

    page.goto(admin_url(Article, "change", article.pk))
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("row", name="Version 2")).to_contain_text("Headline, Body")
    assert_accessible(page)

    page.get_by_role("button", name="Compare selected versions").click()
    body_row = page.get_by_role("row", name="Body changed")
    expect(body_row.locator("del")).to_have_text("removed: brown")
    expect(body_row.locator("ins")).to_have_text("added: red")
    assert_accessible(page)

    page.get_by_role("link", name="Back to all versions").click()
    page.get_by_role("link", name="Restore version 1").click()
    assert_accessible(page)
    page.get_by_role("button", name="Restore version 1").click()

    expect(page.locator(".messagelist")).to_contain_text("Restored version 1 of")
    expect(page.get_by_label("Headline:")).to_have_value("Floods close the coast road")
    article.refresh_from_db()
    assert article.version == 3
    assert article.is_published
