"""The article form's body editor and the image chooser its Figure dialog opens."""

import re

import pytest
from django.contrib.auth.models import Permission
from pytest_django.asserts import assertContains, assertNotContains

from articles import renditions
from articles.models import Article, ArticleImage, Image
from tests.helpers import admin_url, article_form_data, figure, upload

CHOOSER = "/admin/articles/image/chooser/"


@pytest.fixture
def ap_image(make_image, make_agency, make_photographer):
    agency = make_agency("AP Images")
    return make_image(
        caption="Rescuers search the rubble",
        alt_text="Rescuers in helmets lift a slab",
        photographer=make_photographer("Hassan Ammar", agency=agency),
    )


# The article form ------------------------------------------------------------------


def test_body_is_the_prose_editor_with_the_designed_extensions(
    admin_client, make_section
):
    response = admin_client.get(admin_url(Article, "add"))

    assertContains(response, "data-django-prose-editor-newsroom")
    config = response.context["adminform"].form.fields["body"].widget.get_config()
    assert set(config["extensions"]) >= {
        "Heading",
        "Bold",
        "Italic",
        "Link",
        "Figure",
        "Caption",
    }
    assert config["extensions"]["Heading"] == {"levels": [2, 3]}
    assert config["extensions"]["Figure"]["pickerUrl"] == CHOOSER
    assert "Table" not in config["extensions"]


def test_editor_scripts_carry_the_csp_nonce_and_no_style_is_inline(admin_client):
    response = admin_client.get(admin_url(Article, "add"))

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assertContains(response, f'<script type="importmap" nonce="{nonce}">')
    assertContains(
        response,
        f'<script src="/static/articles/admin/body_editor.js" nonce="{nonce}" type="module">',
    )
    assertContains(response, 'href="/static/articles/admin/body_editor.css"')
    assertNotContains(response, "<style")


def test_editor_shows_each_figure_with_its_current_picture(
    admin_client, make_article, ap_image
):
    article = make_article(
        body=f'<figure><img src="/old.jpg" alt="old" data-file="{ap_image.pk}"></figure>'
    )

    form = (
        admin_client.get(admin_url(Article, "change", article.pk))
        .context["adminform"]
        .form
    )

    assert form.initial["body"] == (
        f'<figure><img src="{renditions.preview_url(ap_image)}" alt="Rescuers in helmets lift a slab" data-file="{ap_image.pk}"></figure>'
    )


def test_form_lists_body_pictures_with_the_credit_line_readers_see(
    admin_client, make_article, make_image, ap_image
):
    uncredited = make_image(caption="A quiet street")
    article = make_article(
        body=figure(ap_image, "Rescue teams on Monday") + figure(uncredited)
    )

    response = admin_client.get(admin_url(Article, "change", article.pk))

    assertContains(
        response, "Figure 1: Rescue teams on Monday<br>Image by Hassan Ammar/AP Images"
    )
    assertContains(response, "Figure 2: A quiet street")
    assertContains(
        response, "No credit: add a photographer, an agency or a credit text."
    )


def test_body_pictures_endpoint_lists_credit_lines_of_an_unsaved_body(
    admin_client, make_image, ap_image
):
    uncredited = make_image(caption="A quiet street")
    url = "/admin/articles/article/body-pictures/"

    response = admin_client.post(
        url, {"body": figure(ap_image, "Today") + figure(uncredited)}
    )

    assertContains(response, "Figure 1: Today<br>Image by Hassan Ammar/AP Images")
    assertContains(
        response, 'Figure 2: A quiet street<br> <span class="warning">No credit'
    )
    assert admin_client.get(url).status_code == 405


def test_body_pictures_endpoint_needs_article_permissions(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))

    assert (
        client.post("/admin/articles/article/body-pictures/", {"body": ""}).status_code
        == 403
    )


FEATURED_CREDIT = "/admin/articles/article/featured-credit/"


