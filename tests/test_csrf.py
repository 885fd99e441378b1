"""CSRF on every state-changing request: with the token checks a browser gets
(`Client(enforce_csrf_checks=True)`), a POST without the token is refused with 403 and
writes nothing, and the same POST with the token goes through (so these tests can fail).

What is covered, and how it stays complete:
- no view of the site is exempt from the check (every URL pattern is walked);
- every registered ModelAdmin's add, change and delete views and every changelist
  action (read from `admin.site._registry`);
- every custom admin URL that takes a POST (preview, share links, autosave, presence,
  the chooser's upload, restore, ...); a new admin URL fails
  `test_every_admin_url_is_classified` until it is listed here;
- sign-in, sign-out and password forms;
- the public site: its forms are GET-only, and a POST there without a token is refused.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from articles import presence
from articles.models import (
    Agency,
    Article,
    AuditEvent,
    Author,
    FrontPagePin,
    Image,
    Photographer,
    Section,
    Tag,
)
from tests.helpers import (
    admin_url,
    image_bytes,
    image_change_data,
    image_form_data,
    upload,
)
from tests.workflow_helpers import change_form_data

pytest_plugins = ["tests.roles"]

TOKEN_FIELD = "csrfmiddlewaretoken"


# What the database holds, to compare before and after ---------------------------------


def database_state() -> dict[str, list[dict]]:
    """Every row of every table (sessions aside: signing in writes those)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model is not Session
    }


def changed_tables(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after[label]]


# One of everything the admin manages ---------------------------------------------------


@dataclass
class World:
    superuser: User
    other_user: User
    group: Group
    story: Article  # a draft, created by a reporter
    review_story: Article
    image: Image
    agency: Agency
    photographer: Photographer
    author: Author
    section: Section
    tag: Tag
    pin: FrontPagePin
    audit_event: AuditEvent
    objects: dict = field(default_factory=dict)  # model -> a row of it

    def pk_of(self, model) -> str:
        obj = self.objects.get(model)
        # Rows of models nobody here makes (task results): the check comes first anyway.
        return (
            str(obj.pk) if obj is not None else "00000000-0000-0000-0000-000000000001"
        )


@pytest.fixture
def world(make_user, make_story, make_agency, make_photographer, make_author):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    superuser = make_user("superuser", "chief")
    reporter = make_user("reporter", "rita")
    story = make_story("draft", created_by=reporter, headline="Draft story")
    review_story = make_story("review", created_by=reporter, headline="For review")
    image = story.featured_image
    # A second version of the picture, so that there is one to restore.
    image.caption = "Harbour at dusk"
    image.save()
    agency = make_agency("Wire Pictures 2")
    photographer = make_photographer("Hassan Ammar", agency=agency)
    author = make_author("Jane Reporter")
    tag = Tag.objects.create(name="Harbours")
    pin = FrontPagePin.objects.create(article=review_story, position=1)
    audit_event = AuditEvent.objects.create(kind=AuditEvent.Kind.SIGNED_IN)
    axes_fields = {"user_agent": "test", "http_accept": "*/*", "path_info": "/admin/"}
    built = World(
        superuser=superuser,
        other_user=reporter,
        group=Group.objects.get(name="Reporter"),
        story=story,
        review_story=review_story,
        image=image,
        agency=agency,
        photographer=photographer,
        author=author,
        section=story.section,
        tag=tag,
        pin=pin,
        audit_event=audit_event,
    )
    built.objects = {
        Group: built.group,
        User: reporter,
        Article: story,
        Image: image,
        Agency: agency,
        Photographer: photographer,
        Author: author,
        Section: story.section,
        Tag: tag,
        FrontPagePin: pin,
        AuditEvent: audit_event,
        story.image_uses.model: story.image_uses.first(),
        AccessAttempt: AccessAttempt.objects.create(
            **axes_fields, get_data="", post_data="", failures_since_start=1
        ),
        AccessLog: AccessLog.objects.create(**axes_fields),
        AccessFailureLog: AccessFailureLog.objects.create(**axes_fields),
    }
    return built


