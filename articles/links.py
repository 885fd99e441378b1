"""Absolute links to our pages, and the share links built from them (plain URLs, no
third-party script)."""

from urllib.parse import quote, urlencode

from django.conf import settings


def absolute_url(request, path: str) -> str:
    """`path` on this site as a full URL: under NEWSROOM_SITE_URL when it is set, else
    under the address the request came to. A URL that is already absolute (a rendition
    in object storage, say) is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    if settings.NEWSROOM_SITE_URL:
        return settings.NEWSROOM_SITE_URL.rstrip("/") + path
    return request.build_absolute_uri(path)


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """(network, href) pairs for the "Share this article" block."""
    return [
        (
            "Email",
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
        (
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}),
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
    ]
