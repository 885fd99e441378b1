"""The masthead's section navigation, which each process keeps a copy of
(articles.navigation): every change to the sections shows at once, whichever process
made it, and pages still list the sections when the cache is down."""

import pytest

from articles.cache import pages, tags
from articles.models import Section


def masthead(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index('<nav class="masthead__nav"') : html.index("</nav>")]


@pytest.mark.usefixtures("page_cache_off")
def test_a_section_saved_or_deleted_shows_in_the_navigation_at_once(
    client, make_section
):
    sport = make_section(name="Sport", slug="sport")
    assert ">Sport<" in masthead(client)

    sport.name = "Sports"
    sport.save()
    assert ">Sports<" in masthead(client)

    make_section(name="Weather", slug="weather")
    assert ">Weather<" in masthead(client)

    sport.delete()
    assert ">Sports<" not in masthead(client)


@pytest.mark.usefixtures("page_cache_off")
def test_a_change_another_process_made_shows_once_it_bumps_the_sections_tag(
    client, make_section
):
    make_section(name="Sport", slug="sport")
    assert ">Sport<" in masthead(client)

    # Another app server's save: the row changes here without this process's signals,
    # and that server's receivers bump the shared tag.
    Section.objects.filter(slug="sport").update(name="Sports")
    assert ">Sport<" in masthead(client)  # this process's copy, still current here
    pages.bump({tags.SECTIONS})
    assert ">Sports<" in masthead(client)


@pytest.mark.usefixtures("cache_down")
def test_pages_list_the_sections_while_the_cache_is_down(client, make_section):
    make_section(name="Sport", slug="sport")
    Section.objects.filter(slug="sport").update(name="Sports")

    assert ">Sports<" in masthead(client)
