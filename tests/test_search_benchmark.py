"""`manage.py benchmark_search`, on a small scale: it seeds, searches and reports."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.management.commands.benchmark_search import QUERIES
from articles.models import Article, SearchDocument


def test_the_benchmark_seeds_stories_and_times_every_query(db):
    out = StringIO()

    call_command("benchmark_search", articles=40, runs=2, stdout=out)

    lines = out.getvalue().splitlines()
    assert Article.objects.published().count() == 40
    # Indexed with their bylines.
    assert SearchDocument.objects.filter(keywords__contains="Reporter").count() == 40
    assert lines[0].startswith(f"{connection.vendor}: seeded 40 stories in ")
    assert [line.split("  ")[1].strip() for line in lines[1:]] == [
        *(name for name, _params in QUERIES),
        "all queries",
    ]
    assert all(
        re.search(r"median +\d+\.\d ms +p95 +\d+\.\d ms$", line) for line in lines[1:]
    )
    # The rare word is in the first story of every thousand: one here.
    assert "rare word                   1 found" in out.getvalue()


def test_the_benchmark_refuses_a_database_with_stories(make_article):
    make_article()

    with pytest.raises(CommandError, match="holds 1 stories already"):
        call_command("benchmark_search", articles=10, runs=1, stdout=StringIO())
