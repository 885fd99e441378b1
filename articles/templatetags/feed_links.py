"""`{% feed_links %}`: the `<link rel="alternate">` tags naming a page's feeds."""

from django import template
from django.utils.html import format_html_join

from articles import feeds, links
from articles.models import Article, Author, Section, Tag

register = template.Library()

FEED_TYPES = (
    ("application/rss+xml", "RSS", False),
    ("application/atom+xml", "Atom", True),
)


@register.simple_tag(takes_context=True)
def feed_links(context):
    """The site's feeds, then those of what the page is about: its section, tag or
    author, or an article's section. Reads only what the page has loaded."""
    channels = [feeds.site_channel()]
    section, tag, author, article = (
        context.get(name) for name in ("section", "tag", "author", "article")
    )
    if isinstance(article, Article) and not isinstance(section, Section):
        section = article.section
    if isinstance(section, Section):
        channels.append(feeds.section_channel(section))
    if isinstance(tag, Tag):
        channels.append(feeds.tag_channel(tag))
    if isinstance(author, Author):
        channels.append(feeds.author_channel(author))
    request = context.get("request")  # none on the 500 page
    rows = []
    for channel in channels:
        for media_type, name, atom in FEED_TYPES:
            path = channel.feed_path(atom=atom)
            href = links.absolute_url(request, path) if request else path
            rows.append((media_type, f"{channel.title} ({name})", href))
    return format_html_join(
        "\n  ", '<link rel="alternate" type="{}" title="{}" href="{}">', rows
    )
