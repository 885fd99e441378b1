"""Addresses of public pages, worked out once per process for each view name and its
arguments: Django's reverse() takes about 17 µs, and an article page names some thirty
addresses (its sections, tags, authors, related stories and feeds)."""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse


def cached_reverse(viewname: str, *, args: tuple = (), kwargs: dict | None = None):
    """reverse(viewname, args=args, kwargs=kwargs), remembered."""
    named = tuple(sorted(kwargs.items())) if kwargs else ()
    # The script prefix (a site served under /news/) is part of every answer.
    return _reverse(get_script_prefix(), viewname, tuple(args), named)


@lru_cache(maxsize=20_000)
def _reverse(prefix: str, viewname: str, args: tuple, named: tuple) -> str:
    return reverse(viewname, args=args, kwargs=dict(named))


@receiver(setting_changed)
def _forget(setting, **kwargs):
    # Tests may route addresses elsewhere; Django forgets its own resolvers then too.
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
