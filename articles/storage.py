"""Where pictures are kept.

Originals may carry GPS positions, camera serial numbers and embargoed subjects, so they
live in their own storage (`STORAGES["originals"]`), which has no public URL: staff open
them through a permission-checked admin view. Readers get renditions, which are made
from the originals without that metadata and kept in the default (public) storage.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

ORIGINALS = "originals"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on local disk, outside MEDIA_ROOT, with no URL."""

    def url(self, name):
        raise ValueError(
            "Originals have no public URL: staff open them through the admin, and "
            "readers see renditions."
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