def test_featured_credit_endpoint_gives_the_featured_credit_line_readers_see(
    admin_client, ap_image
):
    response = admin_client.get(FEATURED_CREDIT, {"image": ap_image.pk})

    assert response.content.decode() == "Featured Image by Hassan Ammar/AP Images"


def test_featured_credit_endpoint_escapes_the_credit(
    admin_client, make_image, make_agency
):
    image = make_image(agency=make_agency("<b>Wire</b> & Co"))

    response = admin_client.get(FEATURED_CREDIT, {"image": image.pk})

    assert response.content.decode() == (
        "Featured Image by Uncredited/&lt;b&gt;Wire&lt;/b&gt; &amp; Co"
    )


def test_featured_credit_endpoint_warns_about_a_picture_without_credit(
    admin_client, make_image
):
    response = admin_client.get(FEATURED_CREDIT, {"image": make_image().pk})

    assertContains(
        response,
        "<strong>No credit</strong>: add a photographer, an agency or a credit text to the image.",
        html=True,
    )


def test_featured_credit_endpoint_without_a_picture_gives_a_dash(admin_client):
    assert admin_client.get(FEATURED_CREDIT, {"image": ""}).content.decode() == "—"


@pytest.mark.parametrize("image", ["99999", "abc", "-1", "²", "٣", "9" * 30])
def test_featured_credit_endpoint_is_404_for_an_unknown_picture(
    admin_client, ap_image, image
):
    assert admin_client.get(FEATURED_CREDIT, {"image": image}).status_code == 404


def test_featured_credit_endpoint_only_answers_get(admin_client, ap_image):
    assert admin_client.post(FEATURED_CREDIT, {"image": ap_image.pk}).status_code == 405


@pytest.mark.parametrize(
    "codenames",
    [[], ["change_article"], ["view_article", "view_image"]],
    ids=["no-permissions", "no-image-permission", "no-article-edit-permission"],
)
def test_featured_credit_endpoint_needs_article_and_image_permissions(
    client, django_user_model, ap_image, codenames
):
    user = django_user_model.objects.create_user("intern", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)

    response = client.get(FEATURED_CREDIT, {"image": ap_image.pk})

    assert response.status_code == 403


def test_featured_credit_endpoint_answers_a_writer_who_may_view_images(
    client, django_user_model, ap_image
):
    writer = django_user_model.objects.create_user("writer", is_staff=True)
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_article", "view_image"])
    )
    client.force_login(writer)

    response = client.get(FEATURED_CREDIT, {"image": ap_image.pk})

    assertContains(response, "Featured Image by Hassan Ammar/AP Images")


def test_article_form_loads_the_featured_credit_script_with_the_endpoint(
    admin_client, make_article, ap_image
):
    article = make_article(featured_image=ap_image)

    response = admin_client.get(admin_url(Article, "change", article.pk))

    assertContains(response, 'src="/static/articles/admin/featured_credit.js"')
    assertContains(
        response,
        f'<span data-featured-credit-url="{FEATURED_CREDIT}">Featured Image by Hassan Ammar/AP Images</span>',
        html=True,
    )


def test_saving_a_figure_without_a_picture_is_refused_naming_the_figure(
    admin_client, make_section, ap_image
):
    body = (
        "<p>Intro</p>"
        + figure(ap_image)
        + "<figure><img src='/x.jpg'><figcaption>Lost</figcaption></figure>"
    )

    response = admin_client.post(
        admin_url(Article, "add"), article_form_data(make_section(), body=body)
    )

    assertContains(
        response, "Figure 2 has no picture: choose one or remove the figure."
    )
    assert not Article.objects.exists()
    assertContains(response, "Intro")  # the editor's input stays on screen