@pytest.fixture
def csrf_client(world) -> Client:
    """A superuser's browser: token checks on, signed in (as a full sign-in)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.superuser)
    return client


def form_token(client: Client, url: str) -> str:
    """The token a GET of the form at `url` puts in it (and sets the cookie for)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    found = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', response.text)
    assert found, f"no CSRF token in the form at {url}"
    return found.group(1)


def cookie_token(client: Client) -> str:
    """The token a page's script sends as X-CSRFToken: any admin page sets the cookie."""
    client.get(reverse("admin:index"))
    return client.cookies[settings.CSRF_COOKIE_NAME].value


def refused_by_the_csrf_check(caplog) -> bool:
    """Whether CsrfViewMiddleware refused the request (it logs why; the page it answers
    is the site's own 403 page, which says nothing of the kind)."""
    return any(
        record.name == "django.security.csrf" and record.levelname == "WARNING"
        for record in caplog.records
    )


# Every admin endpoint that takes a POST ------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    name: str
    url: Callable[[World], str]
    data: Callable[[World], dict] = lambda world: {}
    # For the "with a token" half: where the token comes from (a form's URL, or None
    # for the cookie sent as a header, as the admin's scripts do), and what it did.
    form: Callable[[World], str] | None = None
    header: bool = False
    accepted: Callable[[World], bool] | None = None
    anonymous: bool = False


def _admin_view(model, view: str) -> Callable[[World], str]:
    info = (model._meta.app_label, model._meta.model_name)
    if view in ("changelist", "add"):
        return lambda world: reverse("admin:{}_{}_{}".format(*info, view))
    return lambda world: reverse(
        "admin:{}_{}_{}".format(*info, view), args=[world.pk_of(model)]
    )


def registry_endpoints() -> list[Endpoint]:
    """Add, change and delete of every registered model, and each changelist action."""
    endpoints = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        endpoints += [
            Endpoint(
                f"{label} add", _admin_view(model, "add"), lambda w: {"name": "x"}
            ),
            Endpoint(f"{label} change", _admin_view(model, "change")),
            Endpoint(
                f"{label} delete",
                _admin_view(model, "delete"),
                lambda w: {"post": "yes"},
            ),
        ]
        for location in ActionLocation:
            for action in model_admin._get_base_actions(location):
                on_form = location == ActionLocation.CHANGE_FORM
                endpoints.append(
                    Endpoint(
                        f"{label} {'change form' if on_form else 'list'} action "
                        f"{action.name}",
                        _admin_view(model, "change" if on_form else "changelist"),
                        lambda w, name=action.name, model=model, on_form=on_form: {
                            ("CHANGE_FORM-action" if on_form else "action"): name,
                            "_selected_action": [w.pk_of(model)],
                            "post": "yes",
                            "apply": "1",
                            "change_licence": "on",
                            "licence": "royalty_free",
                        },
                    )
                )
    return endpoints


def _article_url(name: str, *extra) -> Callable[[World], str]:
    return lambda world: reverse(
        f"admin:articles_article_{name}", args=[world.story.pk, *extra]
    )


def _working_copy_kept(world: World) -> bool:
    WorkingCopy = apps.get_model("articles", "WorkingCopy")
    return WorkingCopy.objects.filter(user=world.superuser).exists()


def _live_link_pk(world: World) -> int:
    from articles import previews

    return previews.share(world.story, user=world.superuser).pk


def _oldest_version(model_name: str, obj_of: Callable[[World], object]):
    def url(world: World) -> str:
        obj = obj_of(world)
        oldest = obj.history.order_by("history_id").first()
        return reverse(
            f"admin:articles_{model_name}_restore", args=[obj.pk, oldest.history_id]
        )

    return url


def _code(world: World) -> dict:
    return {"code": "123456"}


