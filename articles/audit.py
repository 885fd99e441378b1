"""The audit log (`AuditEvent`), written where things happen: Django's sign-in signals
and django-axes' lockouts; the second step of signing in (`articles.admin.two_factor`
and passkeys' `articles.two_factor.PasskeyHelper` call `record`); the workflow's publish
steps (`articles.services`); and every change to what staff may do (groups,
permissions, the staff, superuser and active flags) and to their two-factor devices,
whatever path makes it: the admin, a shell, a command."""

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from simple_history.models import HistoricalRecords

from articles.models import AuditEvent

User = get_user_model()
FLAGS = {"is_staff": "staff", "is_superuser": "superuser", "is_active": "active"}


def record(
    kind, *, actor=None, name="", subject="", detail="", request=None
) -> AuditEvent:
    """An entry by `actor` (a user), or by `name` (a username typed at sign-in)."""
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=actor.get_username() if actor is not None else str(name)[:150],
        subject=subject[:300],
        detail=detail,
        # As django-axes reads it: behind a load balancer, the address it saw.
        ip_address=get_client_ip_address(request) if request is not None else None,
    )


def _acting_user():
    """Who made the change: the signed-in user of the request under way (as
    django-simple-history's middleware keeps it), or nobody (a shell, a command)."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return (user if user is not None and user.is_authenticated else None), request


# Sign-ins


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record(AuditEvent.Kind.SIGNED_IN, actor=user, request=request)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditEvent.Kind.SIGNED_OUT, actor=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    record(
        AuditEvent.Kind.SIGN_IN_FAILED,
        name=credentials.get("username", ""),
        request=request,
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    record(AuditEvent.Kind.LOCKED_OUT, name=username or "", request=request)


# What staff may do


def _names(model, pks) -> str:
    if model is Group:
        return ", ".join(
            sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
        )
    permissions = model.objects.filter(pk__in=pks).select_related("content_type")
    return ", ".join(
        sorted(f"{p.content_type.app_label}.{p.codename}" for p in permissions)
    )


def _membership_changed(instance, action, model, pk_set, relation: str, subject: str):
    changes = {
        "post_add": f"{relation} added: {_names(model, pk_set)}",
        "post_remove": f"{relation} removed: {_names(model, pk_set)}",
        "post_clear": f"all {relation} removed",
    }
    if action not in changes or (action != "post_clear" and not pk_set):
        return
    actor, request = _acting_user()
    record(
        AuditEvent.Kind.PERMISSIONS,
        actor=actor,
        subject=subject,
        detail=changes[action],
        request=request,
    )


# Each relation that decides what staff may do: (what the owner holds, the owner's and
# the item's columns in its table).
RELATIONS = {
    User.groups.through: ("groups", "user", "group"),
    User.user_permissions.through: ("permissions", "user", "permission"),
    Group.permissions.through: ("permissions", "group", "permission"),
}


def _subject(owner) -> str:
    if isinstance(owner, User):
        return f"user {owner.get_username()}"
    return f"group {owner.name}"


def _relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    relation, owner_field, item_field = RELATIONS[sender]
    if not reverse:
        _membership_changed(
            instance, action, model, pk_set, relation, _subject(instance)
        )
        return
    # Changed from the item's side (a group's users, a permission's users or groups):
    # an entry for each owner, as if each had been changed.
    if action == "pre_clear":
        instance._audit_owners = set(
            sender.objects.filter(**{item_field: instance.pk}).values_list(
                f"{owner_field}_id", flat=True
            )
        )
        return
    if action == "post_clear":
        action, pk_set = "post_remove", getattr(instance, "_audit_owners", set())
    owner_model = sender._meta.get_field(owner_field).related_model
    for owner in owner_model.objects.filter(pk__in=pk_set or ()).order_by("pk"):
        _membership_changed(
            owner, action, type(instance), {instance.pk}, relation, _subject(owner)
        )


for _through in RELATIONS:
    m2m_changed.connect(_relation_changed, sender=_through, dispatch_uid=_through)


@receiver(pre_save, sender=User)
def _note_flag_changes(sender, instance, raw=False, update_fields=None, **kwargs):
    """Which of the flags this save changes (a sign-in saves last_login only)."""
    instance._audit_flags = {}
    if raw or (update_fields is not None and not set(update_fields) & FLAGS.keys()):
        return
    before = (
        User.objects.filter(pk=instance.pk).values(*FLAGS).first()
        if instance.pk
        else None
    ) or dict.fromkeys(FLAGS, False)
    instance._audit_flags = {
        flag: getattr(instance, flag)
        for flag in FLAGS
        if getattr(instance, flag) != before[flag]
    }


@receiver(post_save, sender=User)
def _flags_changed(sender, instance, created, raw=False, **kwargs):
    changed = getattr(instance, "_audit_flags", {})
    if (
        raw
        or not changed
        or (created and not (instance.is_staff or instance.is_superuser))
    ):
        return
    actor, request = _acting_user()
    record(
        AuditEvent.Kind.PERMISSIONS,
        actor=actor,
        subject=f"user {instance.get_username()}",
        detail=", ".join(
            f"{'now' if value else 'no longer'} {FLAGS[flag]}"
            for flag, value in changed.items()
        ),
        request=request,
    )


@receiver(pre_delete, sender=Group)
def _group_deleted(sender, instance, **kwargs):
    members = ", ".join(
        sorted(instance.user_set.values_list(User.USERNAME_FIELD, flat=True))
    )
    actor, request = _acting_user()
    record(
        AuditEvent.Kind.PERMISSIONS,
        actor=actor,
        subject=f"group {instance.name}",
        detail="deleted"
        + (f"; its members lose what it allowed: {members}" if members else ""),
        request=request,
    )


@receiver(post_delete, sender=User)
def _staff_deleted(sender, instance, **kwargs):
    if instance.is_staff or instance.is_superuser:
        actor, request = _acting_user()
        record(
            AuditEvent.Kind.PERMISSIONS,
            actor=actor,
            subject=f"user {instance.get_username()}",
            detail="deleted",
            request=request,
        )


# Two-factor devices

DEVICE_KINDS = {
    TOTPDevice: "authenticator app",
    WebAuthnCredential: "passkey",
    StaticDevice: "recovery codes",
}


def device_kind(device) -> str:
    return DEVICE_KINDS.get(type(device), "device")


def two_factor_changed(user, detail: str) -> None:
    actor, request = _acting_user()
    record(
        AuditEvent.Kind.TWO_FACTOR,
        actor=actor,
        subject=f"user {user.get_username()}",
        detail=detail,
        request=request,
    )


@receiver(pre_save, sender=TOTPDevice)
@receiver(pre_save, sender=WebAuthnCredential)
def _note_confirmation(sender, instance, raw=False, **kwargs):
    instance._audit_was_confirmed = (
        not raw
        and instance.pk is not None
        and sender.objects.filter(pk=instance.pk, confirmed=True).exists()
    )


@receiver(post_save, sender=TOTPDevice)
@receiver(post_save, sender=WebAuthnCredential)
def _device_added(sender, instance, raw=False, **kwargs):
    # An app counts once its first code is typed: until then it is only a QR code.
    if not raw and instance.confirmed and not instance._audit_was_confirmed:
        two_factor_changed(instance.user, f"{device_kind(instance)} added")


@receiver(post_delete, sender=TOTPDevice)
@receiver(post_delete, sender=WebAuthnCredential)
@receiver(post_delete, sender=StaticDevice)
def _device_removed(sender, instance, **kwargs):
    if instance.confirmed:
        two_factor_changed(instance.user, f"{device_kind(instance)} removed")
