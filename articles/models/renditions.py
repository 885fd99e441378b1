from functools import lru_cache

from django.core.signals import setting_changed
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver


class Rendition(models.Model):
    """A picture made from an Image's original for readers: scaled, maybe cropped,
    re-encoded without the original's metadata. Generated (`articles.renditions`),
    never edited."""

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        JPEG = "jpeg", "JPEG"

    class Crop(models.TextChoices):
        NONE = "", "Whole picture"
        WIDE = "16:9", "16:9"
        STANDARD = "4:3", "4:3"
        SQUARE = "1:1", "1:1"

    image = models.ForeignKey(
        "articles.Image", on_delete=models.CASCADE, related_name="renditions"
    )
    width = models.PositiveIntegerField(
        help_text="The width asked for; the picture is never made wider than its original."
    )
    format = models.CharField(max_length=4, choices=Format)
    crop = models.CharField(max_length=4, choices=Crop, blank=True)
    # Not an ImageField: its dimensions are written when it is made, and an ImageField
    # with dimension fields re-checks them on every row loaded (pages load dozens).
    file = models.FileField(upload_to="renditions/")
    width_px = models.PositiveIntegerField()
    height_px = models.PositiveIntegerField()
    source = models.CharField(
        max_length=100,
        help_text="What it was made from: the original's hash and, for crops, the focal "
        "point. A rendition whose source no longer matches its image is made again.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["image", "width", "format", "crop"],
                name="articles_rendition_one_per_spec",
            ),
        ]

    def __str__(self):
        crop = f" {self.crop}" if self.crop else ""
        return f"{self.format.upper()} {self.width_px}×{self.height_px}{crop} of image {self.image_id}"

    @property
    def url(self) -> str:
        """The file's public address."""
        return _address(self.file.name)


@lru_cache(maxsize=50_000)
def _address(name: str) -> str:
    # Remembered per process: a rendition's name never changes (a new file gets a new
    # one), and storages take about 10 µs to make an address; pages show dozens. Right
    # only for a storage whose addresses do not expire: renditions are public, never
    # signed (originals are, in a storage of their own).
    return Rendition._meta.get_field("file").storage.url(name)


@receiver(setting_changed)
def _forget_addresses(setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_URL"}:
        _address.cache_clear()


@receiver(post_delete, sender=Rendition)
def _delete_file(sender, instance, **kwargs):
    """A rendition's file goes with its row (also when its image is deleted), once the
    deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
