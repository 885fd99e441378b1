from django.db import migrations

from articles.search.index import reindex


def index_articles(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    reindex(Article.objects.values_list("pk", flat=True), apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_search_index'),
    ]

    operations = [
        # Going back, the documents go with their table (0012).
        migrations.RunPython(index_articles, migrations.RunPython.noop),
    ]
