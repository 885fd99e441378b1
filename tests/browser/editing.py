"""Steps an editor takes in the admin, shared by the browser tests."""


def choose_in_autocomplete(page, field: str, search: str, option: str) -> None:
    """Pick `option` in the admin's select2 autocomplete for `field`."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).click()


def open_chooser(page):
    """Open the Figure dialog at the caret and its Browse… pop-up (our image chooser)."""
    page.locator(".prose-menubar [title=figure]").click()
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Browse...").click()
    chooser = popup.value
    chooser.wait_for_load_state()
    return chooser
