import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.admin import two_factor as two_factor_pages

USERNAME = "demo-admin"


class Command(BaseCommand):
    help = (
        "Create (or reset) a local superuser for trying the admin, and print its login "
        "and recovery codes for the second step."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address", default="127.0.0.1:8000", help="Where the site is served."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_admin only runs with DJANGO_DEBUG=true: it prints a password."
            )
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        user.set_password(password)
        user.save()
        # Superusers sign in with a second step: recovery codes stand in for the
        # authenticator app a newcomer may not have at hand.
        codes = two_factor_pages.new_recovery_codes(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login {'created' if created else 'reset'}: user “{USERNAME}”, password “{password}” "
                f"at http://{options['address']}/{settings.ADMIN_URL}\n"
                f"Second step of the sign-in: one of these recovery codes (each works "
                f"once): {', '.join(codes)}"
            )
        )
