"""What a phone downloads: the demo home page's pictures are renditions sized for the
screen, at most 300 kB in all, and never an original."""

from urllib.parse import urlsplit

from django.core.management import call_command

# Lighthouse's phone: a Moto G Power, 412 × 823 CSS pixels at 1.75 device pixels each.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75}
BUDGET = 300_000


def test_a_phone_loading_the_home_page_fetches_at_most_300_kb_of_pictures(
    browser, live_server, db, settings
):
    settings.ALLOWED_HOSTS = [
        *settings.ALLOWED_HOSTS,
        urlsplit(live_server.url).hostname,
    ]
    call_command("seed_demo", verbosity=0)
    context = browser.new_context(
        base_url=live_server.url, is_mobile=True, has_touch=True, **PHONE
    )
    page = context.new_page()
    pictures = {}

    def count(response):
        if response.request.resource_type == "image":
            pictures[response.url] = (response.status, len(response.body()))

    page.on("response", count)
    page.goto("/", wait_until="networkidle")
    context.close()

    assert pictures, "the home page showed no pictures"
    assert all(status == 200 for status, _ in pictures.values()), pictures
    assert all("/media/renditions/" in url for url in pictures), pictures
    assert any(url.endswith(".avif") for url in pictures)
    total = sum(size for _, size in pictures.values())
    print(f"\n{len(pictures)} pictures, {total:,} bytes")  # noqa: T201 - the figure
    assert total <= BUDGET
