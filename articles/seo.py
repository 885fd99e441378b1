"""What search engines and share cards read of a public page: its title, description,
canonical address, Open Graph and Twitter card tags, robots directive and structured
data (built by `articles.structured_data`). Views build a `PageMeta`; base.html renders
it through templates/jinja2/articles/_meta.html.

Everything here reads what the page's own queries loaded (listing and page data), so
the tags cost no query.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import to_locale

from articles import body, links, renditions, structured_data
from articles.models import Article

# Search engines may show large pictures from the page in results and Discover.
INDEXABLE = "max-image-preview:large"
UNLISTED = "noindex, nofollow"
SHARE_CROP = "16:9"  # 1200 × 675: the shape every share card shows
# A first paragraph standing in for a description is cut to this many characters
# (the SEO description field's own limit).
DESCRIPTION_LENGTH = 300


@dataclass(frozen=True)
class ShareImage:
    """The picture a share card shows: a 16:9 crop rendition, never the original."""

    url: str
    width: int
    height: int
    alt: str
    type: str = "image/jpeg"  # crops are JPEG (articles.renditions)


@dataclass(frozen=True)
class PageMeta:
    """The head of a page, for _meta.html. A page without `canonical_url` (a preview)
    claims no public address: it gets its title and robots directive only."""

    title: str  # the <title>
    card_title: str  # og:title and twitter:title
    description: str = ""
    canonical_url: str = ""
    robots: str = INDEXABLE
    og_type: str = "website"
    image: ShareImage | None = None
    published_at: datetime | None = None
    modified_at: datetime | None = None
    section: str = ""
    tags: tuple[str, ...] = ()
    structured_data: tuple[dict, ...] = ()

    @property
    def locale(self) -> str:
        return to_locale(settings.LANGUAGE_CODE)  # "en-gb" → "en_GB"

    @property
    def json_ld(self) -> list[str]:
        return [structured_data.script(block) for block in self.structured_data]


def _titled(card_title: str) -> str:
    return f"{card_title} | {settings.NEWSROOM_SITE_NAME}"


def article_title(article: Article) -> str:
    return article.seo_title or article.headline


def article_description(article: Article) -> str:
    """The SEO description, else the standfirst, else the first paragraph."""
    return article.seo_description or article.standfirst or body_description(article)


def body_description(article: Article) -> str:
    """The body's first paragraph, cut short: a description of last resort."""
    return Truncator(body.first_paragraph(article.body)).chars(DESCRIPTION_LENGTH)


def share_image(request, image) -> ShareImage | None:
    """The 16:9 crop of `image` as a share card shows it; None for no picture, a
    picture whose rights have expired, or one whose crop could not be made."""
    if image is None or image.rights_expired():
        return None
    crop = renditions.crops_for(image).get(SHARE_CROP)
    if crop is None:
        return None
    return ShareImage(
        url=links.absolute_url(request, crop.url),
        width=crop.width_px,
        height=crop.height_px,
        alt=image.alt_text,
    )


def article_meta(
    request, article: Article, *, canonical_url: str, updated_at, corrections
) -> PageMeta:
    """An article page's head. `updated_at` is the page's "Updated" time (None when
    never updated)."""
    title = article_title(article)
    description = article_description(article)
    modified_at = updated_at or article.published_at
    return PageMeta(
        title=_titled(title),
        card_title=title,
        description=description,
        canonical_url=canonical_url,
        og_type="article",
        image=share_image(request, article.public_featured_image),
        published_at=article.published_at,
        modified_at=modified_at,
        section=article.section.name,
        tags=tuple(tag.name for tag in article.tags.all()),
        structured_data=(
            structured_data.news_article(
                request,
                article,
                canonical_url=canonical_url,
                description=description,
                modified_at=modified_at,
                corrections=corrections,
            ),
            structured_data.breadcrumbs(
                request,
                [
                    (article.section.name, article.section.get_absolute_url()),
                    (article.headline, article.get_absolute_url()),
                ],
            ),
        ),
    )


def preview_meta(article: Article) -> PageMeta:
    """A preview's head: its title, and that it is not for search engines. No address,
    card or structured data: the story has no public page yet."""
    title = article_title(article)
    return PageMeta(
        title=_titled(f"Preview: {title}"), card_title=title, robots=UNLISTED
    )


def home_meta(request, stories: list[Article]) -> PageMeta:
    """The home page's head; `stories` are those it shows, the top story first."""
    site = settings.NEWSROOM_SITE_NAME
    return PageMeta(
        title=site,
        card_title=site,
        description=settings.NEWSROOM_SITE_DESCRIPTION
        or f"The latest news from {site}.",
        canonical_url=links.absolute_url(request, request.path),
        image=_first_picture(request, stories),
        structured_data=_blocks(structured_data.item_list(request, stories)),
    )


def list_meta(request, *, heading: str, description: str, page) -> PageMeta:
    """A section, tag or author page's head: `page` is the paginator's page shown."""
    card_title = heading if page.number == 1 else f"{heading} (page {page.number})"
    path = request.path if page.number == 1 else f"{request.path}?page={page.number}"
    stories = list(page.object_list)
    return PageMeta(
        title=_titled(card_title),
        card_title=card_title,
        description=description,
        canonical_url=links.absolute_url(request, path),
        image=_first_picture(request, stories),
        structured_data=_blocks(
            structured_data.breadcrumbs(request, [(heading, request.path)]),
            structured_data.item_list(request, stories, start=page.start_index()),
        ),
    )


def section_description(section) -> str:
    return (
        section.description
        or f"The latest {section.name} stories from {settings.NEWSROOM_SITE_NAME}."
    )


def tag_description(tag) -> str:
    return f"Stories tagged “{tag.name}” from {settings.NEWSROOM_SITE_NAME}."


def author_description(author) -> str:
    return author.bio or f"Stories by {author.name} for {settings.NEWSROOM_SITE_NAME}."


def _blocks(*blocks: dict | None) -> tuple[dict, ...]:
    return tuple(block for block in blocks if block)


def _first_picture(request, stories: list[Article]) -> ShareImage | None:
    """A list's share picture: that of the first story shown with one."""
    for story in stories:
        if image := share_image(request, story.public_featured_image):
            return image
    return None
