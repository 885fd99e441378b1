"""The credit rule: what a reader sees under a picture.

Credit belongs to the image (it goes wherever the picture goes); the caption belongs to
each use. `credit_string` is the table in DESIGN.md, row by row.
"""

from django.conf import settings
from django.db.models import Q

# The last row of the table as a database filter: with no override, no photographer and
# no agency there is nothing to credit (a photographer's own agency only counts when
# there is a photographer).
UNCREDITED = Q(credit_text="", photographer__isnull=True, agency__isnull=True)


def credited_to(agency) -> Q:
    """Images whose credit names `agency`: their own agency, else their photographer's."""
    return Q(agency=agency) | Q(agency__isnull=True, photographer__agency=agency)


def credited_agency(image):
    """The agency the credit line names: the image's own, else its photographer's
    (`credited_to` for one loaded image)."""
    return image.agency or (image.photographer.agency if image.photographer else None)


KIND_WORDS = {
    "photo": "Image",
    "file_photo": "File image",
    "illustration": "Illustration",
    "graphic": "Graphic",
    "handout": "Handout image",
}


def credit_string(image) -> str:
    """The credit for `image`, or "" when nothing is known about who made it."""
    if image.credit_text:
        return image.credit_text
    photographer = image.photographer
    agency = credited_agency(image)
    if photographer and agency:
        return f"{photographer.name}/{agency.name}"
    if agency:
        return f"Uncredited/{agency.name}"
    if photographer and photographer.is_staff:
        return f"{photographer.name}/{settings.NEWSROOM_SITE_NAME}"
    if photographer:
        return photographer.name
    return ""


def credit_line(image, *, featured: bool = False) -> str:
    """The line shown under the picture, e.g. "Image by Hassan Ammar/AP Images"."""
    credit = credit_string(image)
    if not credit:
        return ""
    template = (
        settings.NEWSROOM_FEATURED_CREDIT_FORMAT
        if featured
        else settings.NEWSROOM_CREDIT_FORMAT
    )
    return template.format(kind=KIND_WORDS[image.credit_type], credit=credit)
