"""Two-factor sign-in for staff (django-otp): after the password, a code from an
authenticator app (TOTP), a passkey (django-otp-webauthn) or a one-time recovery code.

Required of everyone who may publish (editors), who may change what staff may do, and
of superusers: a defaced front page or a stolen editor's account is news itself.
Offered to the rest of the staff, and required of them too once they have set it up.
Until such a user has signed in with a second factor, every admin page sends them to
it, or, before they have one, to setting one up (`articles.admin.two_factor`).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user
from django_otp_webauthn.helpers import WebAuthnHelper

from articles import audit
from articles.models import AuditEvent

# Pages a signed-in user reaches before the second step: the step itself, setting it
# up, signing out, and what the passkey scripts call.
OPEN_VIEWS = {
    "two_factor_verify",
    "two_factor_setup",
    "two_factor_recovery_codes",
    "logout",
}


# Who may publish, or change what staff may do (who could otherwise give themselves
# the power to publish with a password alone).
REQUIRING_PERMISSIONS = (
    "articles.publish_article",
    "auth.change_user",
    "auth.change_group",
)
# Set at sign-in for anyone with a second factor, required or chosen: once someone
# has one, a password alone never lets them in.
SESSION_KEY = "two_factor_enrolled"


def required_for(user) -> bool:
    return user.is_superuser or any(
        user.has_perm(permission) for permission in REQUIRING_PERMISSIONS
    )


def has_devices(user) -> bool:
    return any(devices_for_user(user, confirmed=True))


class RequireTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: staff who must use a second factor and have
    not, this session, reach no admin page but those of OPEN_VIEWS."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(self.admin_prefix):
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        match = request.resolver_match
        if match.url_name in OPEN_VIEWS or match.namespace == "otp_webauthn":
            return None
        if not (request.session.get(SESSION_KEY) or required_for(user)):
            return None
        step = "two_factor_verify" if has_devices(user) else "two_factor_setup"
        return redirect(
            f"{reverse(f'admin:{step}')}?{urlencode({'next': request.get_full_path()})}"
        )


def site_origin(request) -> str:
    """Where passkeys are made and used: NEWSROOM_SITE_URL's origin, else the one the
    request came to (a development server, a test's live server: one of ALLOWED_HOSTS)."""
    if settings.NEWSROOM_SITE_URL:
        parts = urlsplit(settings.NEWSROOM_SITE_URL)
        return f"{parts.scheme}://{parts.netloc}"
    return f"{request.scheme}://{request.get_host()}"


def relying_party_id(request) -> str:
    return urlsplit(site_origin(request)).hostname


@receiver(user_logged_in)
def _note_enrolment(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and has_devices(user):
        request.session[SESSION_KEY] = True


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        return [site_origin(self.request)]

    def authenticate_complete(self, user, state, data):
        """A passkey's answer checked, in the audit log either way."""
        try:
            device = super().authenticate_complete(user, state, data)
        except Exception:
            if user is not None and user.is_authenticated:
                audit.record(
                    AuditEvent.Kind.SECOND_STEP_FAILED,
                    actor=user,
                    detail="a passkey that did not match",
                    request=self.request,
                )
            raise
        # The view refuses a passkey turned off, or a user who is: not a pass.
        if device.confirmed and device.user.is_active:
            audit.record(
                AuditEvent.Kind.SECOND_STEP,
                actor=device.user,
                detail="passkey",
                request=self.request,
            )
        return device
