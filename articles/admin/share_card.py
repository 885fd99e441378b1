"""The article form's "Share card preview": the story as a social network or a
messaging app shows it when shared, from the same rules as the page's share tags
(`articles.seo`). Its script (static/articles/admin/share_card.js) follows the title
and description fields as the editor types."""

from urllib.parse import urlsplit

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

from articles import links, seo
from articles.admin.images import credit_or_warning
from articles.models import Article

PICTURE_TEMPLATE = "admin/articles/article/_share_card_picture.html"
NO_PICTURE = "No picture: add a featured image."
EXPIRED = "No picture: the featured image’s rights have expired, so shares show none."
UNREADABLE = "No picture: the featured image’s copies for the web could not be made."


def context(request, article: Article) -> dict:
    """What the panel shows for `article` as the form holds it (saved, or posted and
    sent back with errors)."""
    image = article.featured_image
    return {
        "title": seo.article_title(article),
        "description": seo.article_description(article),
        "body_description": seo.body_description(article),
        "domain": urlsplit(
            links.absolute_url(request, reverse("articles:home"))
        ).hostname,
        "image_id": image.pk if image else "",
        **picture_context(request, image),
    }


def picture_context(request, image) -> dict:
    """The card's picture (the 16:9 crop) and its credit line, or why there is none."""
    picture = seo.share_image(request, image)
    if picture:
        absent = ""
    elif image is None:
        absent = NO_PICTURE
    elif image.rights_expired():
        absent = EXPIRED
    else:
        absent = UNREADABLE
    return {
        "picture": picture,
        "no_picture": absent,
        "credit": credit_or_warning(image) if picture else "",
    }


def picture_json(request, image) -> JsonResponse:
    """The card's picture as HTML and its credit line, for the form's script to show
    a newly picked featured image before the story is saved."""
    found = picture_context(request, image)
    html = render_to_string(PICTURE_TEMPLATE, {"card": found}, request=request)
    return JsonResponse({"picture": html, "credit": found["credit"]})
