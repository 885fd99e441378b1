"""Real-browser tests: Playwright drives the system Chromium against pytest-django's live server.

Every test here is marked `browser` (deselect with `-m "not browser"`). A test fails if the
page logged a console error (a CSP violation is one), threw an uncaught error, or a request
to the live server failed or answered 400 or more. A failed test leaves a full-page
screenshot in `test-results/`.
"""

import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect, sync_playwright

from articles import two_factor
from tests.conftest import code_of, signed_in_app

# Debian's package: `playwright install` cannot download a browser here.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).parent
_log_key = pytest.StashKey["BrowserLog"]()
_reports_key = pytest.StashKey[dict[str, pytest.TestReport]]()


class BrowserLog:
    """Everything that went wrong in a page: console errors, uncaught errors, and
    requests to the live server that failed or answered 400 or more."""

    def __init__(self, page, origin: str):
        self.page = page
        self.problems: list[str] = []
        self._origin = urlsplit(origin)[:2]
        page.on("console", self._console)
        page.on("pageerror", self._page_error)
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def _watched(self, url: str) -> bool:
        return urlsplit(url)[:2] == self._origin

    def _console(self, message):
        url = message.location["url"]  # empty for CSP violations
        if message.type == "error":
            self.problems.append(
                f"console error: {message.text}" + (f" ({url})" if url else "")
            )

    def _page_error(self, error):
        self.problems.append(f"uncaught error: {error}")

    def _request_failed(self, request):
        # ERR_ABORTED is the browser dropping a load because the test navigated away.
        if self._watched(request.url) and request.failure != "net::ERR_ABORTED":
            self.problems.append(
                f"request failed: {request.method} {request.url} ({request.failure})"
            )

    def _response(self, response):
        if self._watched(response.url) and response.status >= 400:
            self.problems.append(
                f"HTTP {response.status}: {response.request.method} {response.url}"
            )

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems

    def check(self, when: str):
        if problems := self.take():
            pytest.fail(
                f"the browser reported {when}:\n  " + "\n  ".join(problems),
                pytrace=False,
            )


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself, not its teardown, when the browser reported problems."""
    log = item.stash.get(_log_key, None)
    if log is None:
        return (yield)
    try:
        result = yield
    except BaseException:
        # The test failed anyway: show what the browser saw beside its own failure.
        if problems := log.take():
            item.add_report_section("call", "browser", "\n".join(problems))
        raise
    log.page.evaluate("0")  # a round trip, so events already sent get dispatched
    log.check("during the test")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_reports_key, {})[report.when] = report
    return report


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} is missing, so the browser tests cannot run: install it with "
            "`apt-get install chromium` (`make test` does that when run as root)."
        )
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API keeps an asyncio loop running in this thread from here to
        # the end of the session, so Django's async-safety check would refuse every ORM
        # call made by the tests that follow. Nothing is concurrent: the live server
        # answers from its own thread.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


@pytest.fixture
def page(request, browser, live_server, settings):
    # tests/conftest.py narrows ALLOWED_HOSTS to the test client's host names.
    settings.ALLOWED_HOSTS = [
        *settings.ALLOWED_HOSTS,
        urlsplit(live_server.url).hostname,
    ]
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    log = request.node.stash[_log_key] = BrowserLog(page, live_server.url)

    yield page

    call = request.node.stash.get(_reports_key, {}).get("call")
    if call is not None and call.failed:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        page.screenshot(
            path=request.config.rootpath / "test-results" / f"{name}.png",
            full_page=True,
        )
    context.close()
    _join_request_threads()
    log.check("after the test")  # whatever arrived too late for pytest_runtest_call


def _join_request_threads(timeout: float = 10) -> None:
    """Wait for requests the page started (an autosave fired by the last keystroke, say)
    to finish on the live server: the next test's database flush would race their
    writes, which PostgreSQL ends as a deadlock. Closing the browser context closed the
    connections; the server answers each in a thread of its own, daemonic, so it keeps
    no list of them (socketserver's ThreadingMixIn): they are found by their target."""
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout)


def log_in(page, user) -> None:
    """Sign `user` (password "password", as pytest-django's admin_user and the roles'
    users have) into the admin through its forms: for editors and superusers, with
    the code of an authenticator app set up for them as the second step."""
    second_step = two_factor.required_for(user)
    if second_step:
        device = signed_in_app(user)
        # A code counts once: a second sign-in within its 30 s may use it again here.
        device.last_t = -1
        device.save(update_fields=["last_t"])
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    if second_step:
        page.get_by_label("Code from your authenticator app, or a recovery code").fill(
            code_of(device)
        )
        page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("admin:index")) + "$"))


@pytest.fixture
def admin_page(page, admin_user):
    """`page`, logged into the admin through its login form as a superuser."""
    log_in(page, admin_user)
    return page