# The admin's own URLs (ArticleAdmin.get_urls, ImageAdmin.get_urls, the site's) and
# a representative subset of the registry's, each with a post that changes something.
CUSTOM_ENDPOINTS = [
    Endpoint(
        "article change (edit the headline)",
        lambda w: admin_url(Article, "change", w.story.pk),
        lambda w: change_form_data(w.story, headline="Edited by a forged post"),
        form=lambda w: admin_url(Article, "change", w.story.pk),
        accepted=lambda w: Article.objects.filter(
            headline="Edited by a forged post"
        ).exists(),
    ),
    Endpoint(
        "article delete",
        lambda w: admin_url(Article, "delete", w.story.pk),
        lambda w: {"post": "yes"},
        form=lambda w: admin_url(Article, "delete", w.story.pk),
        accepted=lambda w: not Article.objects.filter(pk=w.story.pk).exists(),
    ),
    Endpoint(
        "article bulk action publish_selected",
        lambda w: admin_url(Article),
        lambda w: {
            "action": "publish_selected",
            "_selected_action": [w.review_story.pk],
        },
        form=lambda w: admin_url(Article) + "?mine=no",
        accepted=lambda w: (
            Article.objects.published().filter(pk=w.review_story.pk).exists()
        ),
    ),
    Endpoint(
        "image bulk credit and rights change",
        lambda w: admin_url(Image),
        lambda w: {
            "action": "change_credits_and_rights",
            "_selected_action": [w.image.pk],
            "apply": "1",
            "change_agency": "on",
            "agency": w.agency.pk,
        },
        form=lambda w: admin_url(Image),
        accepted=lambda w: Image.objects.filter(
            pk=w.image.pk, agency=w.agency
        ).exists(),
    ),
    Endpoint(
        "image re-read embedded metadata",
        lambda w: admin_url(Image),
        lambda w: {
            "action": "reread_embedded_metadata",
            "_selected_action": [w.image.pk],
        },
        form=lambda w: admin_url(Image),
        # It logs what it read; with nothing embedded, the row itself may not change.
        accepted=None,
    ),
    Endpoint(
        "image focal point",
        lambda w: admin_url(Image, "change", w.image.pk),
        lambda w: image_change_data(w.image, focal_x="0.2", focal_y="0.8"),
        form=lambda w: admin_url(Image, "change", w.image.pk),
        accepted=lambda w: Image.objects.get(pk=w.image.pk).focal_x == 0.2,
    ),
    Endpoint(
        "image chooser upload",
        lambda w: reverse("admin:articles_image_chooser"),
        lambda w: image_form_data(
            alt_text="Uploaded through the chooser",
            file=upload(content=image_bytes(color=(10, 200, 30))),
        ),
        form=lambda w: reverse("admin:articles_image_chooser"),
        accepted=lambda w: Image.objects.filter(
            alt_text="Uploaded through the chooser"
        ).exists(),
    ),
    Endpoint(
        "image add",
        lambda w: admin_url(Image, "add"),
        lambda w: image_form_data(
            alt_text="Uploaded on the add page",
            file=upload(content=image_bytes(color=(30, 10, 200))),
        ),
        form=lambda w: admin_url(Image, "add"),
        accepted=lambda w: Image.objects.filter(
            alt_text="Uploaded on the add page"
        ).exists(),
    ),
    Endpoint(
        "image restore version",
        _oldest_version("image", lambda w: w.image),
        form=_oldest_version("image", lambda w: w.image),
        accepted=lambda w: (
            Image.objects.get(pk=w.image.pk).caption == "Harbour at dawn"
        ),
    ),
    Endpoint(
        "article restore version",
        _oldest_version("article", lambda w: w.story),
        form=_oldest_version("article", lambda w: w.story),
        accepted=lambda w: w.story.history.count() > 1,
    ),
    Endpoint(
        "article preview (the form posted, nothing saved)",
        _article_url("preview"),
        lambda w: change_form_data(w.story),
        header=True,
    ),
    Endpoint(
        "article share preview link",
        _article_url("share_preview"),
        form=lambda w: admin_url(Article, "change", w.story.pk),
        accepted=lambda w: w.story.preview_links.exists(),
    ),
    Endpoint(
        "article revoke preview link",
        lambda w: reverse(
            "admin:articles_article_revoke_preview",
            args=[w.story.pk, _live_link_pk(w)],
        ),
        form=lambda w: admin_url(Article, "change", w.story.pk),
        accepted=lambda w: (
            not w.story.preview_links.filter(revoked_at__isnull=True).exists()
        ),
    ),
    Endpoint(
        "article autosave",
        _article_url("autosave"),
        lambda w: {"headline": "Kept in a working copy"},
        header=True,
        accepted=_working_copy_kept,
    ),
    Endpoint(
        "new article autosave",
        lambda w: reverse("admin:articles_article_autosave_add"),
        lambda w: {"headline": "Kept in a working copy"},
        header=True,
        accepted=_working_copy_kept,
    ),
    Endpoint("article autosave discard", _article_url("autosave_discard"), header=True),
    Endpoint(
        "new article autosave discard",
        lambda w: reverse("admin:articles_article_autosave_discard_add"),
        header=True,
    ),
    Endpoint(
        "article presence",
        _article_url("presence"),
        header=True,
        accepted=lambda w: bool(presence.also_open_by(w.story.pk, w.other_user)),
    ),
    Endpoint(
        "article body pictures (no write)",
        lambda w: reverse("admin:articles_article_body_pictures"),
        lambda w: {"body": "<p>Text.</p>"},
        header=True,
    ),
    Endpoint(
        "front-page pin add",
        lambda w: admin_url(FrontPagePin, "add"),
        lambda w: {"article": w.story.pk, "position": "0"},
        form=lambda w: admin_url(FrontPagePin, "add"),
        accepted=lambda w: FrontPagePin.objects.filter(article=w.story).exists(),
    ),
    Endpoint(
        "user change password",
        lambda w: reverse("admin:auth_user_password_change", args=[w.other_user.pk]),
        lambda w: {
            "password1": "a new long passphrase 42",
            "password2": "a new long passphrase 42",
            "usable_password": "true",
        },
        form=lambda w: reverse(
            "admin:auth_user_password_change", args=[w.other_user.pk]
        ),
        accepted=lambda w: User.objects.get(pk=w.other_user.pk).check_password(
            "a new long passphrase 42"
        ),
    ),
    Endpoint(
        "group add",
        lambda w: reverse("admin:auth_group_add"),
        lambda w: {"name": "Night desk"},
        form=lambda w: reverse("admin:auth_group_add"),
        accepted=lambda w: Group.objects.filter(name="Night desk").exists(),
    ),
    Endpoint(
        "own password change",
        lambda w: reverse("admin:password_change"),
        lambda w: {
            "old_password": "password",
            "new_password1": "a new long passphrase 42",
            "new_password2": "a new long passphrase 42",
        },
        form=lambda w: reverse("admin:password_change"),
        accepted=lambda w: User.objects.get(pk=w.superuser.pk).check_password(
            "a new long passphrase 42"
        ),
    ),
    Endpoint(
        "sign out",
        lambda w: reverse("admin:logout"),
        form=lambda w: reverse("admin:index"),  # the header's sign-out form
    ),
    # Two-factor sign-in (being added): the second step, setting up a device, new
    # recovery codes, and the passkey ceremonies' JSON endpoints.
    Endpoint("two-factor verify", lambda w: reverse("admin:two_factor_verify"), _code),
    Endpoint("two-factor setup", lambda w: reverse("admin:two_factor_setup"), _code),
    Endpoint(
        "two-factor new recovery codes",
        lambda w: reverse("admin:two_factor_recovery_codes"),
    ),
    *(
        Endpoint(f"passkey {name}", lambda w, name=name: reverse(name))
        for name in [
            "otp_webauthn:credential-registration-begin",
            "otp_webauthn:credential-registration-complete",
            "otp_webauthn:credential-authentication-begin",
            "otp_webauthn:credential-authentication-complete",
        ]
    ),
    Endpoint(
        "password reset: set the new password",
        lambda w: reverse("password_reset_confirm", args=["MQ", "set-password"]),
        lambda w: {
            "new_password1": "a new long passphrase 42",
            "new_password2": "a new long passphrase 42",
        },
        anonymous=True,
    ),
    Endpoint(
        "sign in",
        lambda w: reverse("admin:login"),
        lambda w: {"username": "chief", "password": "password"},
        anonymous=True,
    ),
    Endpoint(
        "password reset by email",
        lambda w: reverse("admin_password_reset"),
        lambda w: {"email": "chief@example.com"},
        anonymous=True,
    ),
]

