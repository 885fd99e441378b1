"""Front-page curation: editors pin a top story and up to six stories for a window of
time; the newest stories fill in; label and dateline show on the story and its cards."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, FrontPagePin
from tests.helpers import admin_url, headlines
from tests.workflow_helpers import change_form_data

NOW = timezone.now().replace(microsecond=0)


def hours(n: float):
    return NOW + timedelta(hours=n)


def front(client):
    """(the top story's headline or None, the pinned ones, the latest ones), as shown."""
    response = client.get("/")
    top = headlines(response, "top-story")
    return (
        top[0] if top else None,
        headlines(response, "pinned"),
        headlines(response, "latest"),
    )


@pytest.fixture
def stories(make_article):
    """Five published stories, "Story 0" the newest, and an older feature to pin."""
    made = {
        f"Story {n}": make_article(headline=f"Story {n}", published_at=hours(-1 - n))
        for n in range(5)
    }
    made["Feature"] = make_article(headline="Feature", published_at=hours(-100))
    return made


def pin(article, position, starts_at=None, ends_at=None):
    return FrontPagePin.objects.create(
        article=article, position=position, starts_at=starts_at, ends_at=ends_at
    )


# The home page ------------------------------------------------------------------------


def test_with_no_pins_the_newest_story_leads(client, stories):
    assert front(client) == (
        "Story 0",
        [],
        ["Story 1", "Story 2", "Story 3", "Story 4", "Feature"],
    )


def test_pinned_top_story_and_pins_lead_in_order_then_the_latest(client, stories):
    pin(stories["Feature"], FrontPagePin.TOP_STORY)
    pin(stories["Story 3"], 2)
    pin(stories["Story 4"], 1)

    assert front(client) == (
        "Feature",
        ["Story 4", "Story 3"],
        ["Story 0", "Story 1", "Story 2"],
    )
    page = client.get("/").text
    assert page.index("Feature") < page.index("Story 4") < page.index("Story 3")
    assert page.index("Story 3") < page.index('id="latest-heading"')


def test_without_a_top_pin_the_newest_story_leads_the_pins(client, stories):
    pin(stories["Feature"], 1)

    assert front(client) == (
        "Story 0",
        ["Feature"],
        ["Story 1", "Story 2", "Story 3", "Story 4"],
    )


def test_no_story_shows_twice(client, stories):
    pin(stories["Story 0"], 1)  # also the newest
    pin(stories["Feature"], FrontPagePin.TOP_STORY)
    pin(stories["Feature"], 3)  # pinned twice

    top, pinned, latest = front(client)

    assert (top, pinned) == ("Feature", ["Story 0"])
    shown = [top, *pinned, *latest]
    assert len(shown) == len(set(shown)) == 6
    assert client.get("/").text.count(">Feature</a>") == 1


@pytest.mark.parametrize(
    ("moment", "leads"),
    [
        (hours(1) - timedelta(seconds=1), "Story 0"),
        (hours(1), "Feature"),
        (hours(2), "Feature"),
        (hours(3) - timedelta(seconds=1), "Feature"),
        (hours(3), "Story 0"),
    ],
    ids=["before-start", "at-start", "during", "just-before-end", "at-end"],
)
def test_a_pin_leads_only_within_its_window(client, stories, moment, leads):
    top_pin = pin(stories["Feature"], FrontPagePin.TOP_STORY, hours(1), hours(3))

    with time_machine.travel(moment, tick=False):
        assert front(client)[0] == leads
        live = set(FrontPagePin.objects.live())
        assert (top_pin in live) is top_pin.is_live is (leads == "Feature")


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"status": Article.Status.REVIEW, "published_at": None},
        {"published_at": hours(2)},
    ],
    ids=["draft", "in-review", "scheduled"],
)
def test_an_unpublished_pinned_story_is_never_shown(
    client, stories, make_article, unpublished
):
    secret = make_article(headline="Secret merger", **unpublished)
    top_pin = pin(secret, FrontPagePin.TOP_STORY)
    pin(secret, 1)

    assert front(client)[:2] == ("Story 0", [])
    assertNotContains(client.get("/"), "Secret merger")  # the stored page too
    assert not FrontPagePin.objects.live().exists()
    assert not top_pin.is_live


