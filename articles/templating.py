"""The Jinja2 environment of the readers' pages (templates/jinja2/).

Readers' pages are Jinja2 templates, compiled to Python code: Django's template
language took a third of an article page's work to render it (see the README's Speed
section). Staff screens (the admin) and the sitemaps stay in Django's language.

What the pages call is Django's own code where it has some, so both languages say the
same thing: the `date` filter, `static`, and addresses from `cached_reverse()`.
"""

from django.template.defaultfilters import date, linebreaks_filter, pluralize
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.html import format_html_join
from jinja2 import Environment, pass_context

from articles import feeds, links
from articles.addresses import cached_reverse
from articles.models import Article, Author, Section, Tag
from articles.pictures import figure, picture
from articles.search.query import INPUT_LENGTH
from articles.templatetags.datetimes import iso8601


def environment(**options) -> Environment:
    # Escaping on whatever the settings say (Django's backend asks for it too).
    env = Environment(**options | {"autoescape": True})  # noqa: S701
    env.globals.update(
        {
            "url": url,
            "static": static,
            "picture": picture,
            "figure": figure,
            "feed_links": feed_links,
            "querystring": querystring,
            "current_language": translation.get_language,
            "localtime": timezone.localtime,
            "search_input_length": INPUT_LENGTH,
        }
    )
    env.filters.update(
        {
            "date": _date,
            "iso8601": iso8601,
            "linebreaks": _linebreaks,
            "pluralize": pluralize,
        }
    )
    return env


FEED_TYPES = (
    ("application/rss+xml", "RSS", False),
    ("application/atom+xml", "Atom", True),
)


@pass_context
def feed_links(context) -> str:
    """The `<link rel="alternate">` tags of the site's feeds, then those of what the
    page is about: its section, tag or author, or an article's section. Reads only
    what the page has loaded."""
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


def url(viewname: str, *args, **kwargs) -> str:
    """The address of a page, as `{% url %}` gives it."""
    return cached_reverse(viewname, args=args, kwargs=kwargs or None)


def querystring(query, **changes) -> str:
    """`?` and the parameters of `query` (a QueryDict) with `changes` set, as Django's
    `{% querystring %}` gives them."""
    query = query.copy()
    for name, value in changes.items():
        query[name] = value
    return f"?{query.urlencode()}"


def _date(value, format_string=None) -> str:
    # Django's language converts a moment to the newsroom's time before its `date`
    # filter sees it (`expects_localtime`); Jinja2 leaves that to the filter.
    return date(timezone.template_localtime(value), format_string)


def _linebreaks(text) -> str:
    return linebreaks_filter(text, autoescape=True)
