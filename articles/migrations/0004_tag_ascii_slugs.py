"""Tags move from taggit's Tag to our own, whose slugs are ASCII and never empty.

Each tag keeps its id, so the rows of TaggedArticle stay valid when their foreign key is
pointed at the new table; and each keeps its slug where that slug was already ASCII, so
tag pages keep their addresses. Only empty or non-ASCII slugs are made anew.

The copy, the switch of the foreign key and the copy back (when reversing) belong
together: the key can only point at a table that holds every tag it names.
"""

import hashlib
import re

import django.db.models.deletion
import taggit.managers
from django.core.management.color import no_style
from django.db import migrations, models
from slugify import slugify

ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def _new_slug(name, taken):
    # The rule of articles.models.tags.tag_slug as it stood when this migration was written.
    slug = slugify(name, max_length=90) or f"tag-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _reset_sequence(schema_editor, model):
    # Rows inserted with their ids leave PostgreSQL's id sequence behind.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


def copy_tags(apps, schema_editor):
    OldTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("articles", "Tag")
    old_tags = list(OldTag.objects.order_by("pk"))
    kept = {tag.pk: tag.slug for tag in old_tags if ASCII_SLUG.fullmatch(tag.slug)}
    taken = set(kept.values())
    new_tags = []
    for tag in old_tags:
        slug = kept.get(tag.pk) or _new_slug(tag.name, taken)
        taken.add(slug)
        new_tags.append(Tag(pk=tag.pk, name=tag.name, slug=slug))
    Tag.objects.bulk_create(new_tags)
    _reset_sequence(schema_editor, Tag)


def copy_tags_back(apps, schema_editor):
    OldTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("articles", "Tag")
    for tag in Tag.objects.all():
        OldTag.objects.update_or_create(
            pk=tag.pk, defaults={"name": tag.name, "slug": tag.slug}
        )
    _reset_sequence(schema_editor, OldTag)


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
        migrations.RunPython(copy_tags, migrations.RunPython.noop),
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
        # Reversing, this runs first: taggit's table must hold every tag before the key
        # points back at it.
        migrations.RunPython(migrations.RunPython.noop, copy_tags_back),
    ]