def test_saving_figures_through_the_form_indexes_them(
    admin_client, make_section, ap_image
):
    body = "<p>Intro</p>" + figure(ap_image, "Per-use caption") + "<p>More</p>"

    response = admin_client.post(
        admin_url(Article, "add"), article_form_data(make_section(), body=body)
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert list(article.image_uses.values_list("image", "role")) == [
        (ap_image.pk, ArticleImage.Role.BODY)
    ]
    assert "<figcaption>Per-use caption</figcaption>" in article.body


def test_pasted_word_processor_markup_keeps_structure_and_drops_the_rest(
    admin_client, make_section
):
    pasted = (
        '<p class="MsoNormal" style="margin:0cm"><span style="font-family:Calibri">Council <b>votes</b> '
        '<a href="https://example.com/report">report</a></span><o:p></o:p></p>'
        '<h2 style="color:red">What next</h2><ul><li class="MsoListParagraph">One</li></ul>'
        '<table><tr><td>cell</td></tr></table><font color="red">Red</font>'
    )

    admin_client.post(
        admin_url(Article, "add"), article_form_data(make_section(), body=pasted)
    )

    assert Article.objects.get().body == (
        '<p>Council <b>votes</b> <a href="https://example.com/report">report</a></p>'
        "<h2>What next</h2><ul><li>One</li></ul>cellRed"
    )


# The image chooser -----------------------------------------------------------------


def test_chooser_needs_a_staff_login(client, db):
    response = client.get(CHOOSER)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_chooser_needs_permission_to_view_images(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))

    assert client.get(CHOOSER).status_code == 403


def test_chooser_shows_thumbnails_captions_and_credit_lines(
    admin_client, make_image, ap_image
):
    make_image(caption="An unattributed handout")

    response = admin_client.get(CHOOSER, {"CKEditorFuncNum": "3"})

    assertContains(
        response,
        f'data-url="{renditions.preview_url(ap_image)}" data-id="{ap_image.pk}"',
    )
    assertContains(response, 'data-caption="Rescuers search the rubble"')
    assertContains(response, "Image by Hassan Ammar/AP Images")
    assertContains(response, "No credit: add one before publishing")
    assertContains(
        response, '<input type="hidden" name="CKEditorFuncNum" value="3">', html=True
    )
    assertContains(
        response,
        f'<img src="{renditions.preview_url(ap_image)}" alt="" loading="lazy">',
        html=True,
    )


@pytest.mark.parametrize("query", ["rubble", "helmets", "Ammar", "AP Images"])
def test_chooser_searches_caption_alt_text_photographer_and_agency(
    admin_client, make_image, ap_image, query
):
    other = make_image(caption="Ferry leaves port", alt_text="A white ferry")

    response = admin_client.get(CHOOSER, {"q": query})

    assert [image.pk for image in response.context["page"]] == [ap_image.pk]
    assertNotContains(response, f'data-id="{other.pk}"')


def test_chooser_filters_by_the_agency_a_credit_names(
    admin_client, make_image, make_agency, ap_image
):
    agency = ap_image.photographer.agency
    direct = make_image(agency=agency)
    make_image(agency=make_agency("Other Agency"))

    response = admin_client.get(CHOOSER, {"agency": agency.pk})

    assert {image.pk for image in response.context["page"]} == {ap_image.pk, direct.pk}


def test_chooser_paginates_with_a_fixed_number_of_queries(
    admin_client,
    make_image,
    make_agency,
    make_photographer,
    django_assert_max_num_queries,
):
    agency = make_agency("Wire")
    for number in range(30):
        make_image(
            photographer=make_photographer(f"P{number}", agency=agency),
            caption=f"Picture {number}",
        )

    first = admin_client.get(CHOOSER, {"q": "Picture"})
    page_two = {"q": "Picture", "page": "2", "CKEditorFuncNum": "1"}
    admin_client.get(CHOOSER, page_two)  # makes its thumbnails' renditions
    with django_assert_max_num_queries(9):  # with one for every thumbnail
        second = admin_client.get(CHOOSER, page_two)

    assert len(first.context["page"]) == 24
    assert len(second.context["page"]) == 6
    assertContains(first, "Page 1 of 2 (30 pictures)")
    assertContains(second, 'href="?q=Picture&amp;CKEditorFuncNum=1&amp;page=1"')


