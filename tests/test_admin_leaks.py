"""What staff see in the admin must not give away what they may not read: the headlines
of drafts and scheduled stories are embargoed news."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Author
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
