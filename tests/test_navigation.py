"""The masthead's section navigation, which each process keeps a copy of
(articles.navigation): every change to the sections shows at once, whichever process
made it, and pages still list the sections when the cache is down."""

import time

import pytest

from articles import navigation
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


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.django_db
def test_a_cache_that_keeps_nothing_still_lists_the_sections(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }
    Section.objects.create(name="Sport", slug="sport")

    assert ">Sport<" in masthead(client)


@pytest.mark.usefixtures("page_cache_off")
def test_a_copy_that_missed_a_change_is_read_again_within_a_minute(
    client, make_section, monkeypatch
):
    make_section(name="Sport", slug="sport")
    assert ">Sport<" in masthead(client)
    Section.objects.filter(slug="sport").update(name="Sports")  # no bump arrives

    later = time.monotonic() + navigation.COPY_SECONDS + 1
    monkeypatch.setattr(navigation.time, "monotonic", lambda: later)

    assert ">Sports<" in masthead(client)


@pytest.mark.usefixtures("page_cache_off")
def test_related_stories_in_a_section_the_copy_does_not_know_yet(
    client, make_article, make_section
):
    story = make_article(tags=["harbour"])
    assert client.get(story.get_absolute_url()).status_code == 200  # copy read
    # A section made by another process, whose bump this one has not seen.
    elsewhere = Section.objects.bulk_create([Section(name="Late", slug="late")])[0]
    make_article(section=elsewhere, tags=["harbour"], headline="In the late section")

    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    assert 'href="/late/' in response.content.decode()
