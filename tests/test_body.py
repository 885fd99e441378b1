import json
import os
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Chr, Concat

from articles import body
from articles.models import Article, ArticleImage
from tests.helpers import executable_markup, figure

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"

HOSTILE_BODIES = [
    pytest.param('<p>Hi</p><script>alert("x")</script>', id="script-element"),
    pytest.param('<p onclick="alert(1)">Hi</p>', id="event-handler"),
    pytest.param('<img src="x" onerror="alert(1)">', id="img-onerror"),
    pytest.param('<a href="javascript:alert(1)">Hi</a>', id="javascript-link"),
    pytest.param(
        '<a href=" JaVaScRiPt:alert(1)">Hi</a>', id="javascript-link-obfuscated"
    ),
    pytest.param(
        '<p style="background:url(javascript:alert(1))">Hi</p>', id="style-attribute"
    ),
    pytest.param('<iframe src="https://evil.example"></iframe>', id="iframe"),
    pytest.param("<svg><script>alert(1)</script></svg>", id="svg-script"),
    pytest.param(
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', id="mathml"
    ),
]


def assert_harmless(html: str) -> None:
    assert executable_markup(html) == []


@pytest.mark.parametrize("hostile", HOSTILE_BODIES)
def test_orm_save_strips_scripts_handlers_and_javascript_links(make_article, hostile):
    article = make_article(body=hostile)

    article.refresh_from_db()
    assert_harmless(article.body)


@pytest.mark.parametrize("hostile", HOSTILE_BODIES)
def test_queryset_update_strips_hostile_markup(make_article, hostile):
    article = make_article()

    Article.objects.filter(pk=article.pk).update(body=hostile)

    article.refresh_from_db()
    assert_harmless(article.body)


def test_bulk_create_and_bulk_update_sanitize_and_index(
    make_article, make_section, make_image
):
    image = make_image()
    section = make_section()
    [created] = Article.objects.bulk_create(
        [
            Article(
                headline="Bulk",
                slug="bulk",
                section=section,
                body="<script>x</script>" + figure(image),
            )
        ]
    )
    assert_harmless(Article.objects.get(pk=created.pk).body)
    assert list(created.image_uses.values_list("image", flat=True)) == [image.pk]

    created.body = '<p onclick="x()">No pictures now</p>'
    Article.objects.bulk_update([created], ["body"])

    assert Article.objects.get(pk=created.pk).body == "<p>No pictures now</p>"
    assert not created.image_uses.exists()


def test_keeps_the_editorial_allowlist():
    html = (
        "<h2>Heading</h2><h3>Sub</h3><p><strong>b</strong> <em>i</em> "
        '<a href="https://example.com/x">web</a> <a href="mailto:desk@example.com">mail</a></p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote><hr>"
    )

    assert body.sanitize(html) == html


def test_image_ids_must_be_plain_numbers():
    cleaned = body.sanitize(
        '<figure><img data-file="12 OR 1=1"><figcaption>x</figcaption></figure>'
    )

    assert body.figure_refs(cleaned) == [body.FigureRef(image_id=None, caption="x")]


def test_image_ids_are_those_of_the_stored_figures_in_order():
    stored = body.sanitize(
        '<figure><img src="a.jpg" alt="A" data-file="7"><figcaption>A</figcaption></figure>'
        '<p>Type data-file="3" or &lt;img data-file="4"&gt; to place a picture.</p>'
        '<figure><img data-file="5"></figure>'
    )

    assert body.image_ids(stored) == [7, 5]
    assert body.image_ids(stored) == [ref.image_id for ref in body.figure_refs(stored)]


def test_parse_splits_runs_and_figures_in_order():
    html = (
        "<p>One &amp; two</p>"
        '<figure><img src="p.jpg" alt="" data-file="7"><figcaption>A <strong>bold</strong> caption</figcaption></figure>'
        "<p>Three</p>"
    )

    assert body.parse(html) == [
        "<p>One &amp; two</p>",
        body.FigureRef(image_id=7, caption="A bold caption"),
        "<p>Three</p>",
    ]


def test_render_drops_figures_whose_image_is_missing(make_image):
    image = make_image(caption="Default caption")
    html = (
        figure(image)
        + "<p>Middle</p>"
        + '<figure><img data-file="999999"><figcaption>Gone</figcaption></figure>'
    )

    parts = body.render(html, {image.pk: image})

    assert parts[0] == body.Figure(image=image, caption="Default caption")
    assert parts[1:] == ["<p>Middle</p>"]