def test_uploading_in_the_chooser_saves_and_picks_the_new_picture(
    admin_client, admin_user
):
    response = admin_client.post(
        f"{CHOOSER}?CKEditorFuncNum=2",
        {
            "file": upload(),
            "alt_text": "A crane over the docks",
            "caption": "New crane",
            "credit_type": "photo",
        },
        follow=True,
    )

    image = Image.objects.get()
    assert image.uploaded_by == admin_user
    assert (image.width, image.height) == (1200, 800)
    # Redirected, so a reload cannot upload it twice; the page hands it to the editor.
    assert response.redirect_chain == [
        (f"{CHOOSER}?CKEditorFuncNum=2&chosen={image.pk}", 302)
    ]
    assertContains(
        response,
        f'data-chosen data-url="{renditions.preview_url(image)}" data-id="{image.pk}"',
    )


def test_chooser_search_still_applies_with_an_unknown_agency(
    admin_client, make_image, ap_image
):
    make_image(caption="Ferry leaves port")

    response = admin_client.get(CHOOSER, {"q": "rubble", "agency": "99999"})

    assert [image.pk for image in response.context["page"]] == [ap_image.pk]


def test_body_pictures_endpoint_needs_permission_to_view_images(
    client, django_user_model
):
    writer = django_user_model.objects.create_user("writer", is_staff=True)
    writer.user_permissions.add(*Permission.objects.filter(codename="change_article"))
    client.force_login(writer)

    response = client.post("/admin/articles/article/body-pictures/", {"body": ""})

    assert response.status_code == 403


def test_unreadable_upload_in_the_chooser_explains_and_saves_nothing(admin_client):
    response = admin_client.post(
        CHOOSER,
        {
            "file": upload(content=b"not a picture"),
            "alt_text": "Anything",
            "credit_type": "photo",
        },
    )

    assertContains(response, "Please correct the errors below. Nothing was saved.")
    assertContains(response, "This is not a picture we can read")
    assert not Image.objects.exists()
    assertNotContains(response, "data-chosen")


def test_chooser_upload_needs_permission_to_add_images(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_image"))
    client.force_login(user)

    assertNotContains(client.get(CHOOSER), "Upload a new picture")
    assert (
        client.post(
            CHOOSER, {"file": upload(), "alt_text": "x", "credit_type": "photo"}
        ).status_code
        == 403
    )
    assert not Image.objects.exists()


# Publishing permission -------------------------------------------------------------


@pytest.fixture
def reporter_client(client, django_user_model):
    """A staff user who may write articles but not publish them."""
    reporter = django_user_model.objects.create_user("reporter", is_staff=True)
    codenames = [
        "add_article",
        "change_article",
        "view_article",
        "view_section",
        "view_image",
    ]
    reporter.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(reporter)
    return client


def test_reporter_can_submit_for_review_but_not_publish(reporter_client, make_section):
    section = make_section()

    refused = reporter_client.post(
        admin_url(Article, "add"), article_form_data(section, status="published")
    )
    submitted = reporter_client.post(
        admin_url(Article, "add"),
        article_form_data(section, slug="for-review", status="review"),
    )

    assertContains(refused, "Only editors can publish or schedule.")
    assert submitted.status_code == 302
    assert list(Article.objects.values_list("slug", "status")) == [
        ("for-review", "review")
    ]


def test_reporter_cannot_unpublish_or_reschedule_a_live_story(
    reporter_client, make_article
):
    article = make_article(slug="live")
    data = article_form_data(article.section, slug="live", status="draft")

    response = reporter_client.post(
        admin_url(Article, "change", article.pk), data, follow=True
    )

    assertContains(
        response,
        "Nothing was saved. Only editors can edit, unpublish or reschedule a published or scheduled story.",
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_editor_with_publish_permission_can_publish(
    client, django_user_model, make_section, ap_image
):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    codenames = ["add_article", "change_article", "view_article", "publish_article"]
    editor.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(editor)

    response = client.post(
        admin_url(Article, "add"),
        article_form_data(
            make_section(), status="published", featured_image=ap_image.pk
        ),
    )

    assert response.status_code == 302
    assert Article.objects.get().is_published
