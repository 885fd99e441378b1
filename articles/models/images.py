from datetime import datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from simple_history.models import HistoricalRecords

from articles import credits
from articles.image_validation import validate_image_upload
from articles.models.fields import PictureField, PlainCharField, PlainTextField
from articles.storage import get_originals_storage
from articles.tasks import make_renditions, withdraw_at_rights_end

FILE_RECORD_FIELDS = {"original_filename", "file_hash", "width", "height"}


class ImageQuerySet(models.QuerySet):
    def with_credit_data(self):
        return self.select_related("photographer__agency", "agency")

    def uncredited(self):
        return self.filter(credits.UNCREDITED)

    def credited(self):
        return self.exclude(credits.UNCREDITED)

    def rights_expired(self, at=None):
        """Images readers may no longer see at `at` (default: now)."""
        return self.filter(rights_expire_on__lt=rights_cutoff(at))

    def rights_current(self, at=None):
        return self.exclude(rights_expire_on__lt=rights_cutoff(at))


def rights_cutoff(at=None):
    """The first day whose rights still cover `at`: rights run to the end of their
    `rights_expire_on` day in the site's time zone, so at midnight that day is past."""
    return timezone.localdate(at)


def rights_end(last_day) -> datetime:
    """The moment rights whose last day is `last_day` run out: the midnight after it,
    site time."""
    return timezone.make_aware(
        datetime.combine(last_day + timedelta(days=1), time.min),
        timezone.get_default_timezone(),
    )


def _delete_original_on_commit(name: str) -> None:
    storage = get_originals_storage()
    transaction.on_commit(lambda: storage.delete(name))


