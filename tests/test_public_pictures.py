"""Pictures on reader pages: renditions in one `<picture>` markup, never the original;
originals only for staff; pictures whose rights expired gone at that second."""

import email.message
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage, storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.helpers import figure, image_bytes, upload

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def story(make_article, make_image, make_author, make_agency):
    agency = make_agency("AP Images")
    featured = make_image(
        file=upload(content=image_bytes(size=(2400, 1600))), agency=agency
    )
    inline = make_image(alt_text="Boats in the harbour", agency=agency)
    author = make_author(photo=make_image(agency=agency))
    return make_article(
        featured_image=featured,
        body="<p>One.</p>" + figure(inline, "Boats at dawn"),
        authors=[author],
        tags=["harbour"],
    )


def pictures_in(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html)


def test_the_featured_picture_is_fetched_first_and_the_others_lazily(client, story):
    html = client.get(story.get_absolute_url()).content.decode()

    featured, inline = pictures_in(html)
    assert re.fullmatch(
        r'<picture><source type="image/avif" '
        r'srcset="/media/renditions/\d+/\w+-480\.avif 480w, /media/renditions/\d+/\w+-960\.avif 960w, '
        r'/media/renditions/\d+/\w+-1600\.avif 1600w" sizes="\(max-width: 48rem\) calc\(100vw - 2rem\), 46rem">'
        r'<img src="/media/renditions/\d+/\w+-960\.jpg" srcset="/media/renditions/\d+/\w+-480\.jpg 480w, '
        r'/media/renditions/\d+/\w+-960\.jpg 960w, /media/renditions/\d+/\w+-1600\.jpg 1600w" '
        r'sizes="[^"]+" width="1600" height="1067" alt="A crowd gathers in the square" '
        r'fetchpriority="high" decoding="async"></picture>',
        featured,
    ), featured
    assert 'sizes="(max-width: 40rem) calc(100vw - 2rem), 38rem"' in inline
    assert 'alt="Boats in the harbour" loading="lazy"' in inline
    assert 'width="1200" height="800"' in inline  # the largest rendition of 1200 × 800


def test_cards_show_the_same_picture_markup_with_empty_alt(client, story):
    html = client.get(story.section.get_absolute_url()).content.decode()

    (card,) = pictures_in(html)
    assert 'alt="" loading="lazy"' in card
    assert "/media/renditions/" in card


@pytest.mark.parametrize("page", ["article", "home", "section", "tag", "author"])
def test_no_public_page_names_an_original(client, story, page):
    paths = {
        "article": story.get_absolute_url(),
        "home": "/",
        "section": story.section.get_absolute_url(),
        "tag": "/tags/harbour/",
        "author": story.bylines.get().author.get_absolute_url(),
    }
    originals = [
        image.file.name
        for image in (story.featured_image, story.bylines.get().author.photo)
    ]

    html = client.get(paths[page]).content.decode()

    assert "/media/renditions/" in html
    assert "/media/images/" not in html
    for name in originals:
        assert name.rsplit("/", 1)[-1] not in html


def test_originals_are_stored_outside_the_public_media_folder(client, story):
    name = story.featured_image.file.name

    assert storages["originals"].exists(name)
    assert not default_storage.exists(name)
    assert client.get(f"/media/{name}").status_code == 404


def test_staff_who_may_view_images_open_the_original(client, story, django_user_model):
    image = story.featured_image
    url = reverse("admin:articles_image_original", args=[image.pk])
    staff = django_user_model.objects.create_user("desk", password="pw", is_staff=True)
    client.force_login(staff)

    assert client.get(url).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="view_image"))
    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == image.file.open("rb").read()
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("uploaded_as", "named"),
    [
        ('say "cheese".jpg', 'say "cheese".jpg'),
        ("x.jpg; filename=evil.html", "x.jpg; filename=evil.html"),
        ("<img src=x onerror=alert(1)>.jpg", "<img src=x onerror=alert(1)>.jpg"),
        ("北京 ünïcødé.jpg", "北京 ünïcødé.jpg"),
        # A crafted request, or a row written by code: a header cannot hold a break.
        ("line\r\nSet-Cookie: stolen=1.jpg", "line Set-Cookie: stolen=1.jpg"),
        ("bell\x07\x00.jpg", "bell.jpg"),
    ],
)
def test_any_original_file_name_comes_back_as_that_name_and_nothing_more(
    admin_client, story, uploaded_as, named
):
    image = story.featured_image
    type(image).objects.filter(pk=image.pk).update(original_filename=uploaded_as)

    response = admin_client.get(
        reverse("admin:articles_image_original", args=[image.pk])
    )

    assert response.status_code == 200
    assert "Set-Cookie" not in response
    header = email.message.Message()
    header["Content-Disposition"] = response["Content-Disposition"]
    assert header.get_content_disposition() == "inline"
    assert header.get_filename() == named


