"""Error pages (400, 403, 404, 500) are the site's own: its layout (skip link,
masthead, footer), a short helpful message and the right status code, and they leak
nothing (no traceback, exception text, settings, SQL, file paths, or request data
echoed back), with DEBUG off as in production.

Views that raise are added by this module, which is the URLconf of these tests: the
project's addresses, plus the raising views, with the project's error handlers."""

import re
import shutil

import pytest
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.db import ProgrammingError
from django.http import Http404
from django.test import Client
from django.urls import include, path

from newsroom import urls as project_urls
from tests.test_html_validity import VNU, nu_errors

# What raised exceptions say: none of it may reach a reader.
LEAKY = 'secret-exception-text <script>alert("leak")</script> /srv/newsroom/app.py'
LEAKY_SQL = "SELECT password FROM auth_user WHERE secret-sql-text"
SECRET_KEY = "secret-key-for-error-page-tests-7f3a9c"


def _raises(exception):
    def view(request):
        raise exception

    return view


urlpatterns = [
    path("test-errors/suspicious/", _raises(SuspiciousOperation(LEAKY))),
    path("test-errors/bad-request/", _raises(BadRequest(LEAKY))),
    path("test-errors/denied/", _raises(PermissionDenied(LEAKY))),
    path("test-errors/not-found/", _raises(Http404(LEAKY))),
    path("test-errors/crash/", _raises(RuntimeError(LEAKY))),
    path("test-errors/bad-sql/", _raises(ProgrammingError(LEAKY_SQL))),
    path("", include(project_urls)),
]
# The project's handlers (Django's defaults where it names none).
handler400 = getattr(project_urls, "handler400", "django.views.defaults.bad_request")
handler403 = getattr(
    project_urls, "handler403", "django.views.defaults.permission_denied"
)
handler404 = getattr(project_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = project_urls.handler500

MESSAGES = {
    400: "<h1>Bad request</h1>",
    403: "<h1>Access denied</h1>",
    404: "<h1>Page not found</h1>",
    500: "<h1>Something went wrong</h1>",
}


@pytest.fixture(autouse=True)
def _production_like(settings, db):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__
    settings.SECRET_KEY = SECRET_KEY


@pytest.fixture
def reader():
    # As a server would: an error becomes a page instead of failing the test.
    return Client(raise_request_exception=False)


def assert_leaks_nothing(response, settings):
    body = response.content.decode()
    for secret in (
        "secret-exception-text",
        "secret-sql-text",
        "SELECT",
        "/srv/newsroom",
        "<script>",
        "Traceback",
        'File "',
        "site-packages",
        SECRET_KEY,
        str(settings.BASE_DIR),
        "DEBUG",
        "urlpatterns",
        "URLconf",
    ):
        assert secret not in body, secret


def assert_site_error_page(response, status, settings, message=None):
    """The site's layout, the message for `status`, and nothing leaked."""
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert '<a class="skip-link" href="#main">Skip to content</a>' in body
    assert re.search(
        r'<header class="masthead">\s*<p class="masthead__name"><a href="/">', body
    )
    assert '<main id="main">' in body
    assert '<footer class="site-footer">' in body
    assert (message or MESSAGES[status]) in body
    assert_leaks_nothing(response, settings)


# 400


@pytest.mark.parametrize("kind", ["suspicious", "bad-request"])
def test_a_bad_request_is_the_sites_400_page(reader, settings, kind):
    response = reader.get(f"/test-errors/{kind}/")

    assert_site_error_page(response, 400, settings)
    assert "The Daily Test" in response.content.decode()


def test_a_request_for_a_host_the_site_does_not_serve_is_400_naming_no_address(
    reader, settings
):
    response = reader.get("/", headers={"host": "evil.example"})

    assert_site_error_page(response, 400, settings)
    # Links on the page are the site's own, never built on the host asked for.
    assert "evil.example" not in response.content.decode()


def test_too_many_query_parameters_on_a_public_page_is_400(reader, settings):
    fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    query = "&".join(f"f{number}=x" for number in range(fields))

    response = reader.get(f"/search/?q=harbour&{query}")

    assert_site_error_page(response, 400, settings)


# 403


def test_permission_denied_is_the_sites_403_page_without_its_message(reader, settings):
    response = reader.get("/test-errors/denied/")

    assert_site_error_page(response, 403, settings)
    assert "The Daily Test" in response.content.decode()


def test_a_csrf_failure_on_a_public_post_is_403_and_leaks_nothing(settings):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    response = client.post("/search/", {"q": "<script>alert(1)</script>"})

    assert response.status_code == 403
    body = response.content.decode()
    # The reason ("CSRF cookie not set.") is for the log only.
    assert "CSRF cookie not set" not in body
    for secret in ("<script>", "Traceback", SECRET_KEY, str(settings.BASE_DIR)):
        assert secret not in body


def test_a_csrf_failure_is_in_the_sites_layout(settings):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    response = client.post("/search/", {"q": "harbour"})

    assert_site_error_page(response, 403, settings, "This form has expired")


# 404


@pytest.mark.parametrize(
    "address",
    [
        "/no-such-section/",
        "/no-such-<script>alert(1)</script>/page/?q=<script>alert(2)</script>",
        "/test-errors/not-found/",
    ],
)
def test_a_missing_page_is_the_sites_404_page_echoing_nothing(
    reader, settings, address
):
    response = reader.get(address)

    assert_site_error_page(response, 404, settings)
    assert "The Daily Test" in response.content.decode()
    assert "alert(" not in response.content.decode()


def test_an_unknown_admin_address_tells_an_anonymous_visitor_nothing(reader, settings):
    for address in (
        f"/{settings.ADMIN_URL}no-such-page/",
        f"/{settings.ADMIN_URL}articles/article/999999/change/",
        f"/{settings.ADMIN_URL}auth/user/",
    ):
        response = reader.get(address)

        # Sent to sign in, whether the address exists or not.
        assert response.status_code == 302, address
        assert response["Location"].startswith(f"/{settings.ADMIN_URL}"), address
        assert response.content == b"", address


def test_an_unknown_admin_address_is_the_sites_404_for_staff(
    reader, settings, django_user_model
):
    staff = django_user_model.objects.create_user("desk", is_staff=True)
    reader.force_login(staff)

    response = reader.get(f"/{settings.ADMIN_URL}no-such-page/")

    assert_site_error_page(response, 404, settings)


# 500


@pytest.mark.parametrize("kind", ["crash", "bad-sql"])
def test_a_server_error_is_the_sites_500_page(reader, settings, kind):
    response = reader.get(f"/test-errors/{kind}/")

    assert_site_error_page(response, 500, settings)
    assert "The Daily Test" in response.content.decode()  # the site's own name
    assert "no-store" not in response.get("Cache-Control", "")  # only the 503's


# Valid HTML


def test_error_pages_pass_the_nu_html_checker(reader, settings, tmp_path):
    if not (VNU.exists() and shutil.which("java")):
        pytest.skip(f"The Nu HTML Checker needs Java and {VNU}: run `make test`.")
    pages = {
        "bad-request": ("/", {"host": "evil.example"}),
        "denied": ("/test-errors/denied/", {}),
        "not-found": ("/no-such-section/", {}),
        "crash": ("/test-errors/crash/", {}),
    }
    files = []
    for name, (address, headers) in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(reader.get(address, headers=headers).content)

    checker = ["java", "-jar", str(VNU), "--errors-only", "--format", "json"]
    assert nu_errors(checker, files) == []