def test_save_indexes_featured_and_body_images_in_order(make_article, make_image):
    featured, first, second = make_image(), make_image(), make_image()

    article = make_article(
        featured_image=featured, body=figure(first) + "<p>Text</p>" + figure(second)
    )

    assert list(article.image_uses.values_list("image", "role", "position")) == [
        (featured.pk, ArticleImage.Role.FEATURED, 0),
        (first.pk, ArticleImage.Role.BODY, 1),
        (second.pk, ArticleImage.Role.BODY, 2),
    ]


def test_save_rebuilds_the_index_when_figures_change(make_article, make_image):
    kept, dropped = make_image(), make_image()
    article = make_article(body=figure(kept) + figure(dropped))

    article.body = figure(kept)
    article.save()

    assert list(article.image_uses.values_list("image", flat=True)) == [kept.pk]


def test_image_in_use_cannot_be_deleted(make_article, make_image):
    from django.db.models import ProtectedError

    image = make_image()
    make_article(body=figure(image))

    with pytest.raises(ProtectedError):
        image.delete()


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            "<figure><img src='x.jpg'><figcaption>No id</figcaption></figure>",
            "Figure 1 has no picture",
        ),
        (
            '<figure><img data-file="999999"></figure>',
            "Figure 1 points to a picture that does not exist",
        ),
    ],
)
def test_full_clean_names_the_broken_figure(make_article, html, message):
    article = make_article()
    article.body = html

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert any(message in text for text in error.value.message_dict["body"])


def test_naughty_strings_never_leave_markup_that_runs(make_article):
    if not SAMPLES.exists() and not os.environ.get("CI"):  # CI always has ../shared
        pytest.skip("../shared/samples is not beside this checkout")
    strings = json.loads((SAMPLES / "strings" / "blns.json").read_text())

    article = make_article(body="".join(f"<p>{text}</p>" for text in strings))

    assert_harmless(Article.objects.get(pk=article.pk).body)


def test_the_audit_itself_catches_what_it_looks_for():
    assert executable_markup(
        '<p onclick="x()">a</p><a href=" java\tscript:x">b</a><script></script>'
    ) == [
        "onclick= attribute on <p>",
        "href=' java\\tscript:x' on <a>",
        "<script> element",
    ]


def test_picture_outside_a_figure_is_not_rendered():
    assert body.render(
        '<p>Look <img src="https://tracker.example/p.gif"> here</p>', {}
    ) == ["<p>Look  here</p>"]


@pytest.mark.parametrize(
    "expression",
    [
        pytest.param(lambda: RawSQL("'<script>alert(1)</script>'", []), id="raw-sql"),
        pytest.param(
            lambda: Concat(Value("<scr"), Value("ipt>x</script>")), id="concat"
        ),
        pytest.param(lambda: Concat(Chr(Value(60)), Value("script>")), id="chr"),
        pytest.param(lambda: F("standfirst"), id="another-column"),
        pytest.param(
            lambda: Subquery(Article.objects.values("standfirst")[:1]), id="subquery"
        ),
        pytest.param(lambda: Value(60), id="non-text-value"),
    ],
)
def test_queryset_update_refuses_body_expressions_it_cannot_check(
    make_article, expression
):
    article = make_article(standfirst="<script>alert(1)</script>")

    with pytest.raises(TypeError, match="Article.body can only be written as text"):
        Article.objects.filter(pk=article.pk).update(body=expression())

    article.refresh_from_db()
    assert article.body == "<p>First paragraph.</p>"


def test_rows_written_around_save_are_sanitized_when_rendered(make_article):
    article = make_article()
    with connection.cursor() as cursor:  # as a fixture load or a raw SQL fix would
        cursor.execute(
            "UPDATE articles_article SET body = %s WHERE id = %s",
            [
                '<p onclick="x()">Hi</p><script>alert(1)</script><img src="/t.gif">',
                article.pk,
            ],
        )
    article.refresh_from_db()

    assert body.render(article.body, {}) == ["<p>Hi</p>"]


@pytest.mark.parametrize(
    ("html", "stored"),
    [
        ("<p>a</p><figcaption>stray</figcaption>", "<p>a</p>stray"),
        (
            '<figure><img data-file="3"><figcaption>one</figcaption><figcaption>two</figcaption></figure>',
            '<figure><img data-file="3"><figcaption>one two</figcaption></figure>',
        ),
    ],
    ids=["caption-outside-a-figure", "two-captions"],
)
def test_sanitize_keeps_captions_inside_their_figure(html, stored):
    assert body.sanitize(html) == stored