def test_a_scheduled_pinned_story_leads_once_it_goes_live(
    client, stories, make_article
):
    scheduled = make_article(headline="Election results", published_at=hours(2))
    pin(scheduled, FrontPagePin.TOP_STORY)

    assert front(client)[0] == "Story 0"
    with time_machine.travel(hours(2), tick=False):
        assert front(client)[0] == "Election results"


@pytest.mark.usefixtures("page_cache_off")
def test_home_runs_the_same_queries_with_pins(client, stories):
    def count():
        client.get("/")  # makes any renditions
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    before = count()
    for position, article in enumerate(stories.values()):
        pin(article, position)

    assert count() == before


# Label and dateline -----------------------------------------------------------------


def test_label_shows_above_the_headline_and_on_cards(client, make_article):
    article = make_article(headline="Why the vote matters", label="analysis")

    page = client.get(article.get_absolute_url())
    assertContains(page, '<p class="article__label">Analysis</p>', html=True)
    assert page.text.index("article__label") < page.text.index("article__headline")
    home = client.get("/")
    assertContains(home, '<p class="card__label">Analysis</p>', html=True)
    section = client.get(article.section.get_absolute_url())
    assertContains(section, '<p class="card__label">Analysis</p>', html=True)


def test_dateline_opens_the_body(client, make_article):
    article = make_article(dateline="KYIV", body="<p>Sirens sounded at dawn.</p>")

    page = client.get(article.get_absolute_url()).text

    body = page.split('<div class="article__body">')[1]
    assert body.lstrip().startswith('<p class="article__dateline">KYIV —</p>')
    assert body.index("KYIV —") < body.index("Sirens sounded at dawn.")


def test_editors_set_the_label_and_dateline_in_the_article_form(
    client, make_article, admin_user
):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(admin_user)
    url = admin_url(Article, "change", article.pk)

    form = client.get(url)
    saved = client.post(
        url, change_form_data(article, label="analysis", dateline="KYIV")
    )

    assertContains(form, 'name="label"')
    assertContains(form, 'name="dateline"')
    assert saved.status_code == 302
    article.refresh_from_db()
    assert (article.label, article.dateline) == ("analysis", "KYIV")


def test_no_label_or_dateline_no_markup(client, make_article):
    article = make_article()

    for path in (article.get_absolute_url(), "/"):
        response = client.get(path)
        assertNotContains(response, "__label")
        assertNotContains(response, "article__dateline")


# The admin --------------------------------------------------------------------------


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "view_frontpagepin",
                "add_frontpagepin",
                "change_frontpagepin",
                "delete_frontpagepin",
                "view_article",
            ]
        )
    )
    client.force_login(user)
    return client


def pin_form(article, position="0", starts_at=None, ends_at=None) -> dict:
    def split(name, value):
        if value is None:
            return {f"{name}_0": "", f"{name}_1": ""}
        local = timezone.localtime(value)
        return {
            f"{name}_0": local.strftime("%Y-%m-%d"),
            f"{name}_1": local.strftime("%H:%M:%S"),
        }

    return {
        "article": article.pk,
        "position": position,
        **split("starts_at", starts_at),
        **split("ends_at", ends_at),
    }


