"""The credits report: pictures published per agency and per photographer, on screen and
as CSV, with the same numbers."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.helpers import figure

REPORT = reverse("admin:articles_image_report")
MARCH = {"start": "2025-03-01", "end": "2025-03-31"}
LONDON = ZoneInfo("Europe/London")


def at(day, hour=12):
    return datetime(2025, 3, day, hour, tzinfo=LONDON)


@pytest.fixture
def march(make_image, make_article, make_agency, make_photographer):
    """AP: two pictures (one through its photographer) used three times in March; a
    picture with no agency; uses outside the range or unpublished, which do not count."""
    ap = make_agency("AP Images")
    ammar = make_photographer("Hassan Ammar", agency=ap)
    rubble = make_image(caption="Rubble", photographer=ammar)
    harbour = make_image(caption="Harbour", agency=ap)
    pool = make_image(caption="Pool picture", credit_text="Pool")
    make_article(
        headline="Quake day one",
        featured_image=rubble,
        body=figure(harbour),
        published_at=at(2),
    )
    make_article(headline="Quake week one", body=figure(rubble), published_at=at(9))
    make_article(headline="Council vote", featured_image=pool, published_at=at(31, 23))
    make_article(
        headline="February story",
        featured_image=harbour,
        published_at=at(1, 0) - timedelta(minutes=1),
    )
    make_article(
        headline="April story",
        featured_image=harbour,
        published_at=at(31, 23) + timedelta(hours=1),
    )
    make_article(
        headline="Draft story",
        featured_image=harbour,
        status=Article.Status.DRAFT,
        published_at=at(5),
    )
    make_article(
        headline="Review story",
        featured_image=harbour,
        status=Article.Status.REVIEW,
        published_at=at(6),
    )


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_report_counts_each_picture_once_per_agency_and_lists_every_use(
    admin_client, march
):
    response = admin_client.get(REPORT, MARCH)

    assertContains(
        response, "<caption>AP Images: 2 images, 3 uses</caption>", html=True
    )
    assertContains(response, "<caption>No agency: 1 image, 1 use</caption>", html=True)
    assertContains(
        response, "<caption>Hassan Ammar: 1 image, 2 uses</caption>", html=True
    )
    assertContains(
        response, "<caption>No photographer: 2 images, 2 uses</caption>", html=True
    )
    for headline in ["Quake day one", "Quake week one", "Council vote"]:
        assertContains(response, headline)
    for headline in ["February story", "April story", "Draft story", "Review story"]:
        assertNotContains(response, headline)


def test_csv_gives_the_same_numbers_and_every_use(admin_client, march):
    rows = csv_rows(admin_client.get(REPORT, MARCH | {"format": "csv"}))

    agency_rows = [row for row in rows if row["Grouped by"] == "agency"]
    assert sorted(
        (
            row["Name"],
            row["Images in range"],
            row["Article"],
            row["Use"],
            row["Published"],
        )
        for row in agency_rows
    ) == [
        ("AP Images", "2", "Quake day one", "Featured image", "2025-03-02 12:00"),
        ("AP Images", "2", "Quake day one", "In the body", "2025-03-02 12:00"),
        ("AP Images", "2", "Quake week one", "In the body", "2025-03-09 12:00"),
        ("No agency", "1", "Council vote", "Featured image", "2025-03-31 23:00"),
    ]
    by_photographer = {
        row["Name"] for row in rows if row["Grouped by"] == "photographer"
    }
    assert by_photographer == {"Hassan Ammar", "No photographer"}
    assert len(rows) == 8


def test_report_defaults_to_last_month(admin_client, make_image, make_article):
    today = timezone.localdate()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=15)
    make_article(
        headline="Mid last month",
        featured_image=make_image(credit_text="Pool"),
        published_at=timezone.make_aware(
            datetime.combine(last_month, datetime.min.time())
        ),
    )
    make_article(headline="This month", featured_image=make_image())

    response = admin_client.get(REPORT)

    assertContains(response, f'value="{last_month.replace(day=1):%Y-%m-%d}"')
    assertContains(response, "Mid last month")
    assertNotContains(response, "This month")


@pytest.mark.parametrize(
    ("query", "error"),
    [
        (
            {"start": "2025-03-31", "end": "2025-03-01"},
            "The last day (2025-03-01) is before the first day (2025-03-31): pick a last day on or after the first.",
        ),
        (
            {"start": "31/13/2025", "end": "2025-03-01"},
            "Enter the first day as a date, e.g. 2025-11-01.",
        ),
        ({"start": "2025-03-01", "end": ""}, "Enter the last day of the report."),
    ],
)
def test_report_refuses_a_bad_range_and_keeps_what_was_typed(
    admin_client, march, query, error
):
    response = admin_client.get(REPORT, query | {"format": "csv"})

    assert response["Content-Type"].startswith("text/html")
    assertContains(response, error)
    assertContains(response, f'value="{query["start"]}"')
    assertNotContains(response, "Quake day one")


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(
    admin_client, make_image, make_article, make_agency
):
    agency = make_agency("@Wire")
    make_article(
        headline='=HYPERLINK("http://evil.example","click")',
        featured_image=make_image(caption="+1 picture", agency=agency),
        published_at=at(10),
    )

    rows = csv_rows(admin_client.get(REPORT, MARCH | {"format": "csv"}))

    assert rows[0]["Article"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[0]["Name"] == "'@Wire"
    assert rows[0]["Image"] == "'+1 picture"


def test_report_runs_a_fixed_number_of_queries(
    admin_client,
    make_image,
    make_article,
    make_agency,
    make_photographer,
    django_assert_max_num_queries,
):
    def add_story():
        agency = make_agency(f"Agency {Article.objects.count()}")
        image = make_image(photographer=make_photographer(agency=agency))
        make_article(
            featured_image=image,
            body=figure(make_image(agency=agency)),
            published_at=at(10),
        )

    add_story()
    admin_client.get(REPORT, MARCH)  # fills the session and content-type caches
    with django_assert_max_num_queries(4):
        admin_client.get(REPORT, MARCH)
    for _ in range(5):
        add_story()
    with django_assert_max_num_queries(4):
        response = admin_client.get(REPORT, MARCH | {"format": "csv"})
    assert len(csv_rows(response)) == 24


def test_report_needs_permission_to_view_images(client, django_user_model, march):
    user = django_user_model.objects.create_user(
        username="reporter", password="x", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    client.force_login(user)

    assert client.get(REPORT, MARCH).status_code == 403
    assertNotContains(client.get(reverse("admin:index")), REPORT)


def test_report_is_linked_from_the_images_list_and_the_admin_index(admin_client):
    for page in [reverse("admin:articles_image_changelist"), reverse("admin:index")]:
        assertContains(admin_client.get(page), f'href="{REPORT}"')
