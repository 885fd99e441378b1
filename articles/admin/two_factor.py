"""The admin's two-factor pages (see `articles.two_factor`): the second step of a
sign-in, setting up an authenticator app or a passkey, and recovery codes."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from articles import audit, two_factor
from articles.models import AuditEvent

RECOVERY_CODES = 10
APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
_SHOW_CODES = "two_factor_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def verify(admin_site, request):
    """The second step: a code from the app, a recovery code, or a passkey."""
    user = request.user
    if not two_factor.has_devices(user):
        return redirect(_with_next(reverse("admin:two_factor_setup"), request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            audit.record(
                AuditEvent.Kind.SECOND_STEP,
                actor=user,
                detail=audit.device_kind(device),
                request=request,
            )
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    f"You used a recovery code: {left} left. Make new ones from "
                    "“Two-factor sign-in” if you are running out.",
                )
            return redirect(_next(request))
        audit.record(
            AuditEvent.Kind.SECOND_STEP_FAILED,
            actor=user,
            detail="a code that did not work (wrong, or typed during the wait after one)",
            request=request,
        )
        form.add_error(
            "code",
            "That code did not work. Type the 6 digits your app shows now, or one of "
            "your recovery codes. After several wrong codes, wait a little between tries.",
        )
    return _page(
        admin_site,
        request,
        "admin/two_factor/verify.html",
        "Second step of signing in",
        form=form,
        has_passkey=WebAuthnCredential.objects.filter(
            user=user, confirmed=True
        ).exists(),
    )


def setup(admin_site, request):
    """Adding an authenticator app (scan, then type a code to prove it) or a passkey.
    Someone with a second factor already must have used it this session."""
    user = request.user
    if two_factor.has_devices(user) and not user.is_verified():
        return redirect(_with_next(reverse("admin:two_factor_verify"), request))
    app = TOTPDevice.objects.filter(
        user=user, confirmed=False
    ).first() or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if app.verify_token(form.cleaned_data["code"]):
            app.confirmed = True
            app.save(update_fields=["confirmed"])
            otp_login(request, app)
            return _after_first_device(request)
        form.add_error(
            "code",
            "That code did not match. Check that the app shows this site's entry and "
            "type the 6 digits it shows now.",
        )
    if WebAuthnCredential.objects.filter(user=user, confirmed=True).exists() and (
        not StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE).exists()
    ):
        # A passkey was just added (the page reloads when it is): it stands for the
        # second step of this sign-in, as the code above would.
        return _after_first_device(request)
    return _page(
        admin_site,
        request,
        "admin/two_factor/setup.html",
        "Set up two-factor sign-in",
        form=form,
        qr_code=mark_safe(  # noqa: S308 - segno's own SVG of our own URL
            segno.make(app.config_url, error="m").svg_inline(
                scale=4, light="#fff", omitsize=False
            )
        ),
        secret=_grouped(app.bin_key),
        required=two_factor.required_for(user),
    )


def recovery_codes(admin_site, request):
    """New recovery codes, shown once; making new ones voids the old."""
    user = request.user
    if not user.is_verified():
        raise PermissionDenied
    if request.method == "POST":
        request.session[_SHOW_CODES] = new_recovery_codes(user)
        return redirect("admin:two_factor_recovery_codes")
    codes = request.session.pop(_SHOW_CODES, None)
    device = StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE).first()
    return _page(
        admin_site,
        request,
        "admin/two_factor/recovery_codes.html",
        "Recovery codes",
        codes=codes,
        left=device.token_set.count() if device else 0,
        next=_next(request),
    )


def _after_first_device(request):
    """Recovery codes for someone who had none, shown once, then on to where they
    were going."""
    if not StaticDevice.objects.filter(
        user=request.user, name=RECOVERY_DEVICE
    ).exists():
        request.session[_SHOW_CODES] = new_recovery_codes(request.user)
        return redirect(_with_next(reverse("admin:two_factor_recovery_codes"), request))
    return redirect(_next(request))


def new_recovery_codes(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    audit.two_factor_changed(user, "new recovery codes (any older ones void)")
    return codes


def _page(admin_site, request, template, title, **context):
    return TemplateResponse(
        request,
        template,
        {
            **admin_site.each_context(request),
            "title": title,
            "next": _next(request),
            **context,
        },
    )


def _next(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


def _with_next(url: str, request) -> str:
    wanted = request.GET.get("next")
    return f"{url}?{request.GET.urlencode()}" if wanted else url


def _grouped(key: bytes) -> str:
    """The app's key as people type it: base32, in groups of four."""
    text = b32encode(key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
