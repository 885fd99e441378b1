"""Whatever is typed into a search box, the answer is a page: operators, quotes,
other scripts, control characters, very long strings and the Big List of Naughty
Strings never make an error, on either database."""

import json
import os
from pathlib import Path

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.helpers import admin_url
from tests.test_html_validity import (
    nu_checker,  # noqa: F401 - a fixture
    nu_errors,
)

SEARCH = reverse("articles:search")
BLNS = Path(__file__).resolve().parents[2] / "shared/samples/strings/blns.json"

ODD = [
    '"',
    '""',
    '"unclosed phrase',
    'harbour "',
    "AND",
    "harbour AND",
    "OR harbour OR",
    "NOT harbour",
    "harbour NOT",
    "-",
    "--harbour",
    "-harbour",
    "harbour -",
    "*",
    "harbour*",
    "^harbour",
    "headline:harbour",
    ":",
    "NEAR(harbour quay)",
    "NEAR/2",
    "((harbour",
    "harbour))",
    "'",
    "harbour' OR '1'='1",
    "'; DROP TABLE articles_article; --",
    "\\",
    "harbour\\",
    "%",
    "%s %d {0}",
    "harbour & quay | !tide <-> sea:*",
    "\x00",
    "harbour\x00quay",
    "\x01\x02\x03\x1b[31m",
    "\t\n\r\x0b\x0c",
    "\u200b\u200e\u202e",
    "\ufeffharbour",
    "\ufffe\uffff\ufdd0",
    "😀",
    "harbour 🌊",
    "👩‍👩‍👧‍👦",
    "مرحبا بالعالم",
    "北京大学",
    "Привет мир",
    "ﬁsh ＨＡＲＢＯＵＲ",
    "Z̤̠͉a̹̞l̗̺g̹͓o",
    "x" * 10_000,
    "harbour " * 2_000,
]


@pytest.fixture
def harbour_story(make_article):
    return make_article(headline="Harbour quay reopens", body="<p>Tide tables.</p>")


@pytest.mark.parametrize("text", ODD)
def test_odd_input_gets_a_page(client, admin_client, harbour_story, text):
    params = {"q": text, "section": text, "from": text, "to": text, "page": text}

    public = client.get(SEARCH, params)
    admin = admin_client.get(admin_url(Article), {"q": text})

    assertContains(public, '<input type="search" id="search-q"')
    assert admin.status_code == 200


def test_operators_and_punctuation_are_plain_text(client, make_article):
    make_article(headline="Harbour tide near the quay")
    make_article(headline="Covid-19 cases fall at the harbour")

    no_match = client.get(SEARCH, {"q": "harbour NEAR(quay"})
    near = client.get(SEARCH, {"q": "NEAR quay -(covid)"})
    covid = client.get(SEARCH, {"q": "covid-19"})

    assertContains(no_match, "No stories match")
    assertContains(near, "<mark>near</mark> the <mark>quay</mark>")
    assertContains(covid, "1 story matches")


NOTICE = (
    "Searches are limited to 200 characters, so only the words within the first 200 "
    "were searched."
)


def test_a_long_query_is_cut_with_a_notice(client, harbour_story):
    response = client.get(SEARCH, {"q": "harbour " + "x" * 10_000})

    assertContains(response, NOTICE)
    assertContains(response, 'value="harbour"')
    assertNotContains(response, "xxx")
    assertContains(response, "1 story matches")


def test_a_pasted_paragraph_is_cut_after_a_whole_word_and_finds_its_story(
    client, make_article
):
    paragraph = (
        "The three tide gauges in Port Callow harbour have recorded the highest spring "
        "tides in forty years, and the harbour board says the sea wall will need "
        "strengthening before winter, according to researchers at the city's "
        "university"
    )
    assert paragraph[200] not in " "  # the limit falls inside a word
    make_article(headline="Tides at a forty-year high", body=f"<p>{paragraph}.</p>")

    response = client.get(SEARCH, {"q": paragraph})

    assertContains(response, NOTICE)
    assertContains(response, "1 story matches")


def test_the_search_boxes_let_a_longer_paste_through_to_be_told_about(client, db):
    page = client.get(SEARCH).text

    assert page.count('maxlength="400"') == 2  # the masthead's and the page's


def test_control_characters_are_not_echoed(client, harbour_story):
    response = client.get(SEARCH, {"q": "harbour\x00\x01\x1b quay"})

    assertContains(response, "Search for “harbour quay”")
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in response.text)


def naughty_strings() -> list[str]:
    if not BLNS.exists():
        message = f"{BLNS} is absent: the naughty strings were not tried."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return json.loads(BLNS.read_text(encoding="utf-8"))


def test_every_naughty_string_gets_a_page(client, admin_client, harbour_story):
    strings = naughty_strings()
    assert len(strings) > 500

    failures = []
    for text in strings:
        params = {"q": text, "section": text, "from": text, "to": text}
        public = client.get(SEARCH, params)
        admin = admin_client.get(admin_url(Article), {"q": text})
        if (public.status_code, admin.status_code) != (200, 200):
            failures.append((text, public.status_code, admin.status_code))
        elif b"<script>alert" in public.content:
            failures.append((text, "markup echoed", None))

    assert failures == []


def test_search_pages_pass_the_nu_html_checker(
    client,
    make_article,
    tmp_path,
    nu_checker,  # noqa: F811
):
    make_article(
        headline="Harbour <b>quay</b> reopens",
        body="<p>Someone typed &lt;script&gt; near the harbour.</p>",
    )
    pages = {
        "results": {"q": "harbour"},
        "no-match": {"q": "zeppelin", "section": "nowhere", "from": "2026-01-01"},
        "no-words": {"q": "***"},
        "no-query": {},
        "odd": {"q": "\x00\x01 \ufffe \u202e 😀 " + "x" * 300},
    }
    files = []
    for name, params in pages.items():
        response = client.get(SEARCH, params)
        assert response.status_code == 200, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    assert nu_errors(nu_checker, files) == []
