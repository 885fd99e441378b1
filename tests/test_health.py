"""`/healthz` answers for load balancers: 200 when the database, cache and storage
work, 503 naming what fails, never an error page."""

import pytest


@pytest.mark.django_db
def test_healthy_server_says_ok_and_is_never_cached(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
    }
    assert "no-store" in response["Cache-Control"]


class Down:
    """A database connection or storage whose every call fails."""

    def __getattr__(self, name):
        def broken(*args, **kwargs):
            raise OSError(f"{name}: down")

        return broken


def break_database(monkeypatch, settings):
    monkeypatch.setattr("articles.health.connection", Down())


def break_cache(monkeypatch, settings):
    # A cache that keeps nothing, as one that has lost its server answers.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }


def break_storage(monkeypatch, settings):
    monkeypatch.setattr("articles.health.default_storage", Down())


@pytest.mark.parametrize(
    ("failing", "breaking"),
    [("database", break_database), ("cache", break_cache), ("storage", break_storage)],
)
@pytest.mark.django_db
def test_a_failing_dependency_is_named_with_a_503(
    client, monkeypatch, settings, failing, breaking
):
    breaking(monkeypatch, settings)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert {key for key, value in response.json().items() if value == "ok"} == (
        {"database", "cache", "storage"} - {failing}
    )


@pytest.mark.django_db
def test_only_reading_is_allowed(client):
    assert client.post("/healthz").status_code == 405
