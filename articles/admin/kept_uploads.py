"""Pictures kept between tries of an image form, so that an error in another field
(a missing alt text, a bad licence URL) does not make the editor pick the file again.

The form carries a kept picture as a token, signed and bound to the editor. Taking it
back moves the picture out of storage into a temporary upload, so a kept picture is used
once; pictures nobody came back for are removed a day later, when the next one is kept.
"""

from datetime import timedelta
from uuid import uuid4

from django.core import signing
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.utils import timezone

from articles.models import Image

FOLDER = "pending-uploads"
SALT = "articles.admin.kept_uploads"
MAX_AGE = timedelta(days=1)


def _storage():
    return Image._meta.get_field("file").storage


def keep(file, *, user) -> str:
    """Store `file` for the next try and return its token."""
    remove_stale()
    file.seek(0)
    name = _storage().save(f"{FOLDER}/{uuid4().hex}", file)
    return signing.dumps(
        {"name": name, "filename": file.name, "user": user.pk}, salt=SALT
    )


def take(token: str, *, user) -> TemporaryUploadedFile | None:
    """The picture kept under `token` for `user`, as an upload, or None."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    storage = _storage()
    if kept["user"] != user.pk or not storage.exists(kept["name"]):
        return None
    with storage.open(kept["name"], "rb") as stored:
        upload = TemporaryUploadedFile(kept["filename"], None, stored.size, None)
        for chunk in stored.chunks():
            upload.write(chunk)
    upload.seek(0)
    storage.delete(kept["name"])
    return upload


def discard(token: str, *, user) -> None:
    """Remove the picture kept under `token`: the editor picked another file."""
    if upload := take(token, user=user):
        upload.close()


def remove_stale() -> None:
    storage = _storage()
    try:
        names = storage.listdir(FOLDER)[1]
    except FileNotFoundError:
        return
    too_old = timezone.now() - MAX_AGE
    for name in names:
        if storage.get_modified_time(f"{FOLDER}/{name}") < too_old:
            storage.delete(f"{FOLDER}/{name}")
