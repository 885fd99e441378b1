import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import renditions
from articles.models import Article, ArticleImage, Byline, Image
from tests.helpers import (
    admin_url,
    article_form_data,
    changelist_rows,
    figure,
    image_bytes,
    image_form_data,
    row_containing,
    upload,
)


def stored_files(settings) -> list[Path]:
    media = Path(settings.MEDIA_ROOT)
    return (
        [path for path in media.rglob("*") if path.is_file()] if media.exists() else []
    )


@pytest.fixture
def ap_image(make_image, make_agency, make_photographer):
    """An image credited "Image by Hassan Ammar/AP Images" through its photographer's agency."""
    agency = make_agency("AP Images")
    photographer = make_photographer("Hassan Ammar", agency=agency)
    return make_image(caption="Rescuers search the rubble", photographer=photographer)


# Changelists --------------------------------------------------------------------------


@pytest.fixture
def one_of_each(make_article, make_author, ap_image):
    """Every model once, each with a name that shows on its changelist."""
    article = make_article(
        headline="Floods close the coast road",
        featured_image=ap_image,
        authors=[make_author("Jane Reporter")],
    )
    return {
        "section": article.section.name,
        "author": "Jane Reporter",
        "agency": "AP Images",
        "photographer": "Hassan Ammar",
        "image": "Rescuers search the rubble",
        "article": "Floods close the coast road",
        "articleimage": "Floods close the coast road",
    }


@pytest.mark.parametrize(
    "model_name",
    [
        "section",
        "author",
        "agency",
        "photographer",
        "image",
        "article",
        "articleimage",
    ],
)
def test_changelist_of_every_model_lists_its_rows(
    admin_client, one_of_each, model_name
):
    response = admin_client.get(reverse(f"admin:articles_{model_name}_changelist"))

    assert response.status_code == 200
    assert len(changelist_rows(response)) == 1
    assertContains(response, one_of_each[model_name])


@pytest.mark.parametrize(
    "model_name", ["section", "author", "agency", "photographer", "image", "article"]
)
def test_add_form_of_every_editable_model_opens(admin_client, model_name):
    response = admin_client.get(reverse(f"admin:articles_{model_name}_add"))

    assertContains(response, 'name="_save"')


@pytest.mark.parametrize(
    ("model", "add_rows"),
    [
        (
            Image,
            lambda make_image, ap_image, make_article: make_image(
                photographer=ap_image.photographer
            ),
        ),
        (
            Article,
            lambda make_image, ap_image, make_article: make_article(
                featured_image=ap_image, tags=["floods"]
            ),
        ),
        (
            ArticleImage,
            lambda make_image, ap_image, make_article: make_article(
                featured_image=ap_image, body=figure(make_image())
            ),
        ),
    ],
    ids=["image", "article", "articleimage"],
)
def test_changelist_runs_the_same_queries_however_many_rows(
    admin_client, make_image, make_article, ap_image, model, add_rows
):
    add_rows(make_image, ap_image, make_article)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(admin_url(model))
        assert response.status_code == 200
        return len(captured)

    queries()  # fills the content-type cache and makes the thumbnails' renditions
    with_few = queries()
    for _ in range(4):
        add_rows(make_image, ap_image, make_article)
    queries()  # makes the new rows' renditions

    assert queries() == with_few


# Images -------------------------------------------------------------------------------


def test_image_changelist_shows_credit_line_and_flags_uncredited_image(
    admin_client, make_image, ap_image
):
    make_image(caption="Nobody knows who took this")

    response = admin_client.get(admin_url(Image))

    credited = row_containing(response, "Rescuers search the rubble")
    assert "Image by Hassan Ammar/AP Images" in credited
    assert 'alt="True"' in credited
    assert "No credit" not in credited
    uncredited = row_containing(response, "Nobody knows who took this")
    assert "No credit" in uncredited
    assert 'alt="False"' in uncredited


@pytest.mark.parametrize(
    ("choice", "listed", "not_listed"),
    [
        ("missing", {"Nobody knows", "Only spaces"}, {"Agency pool", "Override"}),
        ("present", {"Agency pool", "Override"}, {"Nobody knows", "Only spaces"}),
    ],
)
def test_credit_filter_splits_credited_from_uncredited_images(
    admin_client, make_image, make_agency, choice, listed, not_listed
):
    make_image(caption="Nobody knows")
    make_image(caption="Only spaces", credit_text="   ")
    make_image(caption="Agency pool", agency=make_agency("Reuters"))
    make_image(caption="Override", credit_text="Courtesy of the family")

    response = admin_client.get(admin_url(Image), {"credit": choice})

    shown = {
        caption
        for caption in listed | not_listed
        for row in changelist_rows(response)
        if caption in row
    }
    assert shown == listed


