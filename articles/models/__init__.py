from articles.models.articles import Article, ArticleQuerySet, Byline, TaggedArticle
from articles.models.credits import Agency, Photographer
from articles.models.images import Image, ImageQuerySet
from articles.models.people import Author
from articles.models.renditions import Rendition
from articles.models.sections import Section
from articles.models.tags import Tag
from articles.models.usage import ArticleImage

__all__ = [
    "Agency",
    "Article",
    "ArticleImage",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "Image",
    "ImageQuerySet",
    "Photographer",
    "Rendition",
    "Section",
    "Tag",
    "TaggedArticle",
]
