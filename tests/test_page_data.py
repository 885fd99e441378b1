"""What `Article.objects.with_page_data()` loads with each story: bylines, tags and
pictures, one query each however many stories, read as the related managers give them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import body, renditions
from articles.models import Article, Byline
from tests.helpers import figure


def test_tags_keep_the_order_they_were_added_in(client, make_article):
    article = make_article()
    for name in ("Zebra", "Apple", "Mango"):
        article.tags.add(name)

    loaded = Article.objects.with_page_data().get(pk=article.pk)
    page = client.get(article.get_absolute_url()).text

    assert [tag.name for tag in loaded.tags.all()] == ["Zebra", "Apple", "Mango"]
    assert (
        page.index(">Zebra</a>") < page.index(">Apple</a>") < page.index(">Mango</a>")
    )


def test_loaded_relations_answer_as_querysets_of_that_story(
    make_article, make_author, make_image, django_assert_num_queries
):
    first, second = make_author("First Author"), make_author("Second Author")
    picture = make_image()
    made = renditions.make_renditions(picture)
    article = make_article(
        authors=[first, second], tags=["floods"], featured_image=picture
    )
    make_article(authors=[first], tags=["elections"])

    loaded = Article.objects.with_page_data().get(pk=article.pk)

    with django_assert_num_queries(0):
        assert [b.author.name for b in loaded.bylines.all()] == [
            "First Author",
            "Second Author",
        ]
        assert loaded.bylines.count() == 2
        assert loaded.tags.all().first().name == "floods"
        assert len(loaded.featured_image.renditions.all()) == len(made)
    # Narrowing or deleting asks the database about this story's rows only.
    assert list(loaded.tags.names()) == ["floods"]
    assert loaded.bylines.filter(author=first).count() == 1
    loaded.bylines.filter(author=second).delete()
    assert Byline.objects.filter(author=first).count() == 2


def test_iterating_in_chunks_loads_each_chunk_by_itself(make_article, make_author):
    author = make_author()
    for number in range(5):
        make_article(authors=[author], tags=[f"tag {number}"])

    with CaptureQueriesContext(connection) as queries:
        stories = list(Article.objects.with_page_data().iterator(chunk_size=2))

    assert sorted(story.tags.all()[0].name for story in stories) == [
        f"tag {number}" for number in range(5)
    ]
    assert all(story.bylines.all()[0].author == author for story in stories)
    byline_queries = [q for q in queries if 'FROM "articles_byline"' in q["sql"]]
    assert len(byline_queries) == 3  # chunks of 2, 2 and 1


def test_body_pictures_come_in_body_order_whatever_form_the_figures_take(
    make_article, make_image
):
    first, second = make_image(), make_image()
    article = make_article(body=figure(second) + "<p>Between.</p>" + figure(first))

    loaded = Article.objects.with_page_data().get(pk=article.pk)

    assert list(loaded.body_images) == [second.pk, first.pk]
    # A body written before figures had one stored form (or around save()).
    older = (
        f'<figure><img src="/a.jpg" alt="A" data-file="{second.pk}"><figcaption>A'
        f'</figcaption></figure><figure><img data-file="{first.pk}"></figure>'
    )
    assert body.image_ids(older) == [second.pk, first.pk]
