from articles.models.articles import Article, ArticleQuerySet, Byline, TaggedArticle
from articles.models.audit import AuditEvent
from articles.models.corrections import Correction, FrontPagePin, Redirect
from articles.models.credits import Agency, Photographer
from articles.models.images import Image, ImageQuerySet
from articles.models.people import Author
from articles.models.renditions import Rendition
from articles.models.sections import Section
from articles.models.tags import Tag
from articles.models.usage import ArticleImage
from articles.models.workflow import (
    InternalNote,
    PreviewLink,
    WorkflowEvent,
    WorkingCopy,
)
from articles.search.models import SearchDocument

__all__ = [
    "Agency",
    "Article",
    "ArticleImage",
    "ArticleQuerySet",
    "AuditEvent",
    "Author",
    "Byline",
    "Correction",
    "FrontPagePin",
    "Image",
    "InternalNote",
    "ImageQuerySet",
    "Photographer",
    "PreviewLink",
    "Redirect",
    "Rendition",
    "SearchDocument",
    "Section",
    "Tag",
    "TaggedArticle",
    "WorkflowEvent",
    "WorkingCopy",
]
