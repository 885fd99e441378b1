"""Optimistic locking: no save overwrites another made after its copy of the story was
loaded, by any write path, in one process or several."""

import os
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.locking import StaleArticle
from articles.models import Article
from tests.helpers import admin_url, article_form_data

pytest_plugins = ["tests.two_editors"]

ROOT = Path(__file__).resolve().parent.parent
LONDON = ZoneInfo("Europe/London")


def save_as(article, user, **changes):
    for name, value in changes.items():
        setattr(article, name, value)
    article._history_user = user  # what the admin's request sets
    article.save()


def test_save_from_an_older_copy_is_refused_naming_who_saved_and_when(
    make_article, jane, sam
):
    story = make_article(headline="Original")
    mine = Article.objects.get(pk=story.pk)
    theirs = Article.objects.get(pk=story.pk)
    save_as(theirs, jane, headline="Jane's headline")

    with pytest.raises(StaleArticle) as refused:
        save_as(mine, sam, headline="Sam's headline")

    saved_at = story.history.latest("history_date").history_date
    assert refused.value.saved_by == jane
    assert str(refused.value) == (
        f"Jane Editor saved this story at {saved_at.astimezone(LONDON):%H:%M}, after you opened it."
    )
    stored = Article.objects.get(pk=story.pk)
    assert (stored.headline, stored.version) == ("Jane's headline", story.version + 1)
    assert story.history.count() == 2  # created, Jane's save; Sam's left no trace
    assert mine.version == story.version  # unchanged, so a retry is refused too


def test_a_refused_save_can_be_made_again_from_the_stored_story(make_article, jane):
    story = make_article()
    stale = Article.objects.get(pk=story.pk)
    save_as(Article.objects.get(pk=story.pk), jane, headline="First")
    with pytest.raises(StaleArticle):
        save_as(stale, jane, headline="Second")

    fresh = Article.objects.get(pk=story.pk)
    save_as(fresh, jane, headline="Second")

    assert Article.objects.get(pk=story.pk).headline == "Second"


def test_saves_in_turn_from_the_same_instance_all_go_through(make_article):
    story = make_article()
    for headline in ["One", "Two", "Three"]:
        story.headline = headline
        story.save()

    assert Article.objects.get(pk=story.pk).headline == "Three"
    assert Article.objects.get(pk=story.pk).version == 4


def test_a_bulk_update_makes_copies_loaded_before_it_stale(make_article):
    story = make_article(headline="Original")
    loaded = Article.objects.get(pk=story.pk)
    Article.objects.filter(pk=story.pk).update(headline="Changed in bulk")

    with pytest.raises(StaleArticle) as refused:
        save_as(loaded, None, headline="Overwrite")

    assert str(refused.value).startswith("Someone saved this story at ")
    assert Article.objects.get(pk=story.pk).headline == "Changed in bulk"


def test_the_message_gives_the_date_when_the_other_save_was_another_day(
    make_article, jane
):
    story = make_article()
    loaded = Article.objects.get(pk=story.pk)
    save_as(Article.objects.get(pk=story.pk), jane, headline="Earlier")
    story.history.update(history_date=datetime(2024, 3, 3, 14, 2, tzinfo=LONDON))

    with pytest.raises(
        StaleArticle,
        match=r"^Jane Editor saved this story at 14:02 on 3 March, after you opened it\.$",
    ):
        save_as(loaded, None, headline="Later")


def form_opened_at(article, **changes) -> dict:
    """What the article's form posts, opened when the story was as `article` is."""
    return article_form_data(
        article.section, slug=article.slug, version=article.version, **changes
    )


def test_the_form_carries_the_version_it_was_opened_at(jane_client, make_article):
    story = make_article()
    Article.objects.filter(pk=story.pk).update(headline="Moved on")  # version 2

    response = jane_client.get(admin_url(Article, "change", story.pk))

    assertContains(
        response,
        '<input type="hidden" name="version" value="2" id="id_version">',
        html=True,
    )


