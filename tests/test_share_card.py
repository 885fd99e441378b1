"""The article form's "Share card preview", as the server draws it: the story's 16:9
crop, title, description, domain and credit, from the same rules as the page's share
tags. (tests/browser/test_share_card.py: it follows typing.)"""

from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.helpers import admin_url, article_form_data, image_bytes, upload

pytest_plugins = ["tests.roles"]


@pytest.fixture
def picture(make_image, make_agency, make_photographer):
    return make_image(
        file=upload(content=image_bytes((1600, 900))),
        alt_text="Boats in the harbour at dawn",
        photographer=make_photographer("Hassan Ammar", agency=make_agency("AP Images")),
    )


@pytest.fixture
def story(make_article, make_section, picture):
    return make_article(
        headline="Harbour wall rebuilt",
        standfirst="Work starts in September.",
        body="<p>The council voted on Tuesday.</p>",
        section=make_section(),
        featured_image=picture,
    )


class Card:
    def __init__(self, response):
        assert response.status_code == 200
        doc = lxml.html.fromstring(response.content.decode())
        (self.panel,) = doc.xpath("//section[@data-share-card]")
        self.doc = doc

    def text(self, css_class: str) -> str | None:
        found = self.panel.xpath(
            f'.//*[contains(concat(" ", @class, " "), " share-card__{css_class} ")]'
        )
        return found[0].text_content().strip() if found else None

    @property
    def picture(self):
        found = self.panel.xpath(".//img")
        return found[0] if found else None


def change_card(client, article) -> Card:
    return Card(client.get(admin_url(article, "change", article.pk)))


def test_card_shows_the_crop_title_description_domain_and_credit(admin_client, story):
    card = change_card(admin_client, story)

    heading = card.panel.xpath(".//h2")[0]
    assert heading.text_content() == "Share card preview"
    assert card.panel.get("aria-labelledby") == heading.get("id")
    crop = story.featured_image.renditions.get(crop="16:9")
    assert card.picture.get("src") == f"http://testserver/media/{crop.file.name}"
    assert crop.file.name.startswith("renditions/")
    assert (card.picture.get("width"), card.picture.get("height")) == ("1200", "675")
    assert card.picture.get("alt") == "Boats in the harbour at dawn"
    assert card.text("domain") == "testserver"
    assert card.text("title") == "Harbour wall rebuilt"
    assert card.text("description") == "Work starts in September."
    assert card.text("credit") == "Image by Hassan Ammar/AP Images"
    assert card.text("no-picture") is None


def test_card_shows_the_public_site_domain(admin_client, story, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com"

    card = change_card(admin_client, story)

    assert card.text("domain") == "news.example.com"
    assert card.picture.get("src").startswith("https://news.example.com/media/")


@pytest.mark.parametrize(
    ("fields", "title", "description"),
    [
        (
            {"seo_title": "Sea wall: the vote", "seo_description": "What it costs."},
            "Sea wall: the vote",
            "What it costs.",
        ),
        ({"standfirst": ""}, "Harbour wall rebuilt", "The council voted on Tuesday."),
    ],
    ids=["seo-fields", "first-paragraph"],
)
def test_card_text_falls_back_as_the_page_does(
    admin_client, story, fields, title, description
):
    for name, value in fields.items():
        setattr(story, name, value)
    story.save()

    card = change_card(admin_client, story)

    assert card.text("title") == title
    assert card.text("description") == description
    # What the script falls back to when SEO description and standfirst are emptied.
    assert card.panel.get("data-body-description") == "The council voted on Tuesday."


def test_new_story_says_to_add_a_featured_image(admin_client):
    card = Card(admin_client.get(admin_url(Article, "add")))

    assert card.picture is None
    assert card.text("no-picture") == "No picture: add a featured image."
    assert card.text("credit") == ""
    assert card.panel.get("data-image-id") == ""


def test_expired_picture_is_not_on_the_card(admin_client, story, picture):
    picture.rights_expire_on = timezone.localdate() - timedelta(days=1)
    picture.save()

    card = change_card(admin_client, story)

    assert card.picture is None
    assert card.text("no-picture") == (
        "No picture: the featured image’s rights have expired, so shares show none."
    )
    assert "/media/renditions/" not in lxml.html.tostring(card.panel).decode()


def test_uncredited_picture_is_flagged_on_the_card(admin_client, story, picture):
    picture.photographer = None
    picture.save()

    card = change_card(admin_client, story)

    assert card.text("credit") == (
        "No credit: add a photographer, an agency or a credit text to the image."
    )


def test_card_shows_what_was_typed_when_the_form_comes_back_with_errors(
    admin_client, story, picture
):
    data = article_form_data(
        story.section,
        headline="Typed headline",
        slug="",  # required: the form comes back
        standfirst="Typed standfirst.",
        featured_image=picture.pk,
    )

    response = admin_client.post(admin_url(story, "add"), data)

    card = Card(response)
    assert card.text("title") == "Typed headline"
    assert card.text("description") == "Typed standfirst."
    assert card.picture.get("alt") == "Boats in the harbour at dawn"
    assert card.panel.get("data-image-id") == str(picture.pk)


def test_card_script_and_styles_are_files_loaded_with_the_page_nonce(
    admin_client, story
):
    response = admin_client.get(admin_url(story, "change", story.pk))

    card = Card(response)
    nonce = card.doc.xpath('//script[contains(@src, "admin/js/theme.js")]/@nonce')[0]
    (script,) = card.doc.xpath('//script[contains(@src, "share_card.js")]')
    (styles,) = card.doc.xpath('//link[contains(@href, "share_card.css")]')
    assert script.get("nonce") == styles.get("nonce") == nonce
    assert script.get("defer") is not None
    assert not card.panel.xpath(".//script | .//*[@style]")


def picked(client, image_id) -> object:
    return client.get(
        reverse("admin:articles_article_share_card_picture"), {"image": image_id}
    )


def test_a_newly_picked_picture_comes_with_its_crop_and_credit(admin_client, picture):
    response = picked(admin_client, picture.pk)

    assert response.status_code == 200
    found = response.json()
    (img,) = lxml.html.fragments_fromstring(found["picture"])
    crop = picture.renditions.get(crop="16:9")
    assert img.get("src") == f"http://testserver/media/{crop.file.name}"
    assert img.get("alt") == "Boats in the harbour at dawn"
    assert found["credit"] == "Image by Hassan Ammar/AP Images"


def test_picking_no_picture_or_an_expired_one_says_why_there_is_none(
    admin_client, picture
):
    assert (
        "No picture: add a featured image."
        in picked(admin_client, "").json()["picture"]
    )
    picture.rights_expire_on = timezone.localdate() - timedelta(days=1)
    picture.save()

    found = picked(admin_client, picture.pk).json()

    assert "rights have expired" in found["picture"]
    assert "<img" not in found["picture"]
    assert found["credit"] == ""


def test_picked_picture_needs_a_story_editor_who_may_see_images(
    client, make_user, picture
):
    client.force_login(make_user("photo desk"))  # may see images, not write stories
    assert picked(client, picture.pk).status_code == 403
    client.force_login(make_user("reporter"))
    assert picked(client, picture.pk).status_code == 200
    assert picked(client, "²").status_code == 404
    client.logout()
    assert picked(client, picture.pk).status_code == 302  # to the sign-in page
