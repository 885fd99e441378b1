"""The editorial admin, one module per concern, mirroring `articles/models/`."""

from articles.admin import (
    articles,
    audit,
    credits,
    curation,
    images,
    people,
    sections,
    tags,
    usage,
    users,
)

__all__ = [
    "articles",
    "audit",
    "credits",
    "curation",
    "images",
    "people",
    "sections",
    "tags",
    "usage",
    "users",
]