ALL_ENDPOINTS = registry_endpoints() + CUSTOM_ENDPOINTS
WITH_TOKEN = [e for e in CUSTOM_ENDPOINTS if e.form or e.header]


@pytest.mark.parametrize("endpoint", ALL_ENDPOINTS, ids=lambda e: e.name)
def test_a_post_without_the_token_is_refused_and_writes_nothing(
    world, endpoint, caplog
):
    client = Client(enforce_csrf_checks=True)
    if endpoint.anonymous:
        world.superuser.email = "chief@example.com"
        world.superuser.save()
    else:
        client.force_login(world.superuser)
        client.get(reverse("admin:index"))  # the browser holds a CSRF cookie
        assert client.cookies.get(settings.CSRF_COOKIE_NAME)
    url = endpoint.url(world)
    before = database_state()

    response = client.post(url, endpoint.data(world))

    assert response.status_code == 403, (url, response.status_code)
    assert refused_by_the_csrf_check(caplog), "a 403, but not the CSRF check's"
    assert changed_tables(before, database_state()) == []
    assert not presence.also_open_by(world.story.pk, world.other_user)
    assert mail.outbox == []


@pytest.mark.parametrize("endpoint", WITH_TOKEN, ids=lambda e: e.name)
def test_the_same_post_with_the_token_is_accepted(csrf_client, world, endpoint):
    url = endpoint.url(world)
    data = endpoint.data(world)
    if endpoint.header:
        headers = {"X-CSRFToken": cookie_token(csrf_client)}
    else:
        data = {**data, TOKEN_FIELD: form_token(csrf_client, endpoint.form(world))}
        headers = {}
    before = database_state()

    response = csrf_client.post(url, data, headers=headers)

    assert response.status_code in (200, 204, 302), (url, response.status_code)
    if response.status_code == 200 and "errornote" in response.text:
        errors = re.findall(r'class="errorlist[^>]*>(.*?)</ul>', response.text, re.S)
        pytest.fail(f"{endpoint.name}: the form was refused: {errors}")
    if endpoint.accepted is not None:
        assert endpoint.accepted(world), f"{endpoint.name} did nothing"
    if endpoint.accepted is not None and endpoint.name != "article presence":
        assert changed_tables(before, database_state())


