"""Staff accounts: Django's user admin, plus what an administrator needs when someone
has lost their phone and recovery codes: which second steps each person has, and an
action, for superusers only, that removes them all. Each removal is in the audit log
(`articles.audit`); the person sets two-factor sign-in up again when they next sign in."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.text import get_text_list
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

User = get_user_model()
DEVICES = {
    "authenticator app": TOTPDevice,
    "passkey": WebAuthnCredential,
    "recovery codes": StaticDevice,
}

admin.site.unregister(User)


@admin.register(User)
class StaffAdmin(UserAdmin):
    list_display = [*UserAdmin.list_display, "two_factor"]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    f"has_{model._meta.model_name}": Exists(
                        model.objects.filter(user=OuterRef("pk"), confirmed=True)
                    )
                    for model in DEVICES.values()
                }
            )
        )

    @admin.display(description="Two-factor sign-in")
    def two_factor(self, user) -> str:
        kinds = [
            kind
            for kind, model in DEVICES.items()
            if getattr(user, f"has_{model._meta.model_name}", False)
        ]
        return ", ".join(kinds) or "not set up"

    @admin.action(
        description="Reset two-factor sign-in of selected users (they set it up again)",
        permissions=["reset_two_factor"],
    )
    def reset_two_factor(self, request, queryset):
        for model in DEVICES.values():
            model.objects.filter(user__in=queryset).delete()  # one audit entry each
        names = get_text_list([user.get_username() for user in queryset], "and")
        self.message_user(
            request,
            f"Two-factor sign-in reset for {names}: their authenticator apps, passkeys "
            "and recovery codes are removed. They set it up again when they next sign "
            "in.",
            messages.SUCCESS,
        )

    def has_reset_two_factor_permission(self, request) -> bool:
        return request.user.is_superuser
