"""Site search at /search/: what it finds, in which order, how it shows it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.helpers import admin_url, figure

SEARCH = reverse("articles:search")
LONDON = ZoneInfo("Europe/London")


def search(client, q, **params):
    response = client.get(SEARCH, {"q": q, **params})
    assert response.status_code == 200
    return response


def headlines(response) -> list[str]:
    page = lxml_html.fromstring(response.content)
    return [
        link.text_content() for link in page.xpath('//li[@class="search-result"]//h2/a')
    ]


def summaries(response) -> list[str]:
    page = lxml_html.fromstring(response.content)
    return [
        lxml_html.tostring(summary, encoding="unicode", with_tail=False)
        for summary in page.xpath('//p[@class="search-result__summary"]')
    ]


def ago(**delta):
    return timezone.now() - timedelta(**delta)


# Ranking


def test_a_headline_match_outranks_a_body_only_match(client, make_article):
    make_article(
        headline="Council meets on Tuesday",
        body="<p>The vote on the harbour election rules was delayed.</p>",
        published_at=ago(hours=1),
    )
    make_article(headline="Election night in Eastquay", published_at=ago(days=3))

    assert headlines(search(client, "election")) == [
        "Election night in Eastquay",
        "Council meets on Tuesday",
    ]


def test_a_story_with_more_matches_ranks_higher(client, make_article):
    make_article(
        headline="Power station plans",
        body="<p>One turbine is planned for the bay, with cables to the shore.</p>",
        published_at=ago(hours=1),
    )
    make_article(
        headline="Wind farm plans",
        body="<p>A turbine, then a second turbine, then a third turbine.</p>",
        published_at=ago(days=2),
    )

    assert headlines(search(client, "turbine")) == [
        "Wind farm plans",
        "Power station plans",
    ]


def test_equal_matches_list_the_newest_first(client, make_article):
    for days, name in [(3, "Oldest"), (1, "Newest"), (2, "Middle")]:
        make_article(headline=f"{name} ferry timetable", published_at=ago(days=days))

    assert headlines(search(client, "ferry")) == [
        "Newest ferry timetable",
        "Middle ferry timetable",
        "Oldest ferry timetable",
    ]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Zürich", "Zurich"),
        ("Zurich", "Zürich"),
        # Letters of their own, which SQLite's tokenizer keeps and the index folds.
        ("Sørvik", "Sorvik"),
        ("Sorvik", "Sørvik"),
        ("Łódź", "Lodz"),
        ("Ærø", "Aero"),
        ("Straße", "Strasse"),
    ],
)
def test_accents_do_not_matter_either_way(client, make_article, stored, typed):
    make_article(headline=f"Trams return to {stored}")

    assert headlines(search(client, typed)) == [f"Trams return to {stored}"]


def test_a_word_typed_with_its_own_letters_is_still_marked(client, make_article):
    make_article(headline="Ferry to Ærø resumes")

    assertContains(search(client, "Ærø"), "Ferry to <mark>Ærø</mark> resumes")


def test_the_admin_search_folds_letters_too(admin_client, make_article):
    make_article(headline="Ferry to Ærø resumes")

    response = admin_client.get(admin_url(Article), {"q": "aero"})

    assertContains(response, "Ferry to Ærø resumes")


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("election", "elections"), ("Elections", "election"), ("running", "runs")],
)
def test_words_match_in_other_forms(client, make_article, stored, typed):
    make_article(headline=f"Talk of {stored} in the council")

    assert headlines(search(client, typed)) == [f"Talk of {stored} in the council"]


def test_quotes_match_a_phrase_and_a_minus_leaves_a_word_out(client, make_article):
    make_article(headline="Sea wall rebuilt", body="<p>Storm damage repaired.</p>")
    make_article(headline="Wall of the sea museum", body="<p>Paintings.</p>")
    make_article(headline="Sea wall storm damage", body="<p>Waves again.</p>")

    assert sorted(headlines(search(client, '"sea wall"'))) == [
        "Sea wall rebuilt",
        "Sea wall storm damage",
    ]
    assert headlines(search(client, '"sea wall" -waves')) == ["Sea wall rebuilt"]


def test_or_between_words_finds_either(client, make_article):
    make_article(headline="Tram depot opens")
    make_article(headline="Ferry fares rise")
    make_article(headline="Bus lanes painted")

    assert sorted(headlines(search(client, "tram or ferry"))) == [
        "Ferry fares rise",
        "Tram depot opens",
    ]


def test_every_word_must_match(client, make_article):
    make_article(headline="Tram depot opens")
    make_article(headline="Tram fares rise")

    assert headlines(search(client, "tram fares")) == ["Tram fares rise"]


# What is searched


def test_standfirst_tags_authors_and_captions_are_searched(
    client, make_article, make_author, make_image
):
    image = make_image(caption="Gulls over the lighthouse")
    story = make_article(
        headline="A quiet week",
        standfirst="Nothing about birds here.",
        featured_image=image,
        body=figure(make_image(caption="unused"), "A kestrel on the quay"),
        authors=[make_author("Ottoline Marsh")],
        tags=["Shipbuilding"],
    )

    for words in ("birds", "gulls lighthouse", "kestrel", "ottoline", "shipbuilding"):
        assert headlines(search(client, words)) == [story.headline], words


def test_a_figure_without_its_own_caption_is_found_by_the_pictures_caption(
    client, make_article, make_image
):
    picture = make_image(caption="Cormorants drying their wings")
    make_article(headline="On the rocks", body=figure(picture))
    make_article(
        headline="Elsewhere", body=figure(picture, "A caption of this story's own")
    )

    assert headlines(search(client, "cormorants")) == ["On the rocks"]


# The publication rule


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"status": Article.Status.REVIEW, "published_at": None},
        {"status": Article.Status.PUBLISHED, "published_at": "future"},
    ],
    ids=["draft", "in review", "scheduled"],
)
def test_unpublished_stories_are_never_found(client, make_article, unpublished):
    if unpublished["published_at"] == "future":
        unpublished = {
            **unpublished,
            "published_at": timezone.now() + timedelta(hours=1),
        }
    make_article(headline="Embargoed budget leak", **unpublished)

    response = search(client, "embargoed budget")

    assert headlines(response) == []
    assertNotContains(response, "Embargoed")


def test_a_scheduled_story_is_found_once_its_time_comes(client, make_article):
    at = timezone.now() + timedelta(hours=2)
    make_article(headline="Budget day arrives", published_at=at)

    assert headlines(search(client, "budget")) == []
    with time_machine.travel(at + timedelta(minutes=1), tick=False):
        assert headlines(search(client, "budget")) == ["Budget day arrives"]


def test_an_unpublished_story_is_no_longer_found(client, make_article):
    story = make_article(headline="Harbour strike called off")
    assert headlines(search(client, "strike")) == ["Harbour strike called off"]

    story.status = Article.Status.DRAFT
    story.save()

    assert headlines(search(client, "strike")) == []


# Filters and pages


def test_the_section_filter_keeps_to_one_section(client, make_article, make_section):
    culture = make_section(name="Culture", slug="culture")
    make_article(headline="Harbour concert", section=culture)
    make_article(headline="Harbour dues rise")

    response = search(client, "harbour", section="culture")

    assert headlines(response) == ["Harbour concert"]
    assertContains(
        response, '<option value="culture" selected>Culture</option>', html=True
    )


def test_an_unknown_section_is_ignored(client, make_article):
    make_article(headline="Harbour dues rise")

    assert headlines(search(client, "harbour", section="no-such\x00section")) == [
        "Harbour dues rise"
    ]


def test_the_date_filters_take_whole_days_in_the_newsroom_time_zone(
    client, make_article
):
    def london(day, hour):
        return datetime(2026, 3, day, hour, 30, tzinfo=LONDON)

    make_article(headline="Tide one", published_at=london(1, 23))
    make_article(headline="Tide two", published_at=london(2, 0))
    make_article(headline="Tide three", published_at=london(3, 23))
    make_article(headline="Tide four", published_at=london(4, 0))

    response = search(client, "tide", **{"from": "2026-03-02", "to": "2026-03-03"})

    assert headlines(response) == ["Tide three", "Tide two"]
    assertContains(response, 'value="2026-03-02"')


@pytest.mark.parametrize("bad", ["yesterday", "2026-02-30", "0001-01-01", "9999-12-31"])
def test_a_date_that_is_not_one_is_ignored(client, make_article, bad):
    make_article(headline="Tide tables")

    response = search(client, "tide", **{"from": bad, "to": bad})

    assert headlines(response) == ["Tide tables"]
    assertContains(
        response,
        f"“{bad}” is not a date to search by (year-month-day), so that filter was "
        "left out.",
        count=2,
    )


def test_dates_the_wrong_way_round_are_swapped_and_named_in_the_count(
    client, make_article
):
    make_article(
        headline="Tide one", published_at=datetime(2026, 3, 2, 12, tzinfo=LONDON)
    )

    response = search(client, "tide", **{"from": "2026-03-05", "to": "2026-03-01"})

    assert headlines(response) == ["Tide one"]
    assertContains(
        response, "The dates were the wrong way round, so they were swapped."
    )
    assertContains(
        response,
        "1 story matches “tide” published from 1 March 2026 to 5 March 2026.",
    )


def test_a_search_that_only_leaves_words_out_says_so(client, make_article):
    make_article(headline="Harbour dues rise")

    response = search(client, "-harbour")

    assert headlines(response) == []
    assertContains(response, "only says which words to leave out")
    assertNotContains(response, "no letters or numbers")


def test_or_alone_says_it_only_joins_words(client, make_article):
    make_article(headline="Harbour dues rise")

    response = search(client, "OR")

    assertContains(response, "has no word to find")
    assertNotContains(response, "no letters or numbers")


def test_an_unknown_section_is_said_and_every_section_searched(client, make_article):
    make_article(headline="Harbour dues rise")

    response = search(client, "harbour", section="nope")

    assertContains(
        response, "There is no section “nope”, so every section was searched."
    )
    assert headlines(response) == ["Harbour dues rise"]


def test_a_result_names_its_authors_so_a_match_on_a_byline_makes_sense(
    client, make_article, make_author
):
    make_article(headline="Council votes on dues", authors=[make_author("Hana Sørvik")])

    response = search(client, "Sørvik")

    assertContains(response, "By Hana Sørvik")


def test_results_come_in_pages_whose_links_keep_the_search(
    client, make_article, make_section, settings
):
    settings.NEWSROOM_PAGE_SIZE = 2
    section = make_section(slug="coast")
    for days in range(5):
        make_article(
            headline=f"Lifeboat call {days}",
            section=section,
            published_at=ago(days=days + 1),
        )

    first = search(client, "lifeboat", section="coast", **{"from": "2000-01-01"})
    second = search(
        client, "lifeboat", section="coast", **{"from": "2000-01-01"}, page="2"
    )
    last = search(client, "lifeboat", section="coast", page="99")

    assert headlines(first) == ["Lifeboat call 0", "Lifeboat call 1"]
    assert headlines(second) == ["Lifeboat call 2", "Lifeboat call 3"]
    assert headlines(last) == ["Lifeboat call 4"]
    assertContains(first, "5 stories match “lifeboat”")
    assertContains(
        first, 'href="?q=lifeboat&amp;section=coast&amp;from=2000-01-01&amp;page=2"'
    )
    assertContains(
        second, 'href="?q=lifeboat&amp;section=coast&amp;from=2000-01-01&amp;page=1"'
    )
    assertContains(second, '<ol class="search-results" start="3">')


# The page


def test_matches_are_marked_and_text_is_escaped(client, make_article):
    make_article(
        headline="Vote <b>count</b> delayed",
        standfirst="",
        body="<p>Someone typed &lt;script&gt;alert(1)&lt;/script&gt; into the vote form.</p>",
    )

    response = search(client, "vote")

    assertContains(
        response,
        f'<a href="{Article.objects.get().get_absolute_url()}"><mark>Vote</mark> &lt;b&gt;count&lt;/b&gt; delayed</a>',
        html=True,
    )
    assert summaries(response) == [
        '<p class="search-result__summary">Someone typed &lt;script&gt;alert(1)&lt;/script&gt; '
        "into the <mark>vote</mark> form.</p>"
    ]
    assertNotContains(response, "<script>")
    assertNotContains(response, "<b>count")


def test_the_summary_is_the_standfirst_with_a_match_else_the_body_snippet(
    client, make_article
):
    make_article(
        headline="First",
        standfirst="The quay reopens.",
        body="<p>Traders return to the quay.</p>",
    )
    make_article(
        headline="Second",
        standfirst="Nothing matches here.",
        body="<p>The fish market returns to the quay on Monday.</p>",
    )

    assert sorted(summaries(search(client, "quay"))) == [
        '<p class="search-result__summary">The <mark>quay</mark> reopens.</p>',
        '<p class="search-result__summary">The fish market returns to the <mark>quay</mark> on Monday.</p>',
    ]


def test_a_result_shows_its_section_date_and_a_credited_picture(
    client, make_article, make_image, make_photographer
):
    image = make_image(photographer=make_photographer("Priya Castell"))
    story = make_article(headline="Harbour at dawn", featured_image=image)

    response = search(client, "dawn")

    assertContains(
        response,
        f'<a href="{story.section.get_absolute_url()}">{story.section.name}</a>',
        html=True,
    )
    assertContains(
        response, timezone.localtime(story.published_at).strftime("%-d %B %Y")
    )
    assertContains(response, "Featured Image by Priya Castell")
    assertContains(response, "/media/renditions/")
    assertNotContains(response, image.file.name)


def test_no_query_shows_the_form_and_how_to_search(client, db):
    response = search(client, "")

    assertContains(response, "<title>Search | The Daily Test</title>", html=True)
    assertContains(response, "Type a word or two")
    assertNotContains(response, "search-results")


def test_no_match_says_so_and_suggests_what_to_try(client, make_article, make_section):
    make_section(name="Culture", slug="culture")
    make_article(headline="Harbour dues rise")

    response = search(client, "zeppelin", section="culture")

    assertContains(response, "No stories match “zeppelin”")
    assertContains(
        response, '<a href="?q=zeppelin">search every section and date</a>', html=True
    )
    assertContains(response, '<a href="/culture/">Culture</a>', html=True)


def test_the_page_names_the_query_is_not_indexed_and_announces_the_count(
    client, make_article
):
    make_article(headline="Ferry fares rise")

    response = search(client, "ferry")

    assertContains(
        response, "<title>Search for “ferry” | The Daily Test</title>", html=True
    )
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    assertContains(
        response,
        '<p class="search-count" role="status">1 story matches “ferry”.</p>',
        html=True,
    )


def test_the_search_form_is_labelled(client, db):
    response = search(client, "tide")
    page = lxml_html.fromstring(response.content)

    for field in page.xpath("//form[@role='search']//*[self::input or self::select]"):
        labels = page.xpath(f"//label[@for='{field.get('id')}']")
        assert [label.text_content() for label in labels] != [], field.get("name")
    assert page.xpath("//input[@id='search-q']/@type") == ["search"]
    assert page.xpath("//input[@id='search-q']/@value") == ["tide"]


def test_every_page_header_has_a_search_box(client, db):
    page = lxml_html.fromstring(client.get("/").content)

    form = page.xpath("//header//form[@role='search']")[0]
    assert form.get("action") == SEARCH
    assert (
        page.xpath("//label[@for='masthead-q']")[0].text_content() == "Search stories"
    )
    assert form.xpath(".//input[@name='q']/@type") == ["search"]


def test_the_results_page_runs_a_fixed_number_of_queries(
    client, make_article, make_image, make_author, django_assert_num_queries
):
    def story():
        make_article(
            headline="Storm warning",
            featured_image=make_image(),
            authors=[make_author()],
            tags=["Weather"],
        )

    # count, page, its bylines, tags and renditions, highlights (the sections come from
    # the cache)
    story()
    search(client, "storm")  # makes the renditions
    with django_assert_num_queries(6):
        assert len(headlines(search(client, "storm"))) == 1
    for _ in range(11):
        story()
    search(client, "storm")
    with django_assert_num_queries(6):
        assert len(headlines(search(client, "storm"))) == 10


# The admin's article search


def changelist_headlines(response) -> list[str]:
    return [article.headline for article in response.context["cl"].result_list]


def test_the_admin_search_finds_every_state_best_match_first(
    admin_client, make_article
):
    make_article(
        headline="Council notes",
        body="<p>The puffin count is done.</p>",
        published_at=timezone.now() + timedelta(days=1),
    )
    make_article(
        headline="Puffin census", status=Article.Status.DRAFT, published_at=None
    )
    make_article(headline="Unrelated", status=Article.Status.REVIEW, published_at=None)

    response = admin_client.get(admin_url(Article), {"q": "puffin"})

    assert changelist_headlines(response) == ["Puffin census", "Council notes"]


def test_the_admin_search_takes_the_last_word_as_a_beginning(
    admin_client, client, make_article
):
    make_article(headline="Kittiwakes nest early")

    response = admin_client.get(admin_url(Article), {"q": "nest kitti"})

    assert changelist_headlines(response) == ["Kittiwakes nest early"]
    assert headlines(search(client, "nest kitti")) == []


def test_the_admin_search_lists_a_story_once_and_keeps_a_chosen_sort(
    admin_client, make_article, make_author
):
    make_article(
        headline="Zeta gulls",
        tags=["Gulls", "Gull colonies"],
        authors=[make_author("Gull Watcher"), make_author("Ada Gull")],
    )
    make_article(headline="Alpha gulls")

    ranked = admin_client.get(admin_url(Article), {"q": "gull"})
    sorted_by_headline = admin_client.get(admin_url(Article), {"q": "gull", "o": "1"})

    assert changelist_headlines(ranked) == ["Zeta gulls", "Alpha gulls"]
    assert changelist_headlines(sorted_by_headline) == ["Alpha gulls", "Zeta gulls"]


def test_the_admin_search_runs_a_fixed_number_of_queries(
    admin_client,
    make_article,
    make_author,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    def story():
        make_article(headline="Storm", authors=[make_author()], tags=["Weather"])

    story()
    admin_client.get(admin_url(Article), {"q": "storm"})
    with django_assert_max_num_queries(100) as small:
        admin_client.get(admin_url(Article), {"q": "storm"})
    for _ in range(5):
        story()
    with django_assert_num_queries(len(small.captured_queries)):
        response = admin_client.get(admin_url(Article), {"q": "storm"})
    assert response.context["cl"].result_count == 6


def test_the_front_page_pins_autocomplete_finds_stories_by_a_word_beginning(
    admin_client, make_article
):
    story = make_article(headline="Kittiwakes nest early")
    make_article(headline="Something else")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "frontpagepin",
            "field_name": "article",
            "term": "kittiw",
        },
    )

    assert [result["id"] for result in response.json()["results"]] == [str(story.pk)]
