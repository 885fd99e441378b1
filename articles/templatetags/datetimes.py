from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso8601(value) -> str:
    """A moment for machines (`<time datetime>`, structured data): the newsroom's local
    time with its offset, to the second. HTML allows at most three digits of a second's
    fractions, and readers need none."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