def test_without_the_cookie_a_posted_token_is_refused(csrf_client, world, caplog):
    """A token from another browser (or a stale page) is no use without its cookie."""
    token = form_token(csrf_client, admin_url(Article, "delete", world.story.pk))
    csrf_client.cookies.pop(settings.CSRF_COOKIE_NAME)

    response = csrf_client.post(
        admin_url(Article, "delete", world.story.pk),
        {"post": "yes", TOKEN_FIELD: token},
    )

    assert response.status_code == 403
    assert refused_by_the_csrf_check(caplog)
    assert Article.objects.filter(pk=world.story.pk).exists()


def test_a_wrong_header_token_is_refused(csrf_client, world, caplog):
    cookie_token(csrf_client)

    response = csrf_client.post(
        reverse("admin:articles_article_autosave", args=[world.story.pk]),
        {"headline": "Forged"},
        headers={"X-CSRFToken": "x" * 32},
    )

    assert response.status_code == 403
    assert refused_by_the_csrf_check(caplog)
    assert not apps.get_model("articles", "WorkingCopy").objects.exists()


# Completeness ----------------------------------------------------------------------


def _patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name, pattern.callback


def test_no_view_of_the_site_is_exempt_from_the_check():
    exempt = [
        route
        for route, _name, callback in _patterns()
        if getattr(callback, "csrf_exempt", False)
    ]
    assert exempt == []


