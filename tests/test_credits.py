import pytest

from articles import credits
from articles.models import Image

# (image fields, credit string) — one row per row of the credit table in DESIGN.md.
CREDIT_TABLE = [
    pytest.param(
        {
            "credit_text": "Courtesy of the City Museum",
            "photographer": "Hassan Ammar",
            "agency": "AP Images",
        },
        "Courtesy of the City Museum",
        id="credit_text-wins-verbatim",
    ),
    pytest.param(
        {"photographer": "Hassan Ammar", "agency": "AP Images"},
        "Hassan Ammar/AP Images",
        id="photographer-and-image-agency",
    ),
    pytest.param(
        {"photographer": "Hassan Ammar", "photographer_agency": "AP Images"},
        "Hassan Ammar/AP Images",
        id="photographer-and-their-own-agency",
    ),
    pytest.param(
        {
            "photographer": "Hassan Ammar",
            "photographer_agency": "Old Agency",
            "agency": "AP Images",
        },
        "Hassan Ammar/AP Images",
        id="image-agency-beats-photographers-agency",
    ),
    pytest.param({"agency": "AP Images"}, "Uncredited/AP Images", id="agency-only"),
    pytest.param(
        {"photographer": "Jane Doe", "is_staff": True},
        "Jane Doe/The Daily Test",
        id="staff-no-agency",
    ),
    pytest.param(
        {"photographer": "Jane Doe", "is_staff": True, "agency": "AP Images"},
        "Jane Doe/AP Images",
        id="staff-with-agency-uses-agency",
    ),
    pytest.param({"photographer": "Jane Doe"}, "Jane Doe", id="photographer-only"),
    pytest.param({}, "", id="nothing"),
]


@pytest.fixture
def build_image(make_agency, make_photographer, make_image):
    def build(fields):
        photographer = None
        if "photographer" in fields:
            own_agency = (
                make_agency(fields["photographer_agency"])
                if "photographer_agency" in fields
                else None
            )
            photographer = make_photographer(
                fields["photographer"],
                agency=own_agency,
                is_staff=fields.get("is_staff", False),
            )
        agency = make_agency(fields["agency"]) if "agency" in fields else None
        return make_image(
            photographer=photographer,
            agency=agency,
            credit_text=fields.get("credit_text", ""),
        )

    return build


@pytest.mark.parametrize(("fields", "expected"), CREDIT_TABLE)
def test_credit_string_follows_the_credit_table(build_image, fields, expected):
    image = build_image(fields)

    assert credits.credit_string(image) == expected
    # The database filter behind the admin's "no credit" flag agrees with the rule.
    assert Image.objects.uncredited().filter(pk=image.pk).exists() is (expected == "")


@pytest.mark.parametrize(
    ("credit_type", "line", "featured_line"),
    [
        (
            "photo",
            "Image by Hassan Ammar/AP Images",
            "Featured Image by Hassan Ammar/AP Images",
        ),
        (
            "file_photo",
            "File image by Hassan Ammar/AP Images",
            "Featured File image by Hassan Ammar/AP Images",
        ),
        (
            "illustration",
            "Illustration by Hassan Ammar/AP Images",
            "Featured Illustration by Hassan Ammar/AP Images",
        ),
        (
            "graphic",
            "Graphic by Hassan Ammar/AP Images",
            "Featured Graphic by Hassan Ammar/AP Images",
        ),
        (
            "handout",
            "Handout image by Hassan Ammar/AP Images",
            "Featured Handout image by Hassan Ammar/AP Images",
        ),
    ],
)
def test_credit_line_names_the_kind_of_picture(
    build_image, credit_type, line, featured_line
):
    image = build_image({"photographer": "Hassan Ammar", "agency": "AP Images"})
    image.credit_type = credit_type

    assert credits.credit_line(image) == line
    assert credits.credit_line(image, featured=True) == featured_line


def test_credit_line_formats_come_from_settings(build_image, settings):
    settings.NEWSROOM_CREDIT_FORMAT = "{kind}: {credit}"
    settings.NEWSROOM_FEATURED_CREDIT_FORMAT = "Top {kind}: {credit}"
    image = build_image({"agency": "AP Images"})

    assert image.credit_line == "Image: Uncredited/AP Images"
    assert image.featured_credit_line == "Top Image: Uncredited/AP Images"


def test_uncredited_image_has_no_credit_line(build_image):
    assert build_image({}).credit_line == ""


def test_whitespace_credit_text_is_no_credit(make_image):
    image = make_image(credit_text="   ")

    assert image.credit_line == ""
    assert Image.objects.uncredited().filter(pk=image.pk).exists()


def test_deleting_photographer_or_agency_keeps_the_image(build_image):
    image = build_image({"photographer": "Hassan Ammar", "agency": "AP Images"})

    image.photographer.delete()
    image.agency.delete()
    image.refresh_from_db()

    assert image.photographer is None
    assert image.agency is None
    assert image.credit_line == ""
