"""The photo desk's admin: bulk credit changes with their trail, filters, where a picture
runs and whether it ran elsewhere this week, expired rights."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.db import DatabaseError
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Image, Photographer
from tests.helpers import admin_url, article_form_data, changelist_rows, figure

ACTION = "change_credits_and_rights"


@pytest.fixture
def staff_with(client, django_user_model):
    """A logged-in client for a staff user holding just the named `articles` permissions."""

    def login(*codenames):
        user = django_user_model.objects.create_user(
            username="desk", password="x", is_staff=True
        )
        user.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label="articles", codename__in=codenames
            )
        )
        client.force_login(user)
        return client

    return login


def bulk_post(client, images, **fields):
    """The confirmation form posted back with the selection."""
    data = {"action": ACTION, "_selected_action": [image.pk for image in images]}
    if fields:
        data["apply"] = "yes"
        data |= fields
    return client.post(admin_url(Image), data, follow=bool(fields))


def days_ago(days):
    return timezone.now() - timedelta(days=days)


# Bulk changes -------------------------------------------------------------------------


def test_bulk_change_asks_what_to_change_and_keeps_the_selection(
    admin_client, make_image
):
    chosen = [make_image(caption="Harbour"), make_image(caption="Market")]
    make_image(caption="Not chosen")

    response = bulk_post(admin_client, chosen)

    assertContains(response, "2 selected images")
    for image in chosen:
        assertContains(
            response,
            f'<input type="hidden" name="_selected_action" value="{image.pk}">',
            html=True,
        )
    assertNotContains(response, "Not chosen")
    assertContains(
        response,
        '<label for="id_change_licence">Change the licence:</label>',
        html=True,
    )
    assertContains(response, f'href="{admin_url(Image)}"')  # Cancel goes back unchanged


def test_bulk_licence_change_is_applied_and_recorded_on_each_image(
    admin_client, admin_user, make_image
):
    chosen = [make_image(caption="Harbour"), make_image(caption="Market")]
    untouched = make_image(caption="Not chosen")

    response = bulk_post(
        admin_client, chosen, change_licence="on", licence=Image.Licence.ROYALTY_FREE
    )

    assertContains(response, "Changed the licence of 2 images.")
    assert {
        image.licence for image in Image.objects.filter(pk__in=[i.pk for i in chosen])
    } == {Image.Licence.ROYALTY_FREE}
    untouched.refresh_from_db()
    assert untouched.licence == Image.Licence.UNKNOWN
    entries = LogEntry.objects.order_by("object_id")
    assert [(e.object_id, e.user, e.get_change_message()) for e in entries] == [
        (str(image.pk), admin_user, "Bulk change: licence Unknown → Royalty-free")
        for image in sorted(chosen, key=lambda image: image.pk)
    ]
    history = admin_client.get(admin_url(Image, "history", chosen[0].pk))
    assertContains(history, "Bulk change: licence Unknown → Royalty-free")


def test_bulk_photographer_change_records_the_credit_line_readers_will_see(
    admin_client, make_image, make_agency, make_photographer
):
    old = make_photographer("Jane Doe")
    new = make_photographer("Hassan Ammar", agency=make_agency("AP Images"))
    image = make_image(photographer=old)

    bulk_post(admin_client, [image], change_photographer="on", photographer=new.pk)

    image.refresh_from_db()
    assert image.photographer == new
    assert LogEntry.objects.get().get_change_message() == (
        "Bulk change: photographer Jane Doe → Hassan Ammar; "
        "credit line “Image by Jane Doe” → “Image by Hassan Ammar/AP Images”"
    )


def test_bulk_rights_expiry_and_agency_change_together(
    admin_client, make_image, make_agency
):
    reuters = make_agency("Reuters")
    image = make_image()

    response = bulk_post(
        admin_client,
        [image],
        change_agency="on",
        agency=reuters.pk,
        change_rights_expire_on="on",
        rights_expire_on="2030-06-30",
    )

    assertContains(response, "Changed the agency and rights expiry of 1 image.")
    image.refresh_from_db()
    assert (image.agency, str(image.rights_expire_on)) == (reuters, "2030-06-30")
    assert (
        "rights expiry no expiry → 30 Jun 2030" in LogEntry.objects.get().change_message
    )


def test_bulk_change_with_nothing_ticked_changes_nothing_and_keeps_the_values(
    admin_client, make_image
):
    image = make_image()

    response = bulk_post(admin_client, [image], credit_type=Image.CreditType.HANDOUT)

    assertContains(response, "Nothing was changed: tick “Change the …”")
    assertContains(
        response, '<option value="handout" selected>Handout</option>', html=True
    )
    image.refresh_from_db()
    assert image.credit_type == Image.CreditType.PHOTO
    assert not LogEntry.objects.exists()


def test_bulk_change_is_all_or_nothing(admin_client, make_image, monkeypatch):
    chosen = [make_image(caption="Harbour"), make_image(caption="Market")]
    save = Image.save
    calls = []

    def fail_on_second_save(self, *args, **kwargs):
        calls.append(self.pk)
        if len(calls) == 2:
            raise DatabaseError("disk full")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Image, "save", fail_on_second_save)

    response = bulk_post(
        admin_client, chosen, change_licence="on", licence=Image.Licence.STAFF
    )

    assertContains(response, "Nothing was changed: the database refused the change")
    assert len(calls) == 2
    assert set(Image.objects.values_list("licence", flat=True)) == {
        Image.Licence.UNKNOWN
    }
    assert not LogEntry.objects.exists()


def test_bulk_change_needs_permission_to_change_images(staff_with, make_image):
    client = staff_with("view_image")
    image = make_image()

    listing = client.get(admin_url(Image))
    response = bulk_post(client, [image], change_licence="on", licence="staff")

    assertNotContains(listing, ACTION)
    assert response.status_code == 200
    image.refresh_from_db()
    assert image.licence == Image.Licence.UNKNOWN
    assert not LogEntry.objects.exists()


# Filters ------------------------------------------------------------------------------


@pytest.fixture
def library(make_image, make_article, make_agency, make_photographer):
    """One picture for each thing the photo desk filters on, named by its caption."""
    today = timezone.localdate()
    ap = make_agency("AP Images")
    make_image(caption="Uncredited")
    credited = {"credit_text": "Pool"}
    make_image(caption="Blank alt text", alt_text="  ", **credited)
    make_image(
        caption="Expiring", rights_expire_on=today + timedelta(days=10), **credited
    )
    make_image(
        caption="Expired", rights_expire_on=today - timedelta(days=1), **credited
    )
    make_image(
        caption="Far expiry", rights_expire_on=today + timedelta(days=60), **credited
    )
    make_image(
        caption="Through photographer", photographer=make_photographer(agency=ap)
    )
    live = make_image(caption="Live use", licence=Image.Licence.STAFF, **credited)
    draft_only = make_image(caption="Draft use", **credited)
    make_article(featured_image=live, body=figure(live))
    make_article(featured_image=live)
    make_article(
        featured_image=draft_only, status=Article.Status.DRAFT, published_at=None
    )
    make_article(
        body=figure(draft_only),
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=1),  # scheduled, not live
    )
    return ap


ALL = {
    "Uncredited",
    "Blank alt text",
    "Expiring",
    "Expired",
    "Far expiry",
    "Through photographer",
    "Live use",
    "Draft use",
}


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"credit": "missing"}, {"Uncredited"}),
        ({"alt_text": "missing"}, {"Blank alt text"}),
        ({"alt_text": "present"}, ALL - {"Blank alt text"}),
        ({"rights": "expiring"}, {"Expiring"}),
        ({"rights": "expired"}, {"Expired"}),
        ({"licence": "staff"}, {"Live use"}),
        ({"used": "yes"}, {"Live use", "Draft use"}),
        ({"used": "no"}, ALL - {"Live use", "Draft use"}),
        ({"used": "published"}, {"Live use"}),
        ({"used": "unpublished"}, {"Draft use"}),
    ],
)
def test_image_filters_show_each_matching_picture_once(
    admin_client, library, query, shown
):
    response = admin_client.get(admin_url(Image), query)

    rows = changelist_rows(response)
    listed = {caption for caption in ALL if any(f">{caption}<" in row for row in rows)}
    assert listed == shown
    assert len(rows) == len(shown)


def test_agency_filter_counts_pictures_through_their_photographer(
    admin_client, library
):
    response = admin_client.get(admin_url(Image), {"agency": library.pk})

    assert len(changelist_rows(response)) == 1
    assertContains(response, "Through photographer")


def test_images_list_flags_expired_and_expiring_rights(admin_client, library):
    response = admin_client.get(admin_url(Image))

    expired_on = timezone.localdate() - timedelta(days=1)
    assertContains(response, f"Expired on {expired_on.day} {expired_on:%b %Y}")
    assertContains(response, "Expires on", count=1)


# Agencies and photographers -----------------------------------------------------------


def test_photographer_page_and_list_lead_to_their_pictures(
    admin_client, make_image, make_photographer
):
    ammar = make_photographer("Hassan Ammar")
    make_image(caption="Rescuers search the rubble", photographer=ammar)
    make_image(caption="Someone else's picture")
    filtered = f"{admin_url(Image)}?photographer__id__exact={ammar.pk}"

    page = admin_client.get(admin_url(Photographer, "change", ammar.pk))
    listing = admin_client.get(admin_url(Photographer))
    images = admin_client.get(filtered)

    assertContains(page, "Rescuers search the rubble")
    assertNotContains(page, "Someone else's picture")
    assertContains(
        page, f'<a href="{filtered}">See all 1 image in the images list</a>', html=True
    )
    assertContains(listing, f'<a href="{filtered}">1</a>', html=True)
    assert len(changelist_rows(images)) == 1


def test_agency_page_lists_pictures_credited_through_the_photographer(
    admin_client, make_image, make_agency, make_photographer
):
    ap = make_agency("AP Images")
    make_image(
        caption="Via the photographer", photographer=make_photographer(agency=ap)
    )
    make_image(caption="Another agency's", agency=make_agency("Reuters"))

    page = admin_client.get(admin_url(ap.__class__, "change", ap.pk))

    assertContains(page, "Via the photographer")
    assertNotContains(page, "Another agency's")
    assertContains(page, f'href="{admin_url(Image)}?agency={ap.pk}"')


# The image page -----------------------------------------------------------------------


def test_image_page_shows_licensor_url_original_link_and_escaped_metadata(
    admin_client, make_image
):
    image = make_image(embedded_metadata={"xmp": {"dc:creator": "<b>Ammar</b>"}})

    response = admin_client.get(admin_url(Image, "change", image.pk))

    assertContains(response, 'name="licensor_url"')
    original = admin_url(Image, "original", image.pk)
    assertContains(response, f'<a href="{original}">View original</a>', html=True)
    assertContains(response, f'<a href="{original}">picture.jpg</a>', html=True)
    assertContains(response, "&lt;b&gt;Ammar&lt;/b&gt;")
    assertNotContains(response, "<b>Ammar</b>")
    assertContains(response, "Embedded metadata")


def test_licensor_url_is_saved_from_the_image_form(admin_client, make_image):
    image = make_image()
    data = {
        "alt_text": image.alt_text,
        "caption": "",
        "photographer": "",
        "agency": "",
        "credit_type": "photo",
        "credit_text": "Pool",
        "copyright_notice": "",
        "licence": "unknown",
        "licence_url": "",
        "licensor_url": "https://example.com/license-this",
        "usage_terms": "",
        "rights_expire_on": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        "uses-TOTAL_FORMS": "0",
        "uses-INITIAL_FORMS": "0",
    }

    response = admin_client.post(admin_url(Image, "change", image.pk), data)

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.licensor_url == "https://example.com/license-this"


# Ran elsewhere in the last 7 days -----------------------------------------------------


@pytest.mark.parametrize(
    ("published_at", "status", "warned"),
    [
        (lambda: days_ago(3), Article.Status.PUBLISHED, True),
        (lambda: days_ago(8), Article.Status.PUBLISHED, False),
        (lambda: None, Article.Status.DRAFT, False),
    ],
    ids=["three-days-ago", "eight-days-ago", "draft"],
)
def test_image_page_warns_when_the_picture_ran_in_the_last_7_days(
    admin_client, make_image, make_article, published_at, status, warned
):
    image = make_image(caption="Harbour at dawn")
    make_article(
        headline="Ferry strike",
        featured_image=image,
        status=status,
        published_at=published_at(),
    )

    response = admin_client.get(admin_url(Image, "change", image.pk))

    text = "ran in “Ferry strike” on"
    assertContains(response, text) if warned else assertNotContains(response, text)
    assert ("check the licence allows reuse" in response.text) is warned


@pytest.mark.parametrize(
    ("ran_days_ago", "warned"), [(3, True), (8, False)], ids=["3-days", "8-days"]
)
def test_saving_an_article_warns_when_its_picture_ran_elsewhere_this_week(
    admin_client, make_image, make_article, make_section, ran_days_ago, warned
):
    image = make_image(caption="Harbour at dawn", credit_text="Pool")
    make_article(
        headline="Ferry strike",
        featured_image=image,
        published_at=days_ago(ran_days_ago),
    )
    section = make_section()

    response = admin_client.post(
        admin_url(Article, "add"),
        article_form_data(section, featured_image=image.pk),
        follow=True,
    )

    assert Article.objects.filter(slug="budget-day-what-changes").exists()
    warning = "“Harbour at dawn” ran in “Ferry strike” on"
    assertContains(response, warning) if warned else assertNotContains(
        response, warning
    )


def test_article_page_names_pictures_that_ran_elsewhere_but_not_itself(
    admin_client, make_image, make_article
):
    image = make_image(caption="Harbour at dawn")
    earlier = make_article(
        headline="Ferry strike", featured_image=image, published_at=days_ago(2)
    )
    article = make_article(headline="Ferry strike ends", featured_image=image)

    on_earlier = admin_client.get(admin_url(Article, "change", earlier.pk))
    on_article = admin_client.get(admin_url(Article, "change", article.pk))

    assertContains(on_article, "ran in “Ferry strike” on")
    assertNotContains(on_article, "ran in “Ferry strike ends”")
    assertContains(on_earlier, "ran in “Ferry strike ends” on")


# Expired rights -----------------------------------------------------------------------


@pytest.fixture
def expired_picture(make_image, make_article):
    yesterday = timezone.localdate() - timedelta(days=1)
    expired = make_image(caption="Expired", rights_expire_on=yesterday)
    current = make_image(caption="Current", rights_expire_on=timezone.localdate())
    make_article(headline="Shows it featured", featured_image=expired)
    make_article(headline="Shows it in the body", body=figure(expired))
    make_article(headline="Current picture only", featured_image=current)
    make_article(
        headline="Draft with it",
        featured_image=expired,
        status=Article.Status.DRAFT,
        published_at=None,
    )
    return expired


def test_articles_filter_lists_published_stories_with_expired_pictures(
    admin_client, expired_picture
):
    response = admin_client.get(admin_url(Article), {"pictures": "expired"})

    rows = changelist_rows(response)
    assert len(rows) == 2
    assertContains(response, "Shows it featured")
    assertContains(response, "Shows it in the body")
    assertNotContains(response, "Current picture only")
    assertNotContains(response, "Draft with it")


def test_expired_image_page_lists_the_published_stories_it_affects(
    admin_client, expired_picture
):
    response = admin_client.get(admin_url(Image, "change", expired_picture.pk))

    assertContains(response, "readers no longer see it.</strong> 2 published stories")
    affected = response.text.split("Stories affected by expired rights")[1]
    affected = affected.split("</ul>")[0]
    assert "Shows it featured" in affected
    assert "Shows it in the body" in affected
    assert "Draft with it" not in affected


def test_photo_desk_without_story_access_sees_counts_and_dates_not_headlines(
    staff_with, expired_picture, make_article
):
    make_article(headline="Ferry strike", featured_image=expired_picture)
    client = staff_with("view_image", "change_image")

    response = client.get(admin_url(Image, "change", expired_picture.pk))

    assertContains(response, "3 published stories showed it")
    assertContains(response, "ran in a published story on")
    assertContains(response, "check the licence allows reuse")
    for headline in ["Ferry strike", "Shows it featured", "Shows it in the body"]:
        assertNotContains(response, headline)
