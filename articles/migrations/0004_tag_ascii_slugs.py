"""Tags move from taggit's Tag to our own, whose slugs are ASCII and never empty.

Each tag keeps its id, so the rows of TaggedArticle stay valid when their foreign key is
pointed at the new table.
"""

import hashlib

import django.db.models.deletion
import taggit.managers
from django.core.management.color import no_style
from django.db import migrations, models
from slugify import slugify


def _ascii_slug(name, taken):
    # The rule of articles.models.tags.tag_slug as it stood when this migration was written.
    slug = slugify(name, max_length=90) or f"tag-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def copy_tags(apps, schema_editor):
    OldTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("articles", "Tag")
    taken = set()
    Tag.objects.bulk_create(
        Tag(pk=old.pk, name=old.name, slug=_ascii_slug(old.name, taken))
        for old in OldTag.objects.order_by("pk")
    )
    # Rows inserted with their ids leave PostgreSQL's id sequence behind.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Tag]):
            cursor.execute(sql)


def copy_tags_back(apps, schema_editor):
    OldTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("articles", "Tag")
    known = set(OldTag.objects.values_list("pk", flat=True))
    OldTag.objects.bulk_create(
        OldTag(pk=tag.pk, name=tag.name, slug=tag.slug)
        for tag in Tag.objects.exclude(pk__in=known)
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_image_original_filename"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tag",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("slug", models.SlugField(blank=True, help_text="The last part of the tag page's address: letters, numbers and hyphens. Made from the name when left empty (“Zürich” → zurich).", max_length=100, unique=True)),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.RunPython(copy_tags, copy_tags_back),
        migrations.RemoveField(model_name="article", name="tags"),
        migrations.AlterField(
            model_name="taggedarticle",
            name="tag",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="%(app_label)s_%(class)s_items", to="articles.tag"),
        ),
        migrations.AddField(
            model_name="article",
            name="tags",
            field=taggit.managers.TaggableManager(blank=True, help_text="A comma-separated list of tags.", through="articles.TaggedArticle", to="articles.Tag", verbose_name="Tags"),
        ),
    ]
