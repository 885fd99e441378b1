"""The publish checklist: publishing, now or scheduled, is refused listing every
problem at once, each linked to its field; saving a draft never is."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import services
from articles.models import Article
from tests.helpers import admin_url, figure
from tests.workflow_helpers import change_form_data, local_parts

pytest_plugins = ["tests.roles"]


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("editor", "ed"))
    return client


def publish(client, article, **overrides):
    return client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, _workflow="publish", **overrides),
        follow=True,
    )


def link(anchor: str, text: str) -> str:
    return f'<a href="#{anchor}">{text}</a>'


def assert_refused(response, article, *problems):
    for anchor, text in problems:
        assertContains(response, link(anchor, text), html=True)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert not article.events.exists()


@pytest.mark.parametrize(
    ("field", "value", "anchor", "problem"),
    [
        ("standfirst", "", "id_standfirst", "Write a standfirst."),
        ("standfirst", "   ", "id_standfirst", "Write a standfirst."),
        ("featured_image", "", "id_featured_image", "Choose a featured image."),
    ],
)
def test_publishing_without_a_part_is_refused_with_a_link_to_it(
    editor_client, make_story, field, value, anchor, problem
):
    article = make_story("review")

    response = publish(editor_client, article, **{field: value})

    assert_refused(response, article, (anchor, problem))


def test_a_story_without_headline_or_section_cannot_be_published():
    # The form itself requires both; importers and the shell go through the checklist.
    article = Article(headline=" ", standfirst="Yes.")

    problems = services.publish_checklist(article)

    assert [(p.field, p.message) for p in problems] == [
        ("headline", "Write a headline."),
        ("section", "Choose a section."),
        ("featured_image", "Choose a featured image."),
    ]


@pytest.mark.parametrize("where", ["featured", "body"])
@pytest.mark.parametrize(
    ("image_fields", "problem"),
    [
        ({"alt_text": " "}, "has no alt text."),
        ({"agency": None}, "has no credit: the photo desk can add one."),
        (
            {"rights_expire_on": timezone.localdate() - timedelta(days=1)},
            "its rights end on",
        ),
    ],
    ids=["no-alt-text", "no-credit", "rights-expired"],
)
def test_a_picture_that_may_not_run_stops_publishing(
    editor_client, make_story, make_image, make_agency, where, image_fields, problem
):
    image = make_image(
        caption="Flooded high street",
        **{"agency": make_agency("Wire")} | image_fields,
    )
    if where == "featured":
        article = make_story("review", featured_image=image)
        anchor, name = "id_featured_image", "The featured image (“Flooded high street”)"
    else:
        article = make_story("review", body=f"<p>Intro.</p>{figure(image)}")
        anchor, name = "id_body", "Figure 1 (“Flooded high street”)"

    response = publish(editor_client, article)

    assertContains(response, f'<a href="#{anchor}">{name}')
    assertContains(response, problem)
    assert_refused(response, article)


def test_every_problem_is_listed_at_once(editor_client, make_story, make_image):
    bare = make_image(caption="Bare", alt_text=" ")
    article = make_story("review", body=figure(bare))

    response = publish(editor_client, article, standfirst="", featured_image="")

    assert_refused(
        response,
        article,
        ("id_standfirst", "Write a standfirst."),
        ("id_featured_image", "Choose a featured image."),
        ("id_body", "Figure 1 (“Bare”) has no alt text."),
        ("id_body", "Figure 1 (“Bare”) has no credit: the photo desk can add one."),
    )


def test_rights_ending_before_the_scheduled_time_stop_scheduling_but_not_publishing_now(
    editor_client, make_story, make_image, make_agency
):
    ends_tomorrow = make_image(
        caption="Harbour",
        agency=make_agency("Wire"),
        rights_expire_on=timezone.localdate() + timedelta(days=1),
    )
    article = make_story("review", featured_image=ends_tomorrow)
    date, time = local_parts(timezone.now() + timedelta(days=3))

    refused = editor_client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(
            article, _workflow="schedule", published_at_0=date, published_at_1=time
        ),
    )
    assert_refused(refused, article)
    assertContains(refused, "its rights end on")
    published = publish(editor_client, article)

    assertNotContains(published, "its rights end on")
    article.refresh_from_db()
    assert article.is_published


def test_saving_a_draft_is_never_refused_for_the_checklist(
    client, make_user, make_story, make_image
):
    reporter = make_user("reporter", "rita")
    bare = make_image(caption="Bare", alt_text=" ")
    article = make_story("draft", created_by=reporter, body=figure(bare))
    client.force_login(reporter)

    response = client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(
            article, standfirst="", featured_image="", headline="Work in progress"
        ),
        follow=True,
    )

    assert response.redirect_chain
    article.refresh_from_db()
    assert (article.headline, article.standfirst, article.featured_image) == (
        "Work in progress",
        "",
        None,
    )


def test_submitting_for_review_is_not_refused_for_the_checklist(
    client, make_user, make_story
):
    reporter = make_user("reporter", "rita")
    article = make_story("draft", created_by=reporter, standfirst="")
    client.force_login(reporter)

    client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, _workflow="submit"),
    )

    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_the_form_shows_the_checklist_before_publishing(editor_client, make_story):
    unready = make_story("review", standfirst="")
    ready = make_story("review")

    unready_form = editor_client.get(admin_url(Article, "change", unready.pk))
    ready_form = editor_client.get(admin_url(Article, "change", ready.pk))

    assertContains(
        unready_form, link("id_standfirst", "Write a standfirst."), html=True
    )
    assertContains(ready_form, "Ready to publish")
    assertNotContains(ready_form, "Write a standfirst.")


@pytest.mark.parametrize("stage", ["live", "scheduled"])
def test_a_plain_save_cannot_put_an_unfit_picture_into_a_published_story(
    editor_client, make_story, make_image, stage
):
    article = make_story(stage)
    uncredited = make_image(alt_text="A flooded road")

    response = editor_client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(
            article,
            body=article.body + figure(uncredited),
            featured_image=uncredited.pk,
        ),
    )

    assert response.status_code == 200
    assertContains(response, "has no credit")
    article.refresh_from_db()
    assert article.featured_image != uncredited


def test_a_correction_still_saves_on_a_live_story_that_already_had_a_problem(
    editor_client, make_story
):
    article = make_story("live", standfirst="")  # published before the checklist

    response = editor_client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, headline="Sea wall vote: corrected"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Sea wall vote: corrected"