@pytest.mark.parametrize(
    "term", ["rubble", "Rescuers at work", "Ammar", "AP Images"], ids=str
)
def test_image_search_finds_caption_alt_text_photographer_and_agency(
    admin_client, make_image, ap_image, term
):
    ap_image.alt_text = "Rescuers at work in the ruins"
    ap_image.save()
    make_image(caption="A quiet beach", alt_text="Waves on sand")

    response = admin_client.get(admin_url(Image), {"q": term})

    assert len(changelist_rows(response)) == 1
    assertContains(response, "Rescuers search the rubble")


def test_image_thumbnail_escapes_alt_text(admin_client, make_image):
    image = make_image(alt_text='<b>"Bold"</b> claim')

    response = admin_client.get(admin_url(Image))

    assertContains(response, 'alt="&lt;b&gt;&quot;Bold&quot;&lt;/b&gt; claim"')
    assertNotContains(response, "<b>")
    assertContains(response, f'src="{renditions.preview_url(image)}"')


def test_image_change_page_shows_picture_credit_and_upload_record(
    admin_client, admin_user, ap_image
):
    ap_image.uploaded_by = admin_user
    ap_image.save()

    response = admin_client.get(admin_url(Image, "change", ap_image.pk))

    assertContains(response, f'<img src="{renditions.preview_url(ap_image)}"')
    assertNotContains(response, "/media/images/")
    assertContains(response, "Image by Hassan Ammar/AP Images")
    assertContains(response, '<div class="readonly">1200</div>', html=True)
    assertContains(
        response, f'<div class="readonly">{ap_image.file_hash}</div>', html=True
    )
    assertContains(response, admin_user.username)
    assertNotContains(response, 'name="width"')
    assertNotContains(response, 'name="file_hash"')


def test_image_change_page_warns_when_image_has_no_credit(admin_client, make_image):
    image = make_image()

    response = admin_client.get(admin_url(Image, "change", image.pk))

    assertContains(response, "<strong>No credit</strong>", html=True)


def test_image_change_page_shows_where_the_image_is_used(
    admin_client, make_article, make_image, ap_image
):
    lead = make_article(headline="Quake: the first day", featured_image=ap_image)
    follow_up = make_article(
        headline="Quake: rebuilding begins",
        featured_image=make_image(),
        body="<p>Intro.</p>" + figure(ap_image, "A week later"),
    )
    make_article(headline="Unrelated story")

    response = admin_client.get(admin_url(Image, "change", ap_image.pk))

    assertContains(response, "Where this image is used")
    assertContains(
        response,
        f'<a href="{admin_url(Article, "change", lead.pk)}">Quake: the first day</a>',
        html=True,
    )
    assertContains(
        response,
        f'<a href="{admin_url(Article, "change", follow_up.pk)}">Quake: rebuilding begins</a>',
        html=True,
    )
    assertContains(response, "Featured image")
    assertContains(response, "In the body")
    assertNotContains(response, "Unrelated story")
    # Read only: the usage index is derived from the articles, never typed in.
    assertNotContains(response, 'name="uses-0-role"')


