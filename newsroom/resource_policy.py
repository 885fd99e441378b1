"""`Cross-Origin-Resource-Policy: same-origin` on what the app answers: another site may
link to a page but not load it into its own as a script, picture or frame, where a
side channel could read it. Pictures are the exception (`newsroom.media`): feed readers
and other sites show them."""


class SameOriginResources:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
