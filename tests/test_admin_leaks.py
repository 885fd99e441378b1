"""What staff see in the admin must not give away what they may not read: the headlines
of drafts and scheduled stories are embargoed news."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, ArticleImage, Author, Image, Section, Tag
from tests.helpers import admin_url, figure


@pytest.fixture
def staff_with(client, django_user_model):
    """A logged-in client for a staff user holding just the named `articles` permissions."""

    def login(*codenames):
        user = django_user_model.objects.create_user(
            username=f"staff-{len(codenames)}-{'-'.join(codenames)}"[:150],
            password="x",
            is_staff=True,
        )
        user.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label="articles", codename__in=codenames
            )
        )
        client.force_login(user)
        return client

    return login


def view_on_site_url(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.mark.parametrize(
    ("status", "goes_live_in"),
    [
        (Article.Status.DRAFT, None),
        (Article.Status.REVIEW, None),
        (Article.Status.PUBLISHED, timedelta(hours=2)),
    ],
    ids=["draft", "in-review", "scheduled"],
)
def test_view_on_site_shortcut_does_not_redirect_to_unpublished_articles(
    admin_client, make_article, status, goes_live_in
):
    published_at = timezone.now() + goes_live_in if goes_live_in else None
    article = make_article(
        headline="Minister to resign", status=status, published_at=published_at
    )

    response = admin_client.get(view_on_site_url(article))

    assert response.status_code == 404
    assert "minister-to-resign" not in response.get("Location", "")
    assertNotContains(response, "minister-to-resign", status_code=404)


def test_view_on_site_shortcut_redirects_to_a_live_article(staff_with, make_article):
    article = make_article(headline="Bridge reopens")

    response = staff_with("view_article").get(view_on_site_url(article))

    assert response.status_code == 302
    assert response["Location"].endswith(article.get_absolute_url())


def test_view_on_site_shortcut_needs_permission_to_view_the_object(
    staff_with, make_article, make_author
):
    client = staff_with("view_image")
    article = make_article(headline="Bridge reopens")
    author = make_author("Jane Reporter")

    assert client.get(view_on_site_url(article)).status_code == 404
    assert client.get(view_on_site_url(author)).status_code == 404


def test_view_on_site_shortcut_works_for_other_public_records(staff_with, make_author):
    author = make_author("Jane Reporter", slug="jane-reporter")

    response = staff_with("view_author").get(view_on_site_url(author))

    assert response.status_code == 302
    assert response["Location"].endswith("/authors/jane-reporter/")


@pytest.mark.parametrize("object_id", ["999999", "abc", "²"])
def test_view_on_site_shortcut_with_unknown_ids_is_404(admin_client, db, object_id):
    content_type = ContentType.objects.get_for_model(Author)

    response = admin_client.get(f"/admin/r/{content_type.pk}/{object_id}/")

    assert response.status_code == 404


@pytest.fixture
def embargoed_use(make_article, make_image):
    """A picture used by a live story and by a draft whose headline is embargoed."""
    image = make_image(caption="Harbour at dawn")
    make_article(headline="Ferry timetable changes", featured_image=image)
    make_article(
        headline="Minister to resign",
        status=Article.Status.DRAFT,
        published_at=None,
        body="<p>Text.</p>" + figure(image),
    )
    return image


def test_image_page_tells_photo_desk_how_often_a_picture_is_used_but_not_where(
    staff_with, embargoed_use
):
    client = staff_with("view_image", "change_image")

    response = client.get(admin_url(Image, "change", embargoed_use.pk))

    assertContains(response, "Used in 2 stories: 1 published, 1 not published.")
    assertNotContains(response, "Minister to resign")
    assertNotContains(response, "Ferry timetable changes")


def test_image_page_shows_editors_where_a_picture_is_used(staff_with, embargoed_use):
    client = staff_with("view_image", "view_article")

    response = client.get(admin_url(Image, "change", embargoed_use.pk))

    assertContains(response, "Used in 2 stories: 1 published, 1 not published.")
    assertContains(response, "Minister to resign")
    assertContains(response, "Ferry timetable changes")


def test_deleting_a_used_picture_does_not_name_stories_the_user_cannot_view(
    staff_with, embargoed_use
):
    client = staff_with("view_image", "delete_image")

    response = client.post(
        admin_url(Image, "delete", embargoed_use.pk), {"post": "yes"}
    )

    assertContains(
        response, "“Harbour at dawn”: Used in 2 stories: 1 published, 1 not published."
    )
    assertNotContains(response, "Minister to resign")
    assert Image.objects.filter(pk=embargoed_use.pk).exists()


def test_image_use_list_needs_permission_to_view_articles(staff_with, embargoed_use):
    client = staff_with("view_image", "view_articleimage")

    assert client.get(admin_url(ArticleImage)).status_code == 403


@pytest.fixture
def draft_story(make_article, make_author):
    return make_article(
        headline="Minister to resign",
        status=Article.Status.DRAFT,
        published_at=None,
        tags=["Cabinet"],
        authors=[make_author("Jane Reporter")],
    )


@pytest.mark.parametrize(
    ("model", "record", "codenames"),
    [
        (Tag, lambda story: story.tags.get(), ["view_tag", "delete_tag"]),
        # Django lists what protects a record only to those who may delete it.
        (
            Author,
            lambda story: story.authors.get(),
            ["view_author", "delete_author", "delete_byline"],
        ),
        (
            Section,
            lambda story: story.section,
            ["view_section", "delete_section", "delete_article"],
        ),
    ],
    ids=["tag", "author", "section"],
)
def test_delete_pages_do_not_name_stories_the_user_cannot_view(
    staff_with, draft_story, model, record, codenames
):
    client = staff_with(*codenames)

    response = client.get(admin_url(model, "delete", record(draft_story).pk))

    assert response.status_code == 200
    assertContains(response, str(record(draft_story)))
    assertNotContains(response, "Minister to resign")


def test_delete_page_names_the_stories_to_those_who_may_read_them(
    staff_with, draft_story
):
    client = staff_with("view_tag", "delete_tag", "view_article")

    response = client.get(admin_url(Tag, "delete", draft_story.tags.get().pk))

    assertContains(response, "Minister to resign")