def test_image_change_page_runs_the_same_queries_however_often_it_is_used(
    admin_client, make_article, ap_image
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(admin_url(Image, "change", ap_image.pk))
        assert response.status_code == 200
        return len(captured)

    make_article(featured_image=ap_image)
    queries()  # fills the content-type cache
    used_once = queries()
    for _ in range(4):
        make_article(featured_image=ap_image)

    assert queries() == used_once


def test_adding_an_image_records_uploader_and_size(admin_client, admin_user):
    response = admin_client.post(
        admin_url(Image, "add"),
        image_form_data(file=upload(content=image_bytes(size=(640, 480)))),
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.uploaded_by == admin_user
    assert (image.width, image.height) == (640, 480)


def test_editing_an_image_keeps_its_uploader(admin_client, django_user_model, ap_image):
    photographer_desk = django_user_model.objects.create_user("desk")
    ap_image.uploaded_by = photographer_desk
    ap_image.save()
    # Editing keeps the stored file, so the form posts none; the usage inline is read only.
    data = image_form_data(
        alt_text="Rescuers at work",
        photographer=ap_image.photographer_id,
        **{
            "uses-TOTAL_FORMS": "0",
            "uses-INITIAL_FORMS": "0",
            "uses-MIN_NUM_FORMS": "0",
            "uses-MAX_NUM_FORMS": "0",
        },
    )
    del data["file"]

    response = admin_client.post(admin_url(Image, "change", ap_image.pk), data)

    assert response.status_code == 302
    ap_image.refresh_from_db()
    assert ap_image.alt_text == "Rescuers at work"
    assert ap_image.uploaded_by == photographer_desk


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.jpg", b"Just some text pretending to be a picture.\n"),
        # The header is intact, so only decoding the whole picture notices.
        ("cut-short.jpg", image_bytes()[: len(image_bytes()) // 2]),
    ],
    ids=["text-file", "truncated-jpeg"],
)
def test_unreadable_upload_is_refused_and_nothing_is_stored(
    admin_client, settings, name, content
):
    response = admin_client.post(
        admin_url(Image, "add"), image_form_data(file=upload(name, content))
    )

    assertContains(response, "This is not a picture we can read, or it is damaged")
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_image_in_use_cannot_be_deleted_and_the_page_says_where_it_is_used(
    admin_client, make_article, ap_image
):
    make_article(headline="Quake: the first day", featured_image=ap_image)

    response = admin_client.post(
        admin_url(Image, "delete", ap_image.pk), {"post": "yes"}
    )

    assertContains(response, "would require deleting the following protected")
    assertContains(response, "Quake: the first day")
    assert Image.objects.filter(pk=ap_image.pk).exists()


def test_unused_image_can_be_deleted(admin_client, make_image):
    image = make_image()

    response = admin_client.post(admin_url(Image, "delete", image.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.exists()


# Image uses ---------------------------------------------------------------------------


def test_image_uses_cannot_be_added_edited_or_deleted(
    admin_client, make_article, ap_image
):
    make_article(featured_image=ap_image)
    use = ArticleImage.objects.get()

    assert admin_client.get(admin_url(ArticleImage, "add")).status_code == 403
    assert (
        admin_client.post(
            admin_url(ArticleImage, "change", use.pk), {"position": "7"}
        ).status_code
        == 403
    )
    assert (
        admin_client.post(
            admin_url(ArticleImage, "delete", use.pk), {"post": "yes"}
        ).status_code
        == 403
    )
    use.refresh_from_db()
    assert use.position == 0
    view = admin_client.get(admin_url(ArticleImage, "change", use.pk))
    assertContains(view, use.article.headline)
    assertNotContains(view, 'name="_save"')


# Articles -----------------------------------------------------------------------------


def test_adding_an_article_sets_creator_bylines_and_tags(
    admin_client, admin_user, make_section, make_author
):
    section = make_section(name="Business")
    first, second = make_author("Zoe First"), make_author("Adam Second")

    response = admin_client.post(
        admin_url(Article, "add"),
        article_form_data(
            section,
            tags="budget, economy",
            **{
                "bylines-TOTAL_FORMS": "2",
                "bylines-0-author": second.pk,
                "bylines-0-position": "1",
                "bylines-1-author": first.pk,
                "bylines-1-position": "0",
            },
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.headline == "Budget day: what changes"
    assert article.section == section
    assert article.created_by == admin_user
    assert list(
        article.bylines.order_by("position").values_list("author__name", flat=True)
    ) == ["Zoe First", "Adam Second"]
    assert sorted(article.tags.names()) == ["budget", "economy"]


def test_editing_an_article_keeps_its_creator(
    admin_client, django_user_model, make_article
):
    reporter = django_user_model.objects.create_user("reporter")
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    Article.objects.filter(pk=article.pk).update(created_by=reporter)

    response = admin_client.post(
        admin_url(Article, "change", article.pk),
        article_form_data(
            article.section,
            headline="A better headline",
            slug=article.slug,
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "A better headline"
    assert article.created_by == reporter


def test_article_with_pictures_can_be_deleted(admin_client, make_article, ap_image):
    # Its image uses go with it, although nobody may delete an image use by hand.
    article = make_article(featured_image=ap_image, body=figure(ap_image))

    response = admin_client.post(
        admin_url(Article, "delete", article.pk), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.exists()
    assert not ArticleImage.objects.exists()
    assert Image.objects.filter(pk=ap_image.pk).exists()


def test_byline_inline_lists_authors_in_position_order(
    admin_client, make_article, make_author
):
    article = make_article()
    # Created in the opposite order to their positions, and not in name order either.
    Byline.objects.create(article=article, author=make_author("Amy Later"), position=1)
    Byline.objects.create(article=article, author=make_author("Zed Lead"), position=0)

    response = admin_client.get(admin_url(Article, "change", article.pk))

    page = response.text
    assert 0 < page.index("Zed Lead") < page.index("Amy Later")


def test_slug_clash_on_add_form_suggests_numbered_slug(
    admin_client, make_article, make_section
):
    make_article(slug="budget-day")

    response = admin_client.post(
        admin_url(Article, "add"),
        article_form_data(make_section(), slug="budget-day"),
    )

    assertContains(response, "Another article already uses the slug")
    assertContains(response, "Try “budget-day-2”")
    assert Article.objects.count() == 1


def view_on_site_link(response) -> str | None:
    match = re.search(r'<a href="([^"]*)" class="viewsitelink">', response.text)
    return match.group(1) if match else None


def test_published_article_change_page_links_to_its_public_page(
    admin_client, client, make_article
):
    article = make_article(headline="Council approves the new bridge")

    response = admin_client.get(admin_url(Article, "change", article.pk))

    link = view_on_site_link(response)
    assert link is not None
    public = client.get(link)
    assertContains(public, "Council approves the new bridge")


@pytest.mark.parametrize(
    ("status", "goes_live_in"),
    [
        (Article.Status.DRAFT, None),
        (Article.Status.REVIEW, None),
        (Article.Status.PUBLISHED, timedelta(days=1)),
    ],
    ids=["draft", "in-review", "scheduled"],
)
def test_unpublished_article_change_page_has_no_view_on_site_link(
    admin_client, make_article, status, goes_live_in
):
    published_at = timezone.now() + goes_live_in if goes_live_in else None
    article = make_article(status=status, published_at=published_at)

    response = admin_client.get(admin_url(Article, "change", article.pk))

    assertContains(response, article.headline)
    assert view_on_site_link(response) is None
    assertNotContains(response, "View on site")


def test_article_changelist_marks_only_live_stories_as_published(
    admin_client, make_article
):
    make_article(headline="Live story")
    make_article(
        headline="Tomorrow's story", published_at=timezone.now() + timedelta(days=1)
    )

    response = admin_client.get(admin_url(Article))

    assert 'alt="True"' in row_containing(response, "Live story")
    assert 'alt="False"' in row_containing(response, "Tomorrow&#x27;s story")


def test_article_change_page_shows_featured_image_credit(
    admin_client, make_article, ap_image
):
    article = make_article(featured_image=ap_image)

    response = admin_client.get(admin_url(Article, "change", article.pk))

    assertContains(response, "Featured Image by Hassan Ammar/AP Images")


@pytest.mark.parametrize("credited", [True, False], ids=["credited", "uncredited"])
def test_saving_article_warns_but_saves_when_featured_image_has_no_credit(
    admin_client, make_section, make_image, make_agency, credited
):
    image = make_image(
        caption="Smoke over the harbour",
        agency=make_agency("Reuters") if credited else None,
    )

    response = admin_client.post(
        admin_url(Article, "add"),
        article_form_data(make_section(), featured_image=image.pk),
        follow=True,
    )

    assert Article.objects.get().featured_image == image
    warning = (
        "The featured image (“Smoke over the harbour”): No credit: add a photographer"
    )
    if credited:
        assertNotContains(response, warning)
    else:
        assertContains(response, warning)


@pytest.mark.parametrize(
    ("field_name", "model_name", "term", "expected"),
    [
        ("featured_image", "article", "Ammar", "Rescuers search the rubble"),
        ("featured_image", "article", "AP Images", "Rescuers search the rubble"),
        ("section", "article", "Weather", "Weather"),
        ("author", "byline", "Jane", "Jane Reporter"),
    ],
)
def test_article_form_autocompletes_related_records(
    admin_client,
    ap_image,
    make_image,
    make_section,
    make_author,
    field_name,
    model_name,
    term,
    expected,
):
    make_image(caption="A quiet beach")
    make_section(name="Weather")
    make_section(name="Sport")
    make_author("Jane Reporter")
    make_author("Oscar Columnist")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
        },
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == [expected]