class Image(models.Model):
    class CreditType(models.TextChoices):
        PHOTO = "photo", "Photo"
        FILE_PHOTO = "file_photo", "File photo"
        ILLUSTRATION = "illustration", "Illustration"
        GRAPHIC = "graphic", "Graphic"
        HANDOUT = "handout", "Handout"

    class Licence(models.TextChoices):
        STAFF = "staff", "Staff"
        RIGHTS_MANAGED = "rights-managed", "Rights-managed"
        ROYALTY_FREE = "royalty-free", "Royalty-free"
        CREATIVE_COMMONS = "creative-commons", "Creative Commons"
        PUBLIC_DOMAIN = "public-domain", "Public domain"
        HANDOUT = "handout", "Handout"
        UNKNOWN = "unknown", "Unknown"

    file = PictureField(
        upload_to="images/%Y/%m/",
        storage=get_originals_storage,
        width_field="width",
        height_field="height",
        validators=[validate_image_upload],
        help_text="JPEG, PNG, WebP, AVIF, GIF or HEIC. Kept private: readers see copies "
        "made for the web, without the file's location and camera data.",
    )
    original_filename = PlainCharField(
        max_length=255,
        blank=True,
        editable=False,
        help_text="The file's name on the uploader's computer. Kept for staff only: the "
        "stored file gets a generated name, since a name can reveal an embargoed story.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    file_hash = models.CharField(
        max_length=64, editable=False, blank=True, db_index=True
    )
    alt_text = PlainCharField(
        max_length=500,
        help_text="Describe what the picture shows for readers who cannot see it (screen readers, "
        "slow connections). Required: say what matters in the picture, not “image of”.",
    )
    caption = PlainTextField(
        blank=True,
        help_text="The default caption. A story can write its own caption for its use of the picture.",
    )
    photographer = models.ForeignKey(
        "articles.Photographer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="images",
    )
    agency = models.ForeignKey(
        "articles.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="images",
        help_text="Leave empty to use the photographer's agency.",
    )
    credit_type = models.CharField(
        max_length=20,
        choices=CreditType,
        default=CreditType.PHOTO,
        help_text="Decides the first word of the credit line: “Image by …”, “Illustration by …”.",
    )
    credit_text = PlainCharField(
        max_length=300,
        blank=True,
        help_text="Overrides the credit worked out from photographer and agency, word for word. "
        "Use only when the supplier asks for a particular wording.",
    )
    copyright_notice = PlainCharField(max_length=300, blank=True)
    licence = models.CharField(max_length=20, choices=Licence, default=Licence.UNKNOWN)
    licence_url = models.URLField(
        "licence URL",
        blank=True,
        help_text="The page stating the rights (the file's “web statement of rights”).",
    )
    licensor_url = models.URLField(
        "licensor URL",
        blank=True,
        help_text="Where readers can license this picture. Leave empty to use the agency's.",
    )
    usage_terms = PlainTextField(
        blank=True, help_text="Restrictions from the supplier, e.g. “No archiving”."
    )
    rights_expire_on = models.DateField(
        null=True,
        blank=True,
        help_text="The last day the picture may be shown. At midnight after it (site "
        "time), it disappears from every public page.",
    )
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Horizontal centre of interest, from 0 (left edge) to 1 (right edge); crops keep it in frame.",
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Vertical centre of interest, from 0 (top) to 1 (bottom).",
    )
    embedded_metadata = models.JSONField(default=dict, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1
                ),
                name="articles_image_focal_point_inside",
            ),
        ]

    def __str__(self):
        return self.caption[:80] or self.alt_text[:80] or f"Image {self.pk}"

    def save(self, *args, update_fields=None, **kwargs):
        # Whitespace is no credit: keep the database filter `credits.UNCREDITED` exact.
        self.credit_text = self.credit_text.strip()
        if not (self.width and self.height):
            # `FieldFile.save(..., save=False)` leaves the dimension fields unset.
            self.width, self.height = self.file.width, self.file.height
        if update_fields is not None and "file" in update_fields:
            # What storing the file records about it is written with it.
            update_fields = {*update_fields, *FILE_RECORD_FIELDS}
        upload = None if self.file._committed else self.file.file
        try:
            # The new file is stored while the row is written (pre_save).
            super().save(*args, update_fields=update_fields, **kwargs)
        except BaseException:
            if upload is not None and self.file._committed:
                # The row was refused: no orphan file, and trying again stores it again.
                self.file.storage.delete(self.file.name)
                self.file = upload
            raise
        source = self._rendition_source()
        made_from = getattr(self, "_renditions_made_from", None)
        if source != made_from:
            # A new file or focal point: new renditions, once the row is there to read.
            transaction.on_commit(partial(make_renditions.enqueue, self.pk))
            self._renditions_made_from = source
        if made_from and source and made_from[0] != source[0]:
            # A replaced original goes, GPS and all, once the new one is committed.
            _delete_original_on_commit(made_from[0])
        if "rights_expire_on" in self.__dict__ and self.rights_expire_on != getattr(
            self, "_rights_expire_on_saved", None
        ):
            if self.rights_expire_on is not None:
                transaction.on_commit(partial(withdraw_at_rights_end, self))
            self._rights_expire_on_saved = self.rights_expire_on

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        image = super().from_db(db, field_names, values, **kwargs)
        image._renditions_made_from = image._rendition_source()
        image._rights_expire_on_saved = image.__dict__.get("rights_expire_on")
        return image

    def _rendition_source(self):
        """What renditions are made from, or None when a field of it was not loaded."""
        if not {"file", "focal_x", "focal_y"} <= self.__dict__.keys():
            return None
        return (self.file.name, self.focal_x, self.focal_y)

    def rights_expired(self, at=None) -> bool:
        """Whether readers may no longer see this picture at `at` (default: now)."""
        return (
            self.rights_expire_on is not None
            and self.rights_expire_on < rights_cutoff(at)
        )

    @property
    def credit(self) -> str:
        return credits.credit_string(self)

    @property
    def credit_line(self) -> str:
        return credits.credit_line(self)

    @property
    def featured_credit_line(self) -> str:
        return credits.credit_line(self, featured=True)


@receiver(post_delete, sender=Image)
def _delete_original(sender, instance, **kwargs):
    """A deleted image's original does not linger in storage (it may carry GPS)."""
    if instance.file.name:
        _delete_original_on_commit(instance.file.name)