# Admin URLs that answer GET only (a POST to them changes nothing; the middleware
# refuses it anyway), and the registry's standard views, covered above.
GET_ONLY_ADMIN_URLS = {
    "admin:index",
    "admin:app_list",
    "admin:autocomplete",
    "admin:jsi18n",
    "admin:view_on_site",
    "admin:password_change_done",
    "admin:articles_article_featured_credit",
    "admin:articles_article_share_card_picture",
    "admin:articles_article_versions",
    "admin:articles_article_compare",
    "admin:articles_image_versions",
    "admin:articles_image_compare",
    "admin:articles_image_original",
    "admin:articles_image_report",
    "admin:otp_totp_totpdevice_config",
    "admin:otp_totp_totpdevice_qrcode",
    "admin_password_reset",  # POST, covered; the pages after it are GET only
    "password_reset_done",
    "password_reset_complete",
    "otp_webauthn:js-i18n-catalog",
}
STANDARD_SUFFIXES = ("_changelist", "_add", "_change", "_delete", "_history")
POST_URLS_COVERED = {
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "admin:auth_user_password_change",
    "admin:articles_article_body_pictures",
    "admin:articles_article_preview",
    "admin:articles_article_share_preview",
    "admin:articles_article_revoke_preview",
    "admin:articles_article_autosave_add",
    "admin:articles_article_autosave_discard_add",
    "admin:articles_article_autosave",
    "admin:articles_article_autosave_discard",
    "admin:articles_article_presence",
    "admin:articles_article_restore",
    "admin:articles_image_restore",
    "admin:articles_image_chooser",
    "admin:two_factor_verify",
    "admin:two_factor_setup",
    "admin:two_factor_recovery_codes",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "password_reset_confirm",
}


def test_every_admin_url_is_classified():
    """A new admin URL must be added to the endpoints above (or to the GET-only list)."""
    unclassified = [
        name
        for route, name, _callback in _patterns()
        if name
        and route.startswith(settings.ADMIN_URL)
        and name not in GET_ONLY_ADMIN_URLS | POST_URLS_COVERED
        and not name.endswith(STANDARD_SUFFIXES)
    ]
    assert unclassified == []


# The public site --------------------------------------------------------------------


@pytest.fixture
def public_pages(make_story, make_author):
    live = make_story("live", authors=[make_author("Jane Reporter", slug="jane")])
    live.tags.add("Harbours")
    return [
        reverse("articles:home"),
        reverse("articles:search") + "?q=harbour",
        live.get_absolute_url(),
        reverse("articles:section_detail", args=[live.section.slug]),
        reverse("articles:tag_detail", args=[live.tags.get().slug]),
        reverse("articles:author_detail", args=["jane"]),
    ]


def test_the_public_pages_forms_are_get_only(client, public_pages):
    for url in public_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = lxml.html.fromstring(response.content)
        methods = [(form.get("method") or "get").lower() for form in page.forms]
        assert set(methods) <= {"get"}, (url, methods)


def test_a_post_to_a_public_page_without_a_token_is_refused(public_pages, caplog):
    client = Client(enforce_csrf_checks=True)
    before = database_state()
    for url in public_pages:
        caplog.clear()
        assert client.post(url, {"q": "x"}).status_code == 403, url
        assert refused_by_the_csrf_check(caplog), url
    assert changed_tables(before, database_state()) == []
