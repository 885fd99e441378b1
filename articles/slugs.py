"""The slug rule shared by articles and tags: ASCII, unique, numbered on a clash."""

import re

from django.db.models import Q, QuerySet


def free_slug(
    others: QuerySet, slug: str, *, max_length: int, reserved=frozenset()
) -> str:
    """`slug`, or `slug-2`, `slug-3`… whichever neither `others` nor `reserved` (slugs
    about to be written) uses, within `max_length`."""
    numbered = rf"^{re.escape(slug)}-[0-9]+$"
    taken = set(reserved) | set(
        others.filter(Q(slug=slug) | Q(slug__regex=numbered)).values_list(
            "slug", flat=True
        )
    )
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    suffix = f"-{number}"
    return slug[: max_length - len(suffix)] + suffix
