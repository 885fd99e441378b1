"""Old addresses of stories keep working: one 301 to where the story is now."""

from django.apps import apps
from django.http import HttpResponsePermanentRedirect


def remember_old_address(article) -> None:
    """Called by `Article.save()` before writing: records the story's public address
    if this save moves it (a live story's slug changed).

    Any change of address is recorded, section and date included: the canonical
    redirect covers those only while the slug stays, so a later slug change would
    otherwise strand the first address, the one most often linked."""
    if article.pk is None:
        return
    Article = apps.get_model("articles", "Article")
    Redirect = apps.get_model("articles", "Redirect")
    stored = (
        Article.objects.select_related("section")
        .only("slug", "status", "published_at", "section__slug")
        .filter(pk=article.pk)
        .first()
    )
    old_path = stored.get_absolute_url() if stored and stored.is_published else None
    new_path = article.get_absolute_url() if article.is_published else None
    if old_path == new_path:
        return
    if old_path:
        # Every older Redirect already points at the article, so each resolves to its
        # newest address in one hop.
        Redirect.objects.update_or_create(
            old_path=old_path, defaults={"article_id": article.pk}
        )
    if new_path:
        # The story answers at this path again (a slug put back): a Redirect there would
        # be a loop waiting to happen.
        Redirect.objects.filter(old_path=new_path).delete()


class RedirectFallbackMiddleware:
    """Answers a 404 whose path is a story's old address with a 301 to its current one.
    An unpublished story's old address stays a 404: it must not reveal where it went."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        Article = apps.get_model("articles", "Article")
        article = (
            Article.objects.published()
            .filter(redirects__old_path=request.path)
            .select_related("section")
            .first()
        )
        if article is None:
            return response
        location = article.get_absolute_url()
        if query := request.META.get("QUERY_STRING"):
            location = f"{location}?{query}"
        return HttpResponsePermanentRedirect(location)
