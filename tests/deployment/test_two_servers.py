"""App servers keep nothing of their own: two gunicorn servers on one database, one
Redis (page cache and sessions) and one S3 endpoint answer alike, and a change made
through either is seen on both at once, page cache on."""

import re

import pytest

from articles.models import Article
from tests.conftest import code_of, signed_in_app
from tests.deployment.http import Visitor

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the servers read what the test commits
    pytest.mark.usefixtures("same_services_as_app_servers"),
]


def fetched(server, path: str, visitor=None) -> str:
    response = (visitor or Visitor()).get(server.url + path)
    assert response.status == 200, server.log.read_text()[-3000:]
    return response.text


def pictures(page: str) -> list[str]:
    return re.findall(r'<img [^>]*src="([^"]+)"', page)


def test_an_edit_is_seen_on_both_servers_at_once(app_servers, make_article, make_image):
    article = make_article(headline="Harbour reopens", featured_image=make_image())
    path = article.get_absolute_url()
    for server in app_servers * 2:  # the second round comes from the page cache
        assert "Harbour reopens" in fetched(server, path)

    article.headline = "Harbour reopens after the storm"
    article.save()

    pages = [fetched(server, path) for server in app_servers]
    assert all("Harbour reopens after the storm" in page for page in pages)
    first, second = (pictures(page) for page in pages)
    assert first == second != []
    assert Visitor().get(first[0]).status == 200  # from the one shared bucket


def test_an_editor_signed_in_on_one_server_works_on_the_other(
    app_servers, make_article, django_user_model
):
    user = django_user_model.objects.create_superuser(
        "editor", password="harbour-lights"
    )
    app = signed_in_app(user)
    article = make_article()
    path = article.get_absolute_url()
    first, second = app_servers
    editor = Visitor()
    login = f"{first.url}/admin/login/"
    fetched(first, "/admin/login/", editor)

    signed_in = editor.post(
        login,
        {
            "username": "editor",
            "password": "harbour-lights",
            "csrfmiddlewaretoken": editor.cookie("csrftoken"),
            "next": "/admin/",
        },
    )
    assert (signed_in.status, signed_in.headers["Location"]) == (302, "/admin/")
    second_step = editor.post(
        f"{first.url}/admin/two-factor/",
        {
            "code": code_of(app),
            "csrfmiddlewaretoken": editor.cookie("csrftoken"),
            "next": "/admin/",
        },
    )
    assert (second_step.status, second_step.headers["Location"]) == (302, "/admin/")
    changelist = "/admin/articles/article/"
    assert "Select article to change" in fetched(second, changelist, editor)
    assert fetched(first, path)  # cached while published

    unpublished = editor.post(
        second.url + changelist,
        {
            "action": "unpublish_selected",
            "_selected_action": article.pk,
            "index": 0,
            "csrfmiddlewaretoken": editor.cookie("csrftoken"),
        },
    )

    assert unpublished.status == 302
    assert Visitor().get(first.url + path).status == 404
    article.refresh_from_db()
    assert article.status != Article.Status.PUBLISHED
