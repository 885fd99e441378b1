"""Sitemaps for search engines (index, articles with their pictures, sections, tags,
authors), the Google News sitemap, and robots.txt."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


index = section = news = robots_txt = _not_yet
