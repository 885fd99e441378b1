"""Signed-in sessions end after SESSION_COOKIE_AGE without a request, and in any case
NEWSROOM_SESSION_MAX_SECONDS after signing in: a session kept alive by use (or by a
stolen cookie in use) still ends.

Django moves a session's expiry on only when the session is saved. Saving it on every
request (SESSION_SAVE_EVERY_REQUEST) would write to the database on every admin
page; here it is saved at most every REFRESH_SECONDS while it is used, so a session
ends between SESSION_COOKIE_AGE and that plus REFRESH_SECONDS after its last request.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

REFRESH_SECONDS = 300
_REFRESHED = "_idle_refreshed"
_SIGNED_IN = "_signed_in_at"


class IdleSessionMiddleware:
    """After SessionMiddleware: moves a used session's expiry on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        # Readers have no session: nothing is read or written for them (reading one
        # would mark their shared pages as varying by cookie).
        if session.session_key:
            # A session from before this limit existed starts its day now.
            signed_in_at = session.setdefault(_SIGNED_IN, int(time.time()))
            if time.time() - signed_in_at > settings.NEWSROOM_SESSION_MAX_SECONDS:
                session.flush()  # before authentication reads it: signed out
        response = self.get_response(request)
        if not session.is_empty() and session.session_key:
            now = int(time.time())
            if now - session.get(_REFRESHED, 0) >= REFRESH_SECONDS:
                session[_REFRESHED] = (
                    now  # saved, with a new expiry, by SessionMiddleware
                )
        return response


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[_REFRESHED] = request.session[_SIGNED_IN] = int(time.time())
