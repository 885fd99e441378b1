"""A reader or an editor talking HTTP to servers the tests started: cookies are kept for
the host whatever the port (as behind one load balancer), redirects are not followed."""

from dataclasses import dataclass
from email.message import Message
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import (
    HTTPCookieProcessor,
    HTTPRedirectHandler,
    Request,
    build_opener,
)


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode()


class _NotFollowed(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect is the response


class Visitor:
    def __init__(self):
        self.cookies = CookieJar()
        self._opener = build_opener(HTTPCookieProcessor(self.cookies), _NotFollowed)

    def get(self, url: str) -> Response:
        return self._send(url)

    def post(self, url: str, data: dict) -> Response:
        return self._send(url, data=urlencode(data, doseq=True).encode())

    def cookie(self, name: str) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == name)

    def _send(self, url: str, **options) -> Response:
        request = Request(url, **options)  # noqa: S310 (servers the tests started)
        try:
            with self._opener.open(request, timeout=30) as response:
                return Response(response.status, response.headers, response.read())
        except HTTPError as error:
            with error:
                return Response(error.code, error.headers, error.read())
