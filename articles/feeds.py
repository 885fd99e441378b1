"""RSS 2.0 and Atom feeds of published stories: the latest, and per section, tag and
author (Django's syndication framework)."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


latest_rss = latest_atom = _not_yet
section_rss = section_atom = _not_yet
tag_rss = tag_atom = _not_yet
author_rss = author_atom = _not_yet
