"""Where pictures are kept.

Originals may carry GPS positions, camera serial numbers and embargoed subjects, so they
live in their own storage (`STORAGES["originals"]`), which has no public URL: staff open
them through a permission-checked admin view, which streams a local file or sends them
to an address on object storage signed for a few minutes. Readers get renditions, which
are made from the originals without that metadata and kept in the default (public)
storage.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

ORIGINALS = "originals"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on local disk, outside MEDIA_ROOT, with no URL."""

    def url(self, name):
        raise ValueError(
            "Originals have no public URL: staff open them through the admin, and "
            "readers see renditions."
        )

    def download_url(self, name, *, filename, content_type):
        """None: the file has no address of its own, so the admin view streams it."""
        return None


class PrivateS3Storage(S3Storage):
    """Objects nobody may read without a signature (the bucket's default, private ACL);
    `download_url` signs one for `querystring_expire` seconds."""

    querystring_auth = True
    # Signature version 4: the only one every AWS region accepts.
    signature_version = "s3v4"

    def download_url(self, name, *, filename, content_type):
        # The object storage answers with these headers, as the admin view would.
        return self.url(
            name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(
                    as_attachment=False, filename=filename
                ),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, max-age=0",
            },
        )


class _OriginalsStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[ORIGINALS]


originals_storage = _OriginalsStorage()


def get_originals_storage():
    """For `Image.file`: a callable, so migrations name this function, not a path."""
    return originals_storage


@receiver(setting_changed)
def _reset_originals_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        originals_storage._wrapped = empty