def test_editor_pins_a_top_story_for_a_window(editor, stories):
    form = editor.get(admin_url(FrontPagePin, "add"))
    # The story is picked by typing its headline.
    assertContains(form, 'data-field-name="article"')
    assertContains(form, '<option value="0">Top story</option>', html=True)
    assertContains(form, '<option value="6">Pinned 6</option>', html=True)
    assertContains(form, "Europe/London")

    response = editor.post(
        admin_url(FrontPagePin, "add"),
        pin_form(stories["Feature"], "0", hours(-1), hours(5)),
    )

    assert response.status_code == 302
    saved = FrontPagePin.objects.get()
    assert (saved.article, saved.position) == (stories["Feature"], 0)
    assert (saved.starts_at, saved.ends_at) == (hours(-1), hours(5))
    listing = editor.get(admin_url(FrontPagePin))
    assertContains(listing, "Top story")
    assertContains(listing, 'alt="True"')  # on the home page now


def test_article_autocomplete_finds_stories_by_headline(editor, stories):
    response = editor.get(
        "/admin/autocomplete/",
        {
            "term": "Feat",
            "app_label": "articles",
            "model_name": "frontpagepin",
            "field_name": "article",
        },
    )

    assert [r["text"] for r in response.json()["results"]] == ["Feature"]


@pytest.mark.parametrize(
    ("window", "field", "message"),
    [
        ((hours(5), hours(4)), "ends_at", "The end must be after the start."),
        ((hours(5), hours(5)), "ends_at", "The end must be after the start."),
        (
            (None, hours(-1)),
            "ends_at",
            "This time has passed: the pin would never show.",
        ),
    ],
    ids=["end-before-start", "end-at-start", "end-passed"],
)
def test_a_window_that_makes_no_sense_is_refused(
    editor, stories, window, field, message
):
    response = editor.post(
        admin_url(FrontPagePin, "add"), pin_form(stories["Feature"], "2", *window)
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert not FrontPagePin.objects.exists()


@pytest.mark.parametrize(
    ("window", "refused"),
    [
        ((None, None), True),
        ((hours(2), None), True),
        ((None, hours(2)), True),
        ((hours(2), hours(4)), True),
        ((hours(3), hours(8)), False),  # starts as the other ends
        ((hours(-5), hours(1)), False),  # ends as the other starts
    ],
)
def test_one_story_per_place_at_any_moment(editor, stories, window, refused):
    pin(stories["Story 1"], 2, hours(1), hours(3))

    response = editor.post(
        admin_url(FrontPagePin, "add"), pin_form(stories["Feature"], "2", *window)
    )

    if refused:
        assertContains(response, "Pin 2 is taken by “Story 1”")
        assert FrontPagePin.objects.count() == 1
    else:
        assert response.status_code == 302
        assert FrontPagePin.objects.count() == 2


def test_a_pin_that_has_ended_leaves_its_place_free(editor, stories):
    pin(stories["Story 1"], 0, hours(-5), hours(-1))

    response = editor.post(admin_url(FrontPagePin, "add"), pin_form(stories["Feature"]))

    assert response.status_code == 302


def test_a_place_outside_the_seven_is_refused(editor, stories):
    response = editor.post(
        admin_url(FrontPagePin, "add"), pin_form(stories["Feature"], "7")
    )

    assertContains(response, "Select a valid choice.")
    assert not FrontPagePin.objects.exists()


def test_pinning_an_unpublished_story_warns_that_it_waits(editor, make_article):
    draft = make_article(
        headline="Tomorrow's splash", status=Article.Status.DRAFT, published_at=None
    )

    response = editor.post(admin_url(FrontPagePin, "add"), pin_form(draft), follow=True)

    assertContains(
        response,
        "“Tomorrow&#x27;s splash” is not published: the pin shows once the story is live.",
    )


def test_staff_without_the_pin_permission_cannot_curate(client, stories):
    user = get_user_model().objects.create_user("reporter", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    client.force_login(user)

    assert client.get(admin_url(FrontPagePin, "add")).status_code == 403
    response = client.post(admin_url(FrontPagePin, "add"), pin_form(stories["Feature"]))
    assert response.status_code == 403
    assert not FrontPagePin.objects.exists()
