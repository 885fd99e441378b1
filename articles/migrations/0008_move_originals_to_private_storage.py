"""Move uploaded originals out of the public media folder into the private originals
storage, under generated names with their real format's extension (uploads made before
migration 0003 kept the uploader's file name, which can name an embargoed story).

Not atomic: each picture is copied, its row pointed at the copy and committed, and only
then the public file deleted. A run stopped half-way (a full disk) loses nothing, and
running it again moves the rest."""

from pathlib import PurePosixPath
from uuid import uuid4

import PIL.Image
from django.core.files.storage import storages
from django.db import migrations

# The formats accepted before this migration, by Pillow's name.
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def _move(apps, source, target, rename):
    Image = apps.get_model("articles", "Image")
    for image in Image.objects.exclude(file="").only("pk", "file"):
        name = image.file.name
        if not source.exists(name) or target.exists(name):
            continue
        with source.open(name, "rb") as content:
            new_name = rename(name, content)
            content.seek(0)
            stored = target.save(new_name, content)
        Image.objects.filter(pk=image.pk).update(file=stored)
        source.delete(name)


def _generated_name(name, content):
    try:
        with PIL.Image.open(content) as picture:
            extension = EXTENSIONS.get(picture.format, PurePosixPath(name).suffix[1:])
    except (OSError, PIL.Image.DecompressionBombError):
        extension = PurePosixPath(name).suffix[1:]
    return str(PurePosixPath(name).parent / f"{uuid4().hex}.{extension}")


def to_private(apps, schema_editor):
    _move(apps, storages["default"], storages["originals"], _generated_name)
    # Pictures kept between tries of a form now wait in the private storage too; those
    # left in the public folder are at most a day old and of no further use.
    public = storages["default"]
    try:
        kept = public.listdir("pending-uploads")[1]
    except FileNotFoundError:
        kept = []
    for name in kept:
        public.delete(f"pending-uploads/{name}")


def to_public(apps, schema_editor):
    _move(apps, storages["originals"], storages["default"], lambda name, _: name)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("articles", "0007_image_private_originals_renditions")]

    operations = [migrations.RunPython(to_private, to_public)]
