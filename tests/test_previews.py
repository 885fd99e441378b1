"""Previews: unpublished stories and unsaved changes shown as readers will see them, to
editors in the admin and to anyone with a signed, expiring, revocable share link."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import (
    assertContains,
    assertNotContains,
    assertRedirects,
)

from articles import previews, services
from articles.models import (
    Article,
    ArticleImage,
    Correction,
    InternalNote,
    PreviewLink,
)
from tests.helpers import admin_url, figure
from tests.workflow_helpers import change_form_data

BANNER = "Preview: not published."


@pytest.fixture
def draft(make_article, make_image, make_author, make_agency, make_photographer):
    agency = make_agency("AP Images")
    featured = make_image(
        photographer=make_photographer("Hassan Ammar", agency=agency),
        alt_text="Cranes over the dock",
    )
    inline = make_image(agency=agency, alt_text="Boats in the harbour")
    return make_article(
        headline="Harbour deal agreed",
        status=Article.Status.DRAFT,
        published_at=None,
        featured_image=featured,
        body="<p>The deal was signed.</p>" + figure(inline, "Boats at dawn"),
        authors=[make_author("Ada Lovelace", slug="ada")],
        tags=["harbour"],
    )


def preview_path(link: PreviewLink) -> str:
    return reverse("articles:preview", args=[previews.token_for(link)])


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com"


def staff_in(django_user_model, group: str, username: str):
    user = django_user_model.objects.create_user(
        username=username, password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return staff_in(django_user_model, "Editor", "editor")


def assert_private(response):
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert response["X-Robots-Tag"] == "noindex"


# Share links


def test_share_link_shows_the_saved_draft_to_anyone_without_a_login(client, draft):
    link = previews.share(draft, user=None)

    response = client.get(preview_path(link))

    assertContains(
        response,
        '<h1 class="article__headline">Harbour deal agreed</h1>',
        html=True,
    )
    assertContains(response, BANNER)
    assertContains(response, "The deal was signed.")
    assertContains(response, "Boats at dawn")
    assertContains(response, "Featured Image by Hassan Ammar/AP Images")
    assertContains(response, "Image by Uncredited/AP Images")
    assertContains(response, '<a rel="author" href="/authors/ada/">Ada Lovelace</a>')
    assertContains(response, '<a rel="tag" href="/tags/harbour/">harbour</a>')
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


def test_preview_has_no_address_share_links_or_structured_data(client, draft):
    response = client.get(preview_path(previews.share(draft, user=None)))

    html = response.content.decode()
    assert 'rel="canonical"' not in html
    assert draft.get_absolute_url() not in html  # the story's address answers 404
    assert "Share this article" not in html
    assert "application/ld+json" not in html
    assert 'property="og:' not in html
    assertContains(response, '<meta name="robots" content="noindex, nofollow">')
    assert response["Referrer-Policy"] == "no-referrer"


def test_preview_shows_renditions_never_the_originals(client, draft):
    response = client.get(preview_path(previews.share(draft, user=None)))

    html = response.content.decode()
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    pictures = [source for source in sources if "/media/" in source]
    assert len(pictures) == 6  # featured and body picture: AVIF srcset, src, srcset
    assert all(
        url.startswith("/media/renditions/")
        for source in pictures
        for url in re.findall(r"/media/\S+", source)
    )
    for image in (draft.featured_image, draft.image_uses.get(role="body").image):
        assert image.file.name not in html


def test_preview_never_shows_internal_notes(client, draft):
    InternalNote.objects.create(article=draft, text="Lawyers have not cleared this")

    response = client.get(preview_path(previews.share(draft, user=None)))

    assertContains(response, BANNER)
    assertNotContains(response, "Lawyers have not cleared this")


def test_share_link_shows_the_story_as_saved_now(client, draft):
    link = previews.share(draft, user=None)
    draft.headline = "Harbour deal signed at last"
    draft.save()

    assertContains(client.get(preview_path(link)), "Harbour deal signed at last")


def test_share_link_works_until_it_expires(client, draft, settings):
    settings.NEWSROOM_PREVIEW_HOURS = 2
    link = previews.share(draft, user=None)

    with time_machine.travel(link.created_at + timedelta(hours=2, seconds=-1)):
        assertContains(client.get(preview_path(link)), BANNER)
    with time_machine.travel(link.created_at + timedelta(hours=2, seconds=1)):
        response = client.get(preview_path(link))
    assert response.status_code == 404
    assertNotContains(response, "Harbour deal agreed", status_code=404)


def test_share_links_last_48_hours_by_default(draft):
    link = previews.share(draft, user=None)

    assert link.expires_at - link.created_at == pytest.approx(
        timedelta(hours=48), abs=timedelta(seconds=1)
    )


def test_revoked_share_link_is_404(client, draft):
    link = previews.share(draft, user=None)
    previews.revoke(link)

    response = client.get(preview_path(link))

    assert response.status_code == 404
    assertNotContains(response, "Harbour deal agreed", status_code=404)


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(
            lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
            id="signature",
        ),
        pytest.param(lambda token: "x" + token, id="key"),
        pytest.param(lambda token: token.split(":")[0], id="unsigned-key"),
        pytest.param(lambda token: token.split(":")[1], id="signature-only"),
    ],
)
def test_tampered_token_is_404(client, draft, tamper):
    token = previews.token_for(previews.share(draft, user=None))

    response = client.get(reverse("articles:preview", args=[tamper(token)]))

    assert response.status_code == 404


def test_unknown_key_is_404_even_when_signed(client, draft):
    link = PreviewLink(key="a-key-no-link-has")  # never saved

    assert client.get(preview_path(link)).status_code == 404


def test_link_to_a_deleted_story_is_404(client, draft):
    link = previews.share(draft, user=None)
    draft.delete()

    assert client.get(preview_path(link)).status_code == 404


def test_link_to_a_story_gone_live_sends_the_reader_to_it(client, draft):
    link = previews.share(draft, user=None)
    draft.status = Article.Status.PUBLISHED
    draft.save()

    response = client.get(preview_path(link))

    assertRedirects(response, draft.get_absolute_url(), fetch_redirect_response=False)
    assert_private(response)


def test_a_pulled_story_does_not_come_back_through_an_old_link(
    client, draft, django_user_model
):
    editor = staff_in(django_user_model, "Editor", "editor")
    link = previews.share(draft, user=editor)
    services.publish_now(article=draft, user=editor)

    services.unpublish(article=draft, user=editor)

    assert client.get(preview_path(link)).status_code == 404


def test_link_to_a_scheduled_story_shows_the_preview(client, draft):
    draft.status = Article.Status.PUBLISHED
    draft.published_at = timezone.now() + timedelta(hours=3)
    draft.save()

    response = client.get(preview_path(previews.share(draft, user=None)))

    assertContains(response, BANNER)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_share_link_keys_are_long_random_and_unique(draft):
    keys = {previews.share(draft, user=None).key for _ in range(20)}

    assert len(keys) == 20
    # token_urlsafe(32): 32 random bytes, 43 characters.
    assert all(len(key) >= 43 for key in keys)


# The form's Preview


def preview_url(article) -> str:
    return reverse("admin:articles_article_preview", args=[article.pk])


def form_data(article, **overrides) -> dict:
    return change_form_data(article, tags="harbour") | overrides


def test_form_preview_shows_unsaved_changes_and_saves_nothing(
    client, editor, draft, make_image, make_author
):
    client.force_login(editor)
    new_picture = make_image(credit_text="Jo Bloggs", alt_text="A new picture")
    writer = make_author("Grace Hopper", slug="grace")
    before = Article.objects.values().get(pk=draft.pk)
    versions = draft.history.count()
    uses = list(ArticleImage.objects.filter(article=draft).values_list("image", "role"))

    response = client.post(
        preview_url(draft),
        form_data(
            draft,
            headline="Harbour deal collapses",
            body=draft.body + figure(new_picture, "The new one"),
            tags="harbour, Port strikes",
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-author": writer.pk,
                "bylines-0-position": "0",
            },
        ),
    )

    assertContains(
        response,
        '<h1 class="article__headline">Harbour deal collapses</h1>',
        html=True,
    )
    assertContains(response, BANNER)
    assertContains(response, "The new one")
    assertContains(response, "Image by Jo Bloggs")
    assertContains(response, '<a rel="author" href="/authors/grace/">Grace Hopper</a>')
    assertContains(response, '<a rel="tag" href="/tags/port-strikes/">Port strikes</a>')
    assert_private(response)
    assert Article.objects.values().get(pk=draft.pk) == before
    assert draft.history.count() == versions
    assert (
        list(ArticleImage.objects.filter(article=draft).values_list("image", "role"))
        == uses
    )
    assert not draft.bylines.filter(author=writer).exists()
    assert list(draft.tags.names()) == ["harbour"]


def test_form_preview_shows_typed_corrections_newest_first_and_never_notes(
    client, editor, make_article
):
    client.force_login(editor)
    live = make_article(
        headline="Tides turn", published_at=timezone.now() - timedelta(days=2)
    )
    Correction.objects.create(
        article=live,
        text="The saved correction.",
        created_at=timezone.now() - timedelta(days=1),
    )
    saved = live.corrections.get()
    now = timezone.localtime()

    response = client.post(
        preview_url(live),
        form_data(
            live,
            **{
                "corrections-TOTAL_FORMS": "2",
                "corrections-INITIAL_FORMS": "1",
                "corrections-0-id": saved.pk,
                "corrections-0-article": live.pk,
                "corrections-0-kind": "correction",
                "corrections-0-text": "The saved correction.",
                "corrections-0-created_at_0": timezone.localtime(
                    saved.created_at
                ).strftime("%Y-%m-%d"),
                "corrections-0-created_at_1": timezone.localtime(
                    saved.created_at
                ).strftime("%H:%M:%S"),
                "corrections-1-kind": "update",
                "corrections-1-text": "The typed update.",
                "corrections-1-created_at_0": now.strftime("%Y-%m-%d"),
                "corrections-1-created_at_1": now.strftime("%H:%M:%S"),
                "notes-TOTAL_FORMS": "1",
                "notes-0-text": "Lawyers have not cleared this",
            },
        ),
    )

    html = response.content.decode()
    assert 0 < html.index("The typed update.") < html.index("The saved correction.")
    assertNotContains(response, "Lawyers have not cleared this")
    assert list(live.corrections.values_list("text", flat=True)) == [
        "The saved correction."
    ]
    assert not InternalNote.objects.exists()


def test_form_preview_of_a_live_story_leaves_the_live_page_alone(
    client, editor, make_article
):
    client.force_login(editor)
    live = make_article(headline="Tides turn")

    response = client.post(
        preview_url(live), form_data(live, headline="Tides turn again")
    )

    assertContains(response, "Tides turn again")
    assertContains(client.get(live.get_absolute_url()), "Tides turn")
    assertNotContains(client.get(live.get_absolute_url()), "Tides turn again")


def test_reporter_previews_a_story_they_may_not_publish(
    client, django_user_model, draft
):
    """A reporter previews a story with status "Published": publishing is the save's
    business, so the preview shows it rather than the publishing refusal."""
    reporter = staff_in(django_user_model, "Reporter", "reporter")
    Article.objects.filter(pk=draft.pk).update(created_by=reporter)  # their story
    draft.refresh_from_db()
    client.force_login(reporter)

    response = client.post(
        preview_url(draft), form_data(draft, status=Article.Status.PUBLISHED)
    )

    assertContains(response, BANNER)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_story_the_publish_checklist_would_refuse_still_previews(client, editor, draft):
    client.force_login(editor)
    data = form_data(draft, standfirst="", status=Article.Status.PUBLISHED)

    refused = client.post(admin_url(Article, "change", draft.pk), data)
    previewed = client.post(preview_url(draft), data)

    assertContains(refused, "standfirst", status_code=200)  # the save is refused
    assertContains(previewed, BANNER)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_form_opened_before_someone_else_saved_still_previews(client, editor, draft):
    client.force_login(editor)
    opened = form_data(draft, headline="My version of the deal")
    draft.standfirst = "Their change"
    draft.save()

    response = client.post(preview_url(draft), opened)

    assertContains(response, "My version of the deal")
    assertContains(response, BANNER)


def test_invalid_form_preview_lists_the_problems_and_saves_nothing(
    client, editor, draft
):
    client.force_login(editor)

    response = client.post(
        preview_url(draft),
        form_data(
            draft,
            headline="",
            body="<figure><img src='x.jpg'></figure>",
            **{"bylines-TOTAL_FORMS": "1", "bylines-0-author": "999999"},
        ),
    )

    assert response.status_code == 200
    assertContains(response, "This preview cannot be shown")
    assertContains(response, "<li>Headline: This field is required.</li>", html=True)
    assertContains(response, "Figure 1 has no picture")
    assertContains(response, "Byline 1: Author: Select a valid choice.")
    assertNotContains(response, BANNER)
    assert_private(response)
    assert Article.objects.get(pk=draft.pk).headline == "Harbour deal agreed"


def test_saved_story_preview_for_editors(client, editor, draft):
    client.force_login(editor)

    response = client.get(preview_url(draft))

    assertContains(response, "Harbour deal agreed")
    assertContains(response, BANNER)
    assert_private(response)


def test_anonymous_preview_goes_to_the_login(client, draft):
    for response in (
        client.get(preview_url(draft)),
        client.post(preview_url(draft), form_data(draft)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "group",
    [
        pytest.param(None, id="staff-without-permissions"),
        pytest.param("Photo desk", id="photo-desk-views-articles-only"),
        pytest.param("Reporter", id="reporter-on-a-colleagues-story"),
    ],
)
def test_staff_who_may_not_change_the_story_cannot_preview_or_share_it(
    client, django_user_model, draft, group
):
    if group:
        user = staff_in(django_user_model, group, "someone")
    else:
        user = django_user_model.objects.create_user(
            username="someone", password="x", is_staff=True
        )
    client.force_login(user)
    link = previews.share(draft, user=None)
    share_url = reverse("admin:articles_article_share_preview", args=[draft.pk])
    revoke_url = reverse(
        "admin:articles_article_revoke_preview", args=[draft.pk, link.pk]
    )

    assert client.get(preview_url(draft)).status_code == 403
    assert client.post(preview_url(draft), form_data(draft)).status_code == 403
    assert client.post(share_url).status_code == 403
    assert client.post(revoke_url).status_code == 403
    assert PreviewLink.objects.get().revoked_at is None


def test_reporter_previews_their_own_draft_but_not_once_it_is_in_review(
    client, django_user_model, draft
):
    reporter = staff_in(django_user_model, "Reporter", "reporter")
    Article.objects.filter(pk=draft.pk).update(created_by=reporter)
    client.force_login(reporter)

    assertContains(client.get(preview_url(draft)), BANNER)
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.REVIEW)
    assert client.get(preview_url(draft)).status_code == 403


def test_reporters_may_not_make_public_links_to_their_drafts(
    client, django_user_model, draft
):
    reporter = staff_in(django_user_model, "Reporter", "reporter")
    Article.objects.filter(pk=draft.pk).update(created_by=reporter)
    client.force_login(reporter)

    form = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    response = client.post(
        reverse("admin:articles_article_share_preview", args=[draft.pk])
    )

    assertContains(form, ">Preview</button>")
    assertNotContains(form, "Make a share link")
    assert response.status_code == 403
    assert not PreviewLink.objects.exists()


def test_preview_of_a_story_that_does_not_exist_is_404(client, editor):
    client.force_login(editor)

    assert (
        client.get(reverse("admin:articles_article_preview", args=[999999])).status_code
        == 404
    )


# Share and revoke in the form


def test_editor_shares_a_link_which_the_form_then_lists(client, editor, draft):
    client.force_login(editor)
    share_url = reverse("admin:articles_article_share_preview", args=[draft.pk])

    response = client.post(share_url, follow=True)

    link = PreviewLink.objects.get(article=draft)
    url = "https://news.example.com" + preview_path(link)
    assert link.created_by == editor
    assertContains(response, f'<a href="{url}">{url}</a>')  # the message
    assertContains(response, f'value="{url}" readonly')  # the list on the form
    revoke_url = reverse(
        "admin:articles_article_revoke_preview", args=[draft.pk, link.pk]
    )
    assertContains(response, f'action="{revoke_url}"')
    assertContains(response, "Share preview (1)")


def test_editor_revokes_a_link(client, editor, draft):
    client.force_login(editor)
    link = previews.share(draft, user=editor)
    revoke_url = reverse(
        "admin:articles_article_revoke_preview", args=[draft.pk, link.pk]
    )

    response = client.post(revoke_url, follow=True)

    assertContains(response, "The preview link was revoked")
    assertNotContains(response, preview_path(link))
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(preview_path(link)).status_code == 404


def test_share_and_revoke_accept_only_posts(client, editor, draft):
    client.force_login(editor)
    link = previews.share(draft, user=editor)

    share_url = reverse("admin:articles_article_share_preview", args=[draft.pk])
    revoke_url = reverse(
        "admin:articles_article_revoke_preview", args=[draft.pk, link.pk]
    )

    assert client.get(share_url).status_code == 405
    assert client.get(revoke_url).status_code == 405
    assert PreviewLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_a_link_is_revoked_only_through_its_own_story(
    client, editor, draft, make_article
):
    client.force_login(editor)
    link = previews.share(draft, user=editor)
    other = make_article(status=Article.Status.DRAFT, published_at=None)

    response = client.post(
        reverse("admin:articles_article_revoke_preview", args=[other.pk, link.pk])
    )

    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_form_offers_preview_tools_only_to_those_who_may_change_the_story(
    client, django_user_model, editor, draft
):
    viewer = django_user_model.objects.create_user(
        username="viewer", password="x", is_staff=True
    )
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    change_url = admin_url(Article, "change", draft.pk)

    client.force_login(editor)
    assertContains(client.get(change_url), f'formaction="{preview_url(draft)}"')
    client.force_login(viewer)
    assertNotContains(client.get(change_url), "Share preview")