def test_readers_cannot_open_the_original_view(client, story):
    url = reverse("admin:articles_image_original", args=[story.featured_image.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_rendition_that_cannot_be_made_leaves_the_picture_out_not_the_page(
    client, story
):
    image = story.featured_image
    image.renditions.all().delete()
    storages["originals"].delete(image.file.name)

    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    assert len(pictures_in(response.content.decode())) == 1  # the body's picture
    assertNotContains(response, "/media/images/")


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(2026, 3, 1, 23, 59, 59, tzinfo=LONDON), True),
        (datetime(2026, 3, 2, 0, 0, 0, tzinfo=LONDON), False),
    ],
)
def test_a_picture_disappears_from_every_page_the_second_its_rights_expire(
    client, make_article, make_image, make_author, make_agency, moment, shown
):
    agency = make_agency("Rights Ltd")
    expiring = {"agency": agency, "rights_expire_on": date(2026, 3, 1)}
    with time_machine.travel(datetime(2026, 2, 1, tzinfo=LONDON), tick=False):
        article = make_article(
            featured_image=make_image(alt_text="Expiring featured", **expiring),
            body=figure(make_image(alt_text="Expiring inline", **expiring)),
            authors=[
                make_author(photo=make_image(alt_text="Expiring portrait", **expiring))
            ],
        )
    updated_at = article.updated_at

    with time_machine.travel(moment, tick=False):
        pages = [
            client.get(path).content.decode()
            for path in (
                article.get_absolute_url(),
                "/",
                article.section.get_absolute_url(),
                article.bylines.get().author.get_absolute_url(),
            )
        ]

    for alt in ("Expiring featured", "Expiring inline", "Expiring portrait"):
        assert any(alt in page for page in pages) is shown
    assert ("Featured Image by Uncredited/Rights Ltd" in pages[0]) is shown
    assert ("<picture>" in pages[1]) is shown  # the home page's card
    article.refresh_from_db()
    assert article.updated_at == updated_at  # nothing was edited


def test_an_expired_picture_keeps_its_page_in_the_admin(admin_client, make_image):
    image = make_image(rights_expire_on=date(2020, 1, 1))

    response = admin_client.get(reverse("admin:articles_image_change", args=[image.pk]))

    assertContains(response, "/media/renditions/")


@pytest.mark.django_db(transaction=True)
def test_migration_moves_public_originals_to_private_storage_and_back(settings):
    executor = MigrationExecutor(connection)
    before = [("articles", "0007_image_private_originals_renditions")]
    executor.migrate(before)
    Image = executor.loader.project_state(before).apps.get_model("articles", "Image")
    public = default_storage.save(
        "images/2020/01/embargoed-merger-photo.png",
        io.BytesIO(image_bytes(image_format="PNG")),
    )
    image = Image.objects.create(
        file=public, alt_text="Old upload", width=1200, height=800
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    moved = type(image).objects.get(pk=image.pk).file.name
    assert re.fullmatch(r"images/2020/01/[0-9a-f]{32}\.png", moved)
    assert storages["originals"].exists(moved)
    assert not default_storage.exists(public)

    MigrationExecutor(connection).migrate(before)
    assert default_storage.exists(moved)
    assert not storages["originals"].exists(moved)
    executor = MigrationExecutor(connection)  # knows what is applied now
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_card_cuts_its_picture_around_the_focal_point(
    client, make_article, make_image
):
    article = make_article(featured_image=make_image(focal_x=0.72, focal_y=0.1))

    html = client.get(article.section.get_absolute_url()).content.decode()

    (card,) = pictures_in(html)
    assert '<img class="focal-x7 focal-y1" ' in card
    css = (settings.BASE_DIR / "articles/static/articles/site.css").read_text()
    assert ".focal-x7 { --focal-x: 70%; }" in css
    assert ".focal-y1 { --focal-y: 10%; }" in css
