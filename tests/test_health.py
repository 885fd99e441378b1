"""`/healthz` answers for load balancers: 200 when the database, cache and storage
work, 503 naming the database or storage when either fails, 200 "degraded" when only
the cache does (pages are made without it), never an error page."""

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


def break_database(monkeypatch):
    monkeypatch.setattr("articles.health.connection", Down())


def break_storage(monkeypatch):
    monkeypatch.setattr("articles.health.default_storage", Down())


@pytest.mark.parametrize(
    ("failing", "breaking"), [("database", break_database), ("storage", break_storage)]
)
@pytest.mark.django_db
def test_a_failing_database_or_storage_is_named_with_a_503(
    client, monkeypatch, failing, breaking
):
    breaking(monkeypatch)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert {key for key, value in response.json().items() if value == "ok"} == (
        {"database", "cache", "storage"} - {failing}
    )


@pytest.mark.django_db
def test_a_failing_cache_is_degraded_and_keeps_the_server_in_service(
    client, cache_down, caplog
):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "degraded",
        "storage": "ok",
    }
    [warning] = [r for r in caplog.records if r.name == "articles.health"]
    assert warning.levelname == "WARNING"
    assert "ConnectionError" in warning.getMessage()


@pytest.mark.django_db
def test_a_cache_that_keeps_nothing_is_degraded(client, settings):
    # As one that has lost its server may answer: no error, but no value either.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }

    response = client.get("/healthz")

    assert (response.status_code, response.json()["cache"]) == (200, "degraded")


@pytest.mark.django_db
def test_a_failing_database_beside_a_failing_cache_is_still_a_503(
    client, monkeypatch, cache_down
):
    break_database(monkeypatch)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "database": "failing",
        "cache": "degraded",
        "storage": "ok",
    }


@pytest.mark.django_db
def test_only_reading_is_allowed(client):
    assert client.post("/healthz").status_code == 405