def test_second_save_from_the_same_version_is_refused_and_keeps_the_input(
    jane_client, sam_client, make_article
):
    story = make_article(headline="Original")
    jane_client.get(admin_url(Article, "change", story.pk))
    sam_client.get(admin_url(Article, "change", story.pk))

    jane_saves = jane_client.post(
        admin_url(Article, "change", story.pk),
        form_opened_at(story, headline="Jane's headline"),
    )
    sam_saves = sam_client.post(
        admin_url(Article, "change", story.pk),
        form_opened_at(story, headline="Sam's headline", standfirst="Sam's standfirst"),
    )

    assert jane_saves.status_code == 302
    assert sam_saves.status_code == 200
    saved_at = story.history.latest("history_date").history_date
    history = reverse("admin:articles_article_history", args=[story.pk])
    assertContains(
        sam_saves,
        f"<li>Jane Editor saved this story at {saved_at.astimezone(LONDON):%H:%M}, after you "
        "opened it. Your changes are still in the form: copy what you need, then reload "
        f'to see theirs. <a href="{history}">See their version in the story’s history</a>.</li>',
        html=True,
    )
    assertContains(
        sam_saves,
        '<input type="text" name="headline" value="Sam&#x27;s headline" class="vTextField" '
        'maxlength="250" required id="id_headline">',
        html=True,
    )
    assertContains(sam_saves, "Sam&#x27;s standfirst</textarea>")
    # Still the version Sam opened: saving again is refused again, until he reloads.
    assertContains(
        sam_saves,
        '<input type="hidden" name="version" value="1" id="id_version">',
        html=True,
    )
    stored = Article.objects.get(pk=story.pk)
    assert (stored.headline, stored.version) == ("Jane's headline", 2)
    assert story.history.count() == 2


def test_saving_from_the_current_version_goes_through(sam_client, make_article):
    story = make_article(headline="Original")
    Article.objects.filter(pk=story.pk).update(headline="Moved on")
    story.refresh_from_db()

    response = sam_client.post(
        admin_url(Article, "change", story.pk), form_opened_at(story, headline="Mine")
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=story.pk).headline == "Mine"


def test_a_form_opened_before_a_bulk_change_is_refused(sam_client, make_article):
    story = make_article(headline="Original")
    opened = Article.objects.get(pk=story.pk)
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)

    response = sam_client.post(
        admin_url(Article, "change", story.pk), form_opened_at(opened, headline="Mine")
    )

    assertContains(response, "Someone saved this story at ")
    assert Article.objects.get(pk=story.pk).headline == "Original"


def _save_in_thread(pk, headline, barrier, outcomes):
    try:
        article = Article.objects.get(pk=pk)
        barrier.wait()
        article.headline = headline
        article.save()
        outcomes.append(("saved", headline))
    except StaleArticle:
        outcomes.append(("refused", headline))
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_two_threads_saving_the_same_version_one_is_refused(make_article):
    story = make_article(headline="Original")
    barrier = threading.Barrier(2)
    outcomes = []
    threads = [
        threading.Thread(
            target=_save_in_thread, args=(story.pk, headline, barrier, outcomes)
        )
        for headline in ["From thread A", "From thread B"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcome for outcome, _ in outcomes) == ["refused", "saved"]
    winner = next(headline for outcome, headline in outcomes if outcome == "saved")
    stored = Article.objects.get(pk=story.pk)
    assert (stored.headline, stored.version) == (winner, story.version + 1)


# Run by each process: load the story, say so, wait for the word, then save it and
# keep the transaction open a moment, so the other process's save runs meanwhile.
SAVE_IN_PROCESS = """
import sys, time
import django
django.setup()
from django.db import transaction
from articles.locking import StaleArticle
from articles.models import Article
from tests.helpers import admin_url, article_form_data

article = Article.objects.get(pk=int(sys.argv[1]))
print("loaded", flush=True)
sys.stdin.readline()
article.headline = sys.argv[2]
try:
    with transaction.atomic():
        article.save()
        time.sleep(0.5)
    print("saved", flush=True)
except StaleArticle:
    print("refused", flush=True)
"""


def _database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_processes_saving_the_same_version_one_is_refused(make_article):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL (DATABASE_URL=postgres://...): SQLite serialises writers "
            "with one lock for the whole database, so there is no row lock to test."
        )
    story = make_article(headline="Original")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    processes = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and script)
            [sys.executable, "-c", SAVE_IN_PROCESS, str(story.pk), headline],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for headline in ["From process A", "From process B"]
    ]
    for process in processes:
        assert process.stdout.readline().strip() == "loaded"
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    outcomes = {}
    for process, headline in zip(
        processes, ["From process A", "From process B"], strict=True
    ):
        output, _ = process.communicate(timeout=60)
        outcomes[headline] = output.strip()

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    stored = Article.objects.get(pk=story.pk)
    assert (stored.headline, stored.version) == (winner, story.version + 1)
    assert story.history.count() == 2
