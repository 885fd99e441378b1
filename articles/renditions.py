"""Renditions: the pictures readers get, made from the private originals.

Every Image gets AVIF and JPEG copies 480, 960 and 1600 pixels wide (never wider than
the original), and JPEG crops 16:9, 4:3 and 1:1, 1200 pixels wide, around its focal
point (for share cards and structured data). They are decoded, turned upright (EXIF
orientation), converted to sRGB and encoded afresh, so no GPS position, camera serial or
other metadata of the original survives.

`make_renditions` runs as a task after an upload or a focal-point change; a page that
finds one missing makes it then (`renditions_for`), once, however many requests ask at
the same time. A page never falls back to the original.
"""

import io
import logging
import math
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from secrets import token_hex

import PIL.Image
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from PIL import ExifTags, ImageCms, ImageOps

from articles.cache.failures import without_failing

WIDTHS = (480, 960, 1600)
CROPS = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}
CROP_WIDTH = 1200
# Encoder settings, chosen with `manage.py benchmark_renditions`: AVIF at speed 8 is
# ten times faster than its default and a few per cent larger.
AVIF_OPTIONS = {"quality": 55, "speed": 8}
JPEG_OPTIONS = {"quality": 80, "optimize": True, "progressive": True}
SUFFIXES = {"avif": "avif", "jpeg": "jpg"}

LOCK_SECONDS = 120  # longer than making every rendition of the largest picture takes
WAIT_SECONDS = 30  # how long a request waits for another one making the same renditions
_SRGB = ImageCms.createProfile("sRGB")
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Spec:
    """One rendition to make: its nominal width, format and crop ("" for none)."""

    width: int
    format: str
    crop: str = ""

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.width, self.format, self.crop)


@dataclass(frozen=True)
class Made:
    spec: Spec
    content: bytes
    width_px: int
    height_px: int


def specs_for(width: int, height: int) -> list[Spec]:
    """The renditions a picture of `width` × `height` (upright) gets: each width in
    WIDTHS below the original's, then one at the original's own width if it is
    narrower than the largest, in both formats; and the three crops."""
    widths = [w for w in WIDTHS if w < width]
    if len(widths) < len(WIDTHS):
        widths.append(WIDTHS[len(widths)])  # made at the original's width
    return [Spec(w, f) for w in widths for f in ("avif", "jpeg")] + [
        Spec(CROP_WIDTH, "jpeg", crop) for crop in CROPS
    ]


def source_of(image, crop: str = "") -> str:
    """What a rendition is made from: the original file and, for a crop, the focal
    point. A rendition whose source differs from this is out of date."""
    source = image.file_hash[:16] or image.file.name[-32:]
    if crop:
        source += f"@{image.focal_x:.4f},{image.focal_y:.4f}"
    return source


def crop_box(
    width: int, height: int, ratio: tuple[int, int], focal: tuple[float, float]
):
    """The largest box of `ratio` inside `width` × `height`, centred on the focal point
    as far as the picture's edges allow."""
    across, down = ratio
    box_width = min(width, height * across / down)
    box_height = box_width * down / across
    left = min(max(focal[0] * width - box_width / 2, 0), width - box_width)
    top = min(max(focal[1] * height - box_height / 2, 0), height - box_height)
    return (
        round(left),
        round(top),
        round(left + box_width),
        round(top + box_height),
    )


def make(file, specs: list[Spec], focal: tuple[float, float]) -> list[Made]:
    """Encode `specs` from the picture in `file` (an open binary file)."""
    with PIL.Image.open(file) as original:
        picture = _upright_srgb(original, specs)
    scaled, larger = {}, picture
    for width in sorted({s.width for s in specs if not s.crop}, reverse=True):
        # Each width from the next larger one: as sharp, and far cheaper.
        scaled[width] = larger = _scale(larger, width)
    jobs = [
        (spec, scaled[spec.width])
        if not spec.crop
        else (spec, _cropped(picture, spec, focal))
        for spec in specs
    ]
    # Encoders release the GIL: two at a time keep both cores busy.
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda job: _encode(*job), jobs))


def _upright_srgb(original, specs):
    if original.format in ("JPEG", "MPO"):
        # Decode at the smallest scale (1/2, 1/4, 1/8) that still covers every spec.
        width, height = original.size
        upright = (height, width) if _turned(original) else (width, height)
        needed = max(_fraction_needed(*upright, spec) for spec in specs)
        original.draft("RGB", (math.ceil(width * needed), math.ceil(height * needed)))
    picture = ImageOps.exif_transpose(original)
    mode = "RGBA" if picture.has_transparency_data else "RGB"
    converted = None
    if icc := picture.info.get("icc_profile"):
        try:
            # Into sRGB from the picture's own profile, in its own mode (CMYK, grey, RGB).
            converted = ImageCms.profileToProfile(
                picture,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                _SRGB,
                outputMode=mode,
            )
        except (ImageCms.PyCMSError, OSError):
            pass  # a profile we cannot use: the pixels as they are
    picture = converted or picture.convert(mode)
    picture.info = {}  # nothing of the original's metadata goes on
    return picture


def _turned(picture) -> bool:
    """Whether EXIF orientation turns the picture a quarter (5 to 8)."""
    return picture.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)


def _fraction_needed(width, height, spec) -> float:
    """The fraction of the upright original's size that `spec` needs."""
    if spec.crop:
        across, down = CROPS[spec.crop]
        width = min(width, height * across / down)
    return min(1, spec.width / width)


def _scale(picture, width):
    if picture.width <= width:
        return picture
    height = max(1, round(picture.height * width / picture.width))
    return picture.resize((width, height), PIL.Image.Resampling.LANCZOS, reducing_gap=3)


def _cropped(picture, spec: Spec, focal):
    """The crop of `spec` at exactly its ratio (1200×675 for 16:9): the box's edges are
    whole pixels, so scaling it as it is could leave the height a pixel off."""
    across, down = CROPS[spec.crop]
    box = picture.crop(crop_box(*picture.size, (across, down), focal))
    width = min(spec.width, box.width)
    height = max(1, round(width * down / across))
    return box.resize((width, height), PIL.Image.Resampling.LANCZOS, reducing_gap=3)


def _encode(spec: Spec, picture) -> Made:
    buffer = io.BytesIO()
    if spec.format == "avif":
        picture.save(buffer, "AVIF", **AVIF_OPTIONS)
    else:
        if picture.mode == "RGBA":  # JPEG has no transparency: on white
            flat = PIL.Image.new("RGB", picture.size, "white")
            flat.paste(picture, mask=picture.getchannel("A"))
            picture = flat
        picture.save(buffer, "JPEG", **JPEG_OPTIONS)
    return Made(spec, buffer.getvalue(), *picture.size)


# Storing and finding renditions


def renditions_for(image) -> dict[tuple, object]:
    """The image's up-to-date renditions by spec key, made now if any is missing.
    Reads `image.renditions.all()`, so a prefetch keeps a page's queries fixed."""
    wanted = specs_for(image.width, image.height)
    current = _up_to_date(image, image.renditions.all())
    if all(spec.key in current for spec in wanted):
        return current
    try:
        return make_renditions(image)
    except (OSError, ValueError, PIL.Image.DecompressionBombError):
        # A missing or broken original: readers get no picture rather than no page.
        logger.exception("Could not make the renditions of image %s", image.pk)
        return current


def preview_url(image) -> str:
    """The smallest JPEG of `image`, for staff screens (admin lists, the chooser, the
    editor): originals can be huge, or in a format browsers cannot show (HEIC)."""
    jpegs = [
        r for r in renditions_for(image).values() if r.format == "jpeg" and not r.crop
    ]
    return min(jpegs, key=lambda r: r.width).url if jpegs else ""


def crops_for(image) -> dict[str, object]:
    """The image's focal-point crops by ratio ("16:9", "4:3", "1:1"), made if missing."""
    return {r.crop: r for r in renditions_for(image).values() if r.crop}


def make_renditions(image, *, again=False) -> dict[tuple, object]:
    """Make whatever renditions of `image` are missing or out of date (`again`: all of
    them), once: a second caller waits for the first and then finds them made.
    Renditions no longer wanted (the file was replaced by a smaller one) are deleted."""
    from articles.models import Image, Rendition  # models import this module's callers

    with _lock(image.pk):
        # Made from the image as stored: `image` may hold a form's unsaved values.
        stored = Image.objects.filter(pk=image.pk).first()
        if stored is None:
            return {}
        existing = Rendition.objects.filter(image=stored)
        current = {} if again else _up_to_date(stored, existing)
        missing = [
            spec
            for spec in specs_for(stored.width, stored.height)
            if spec.key not in current
        ]
        if missing:
            with stored.file.open("rb") as file:
                made = make(file, missing, (stored.focal_x, stored.focal_y))
            for item in made:
                current[item.spec.key] = _store(stored, item)
        existing.exclude(pk__in=[r.pk for r in current.values()]).delete()
    # So that `image.renditions.all()` reads the new rows.
    getattr(image, "_prefetched_objects_cache", {}).pop("renditions", None)
    return current


def withdraw(image) -> int:
    """Delete the renditions of `image` (their files go too): for pictures whose rights
    have expired, so their public addresses stop answering. Returns how many."""
    return image.renditions.all().delete()[0]


def _up_to_date(image, renditions) -> dict[tuple, object]:
    return {
        (r.width, r.format, r.crop): r
        for r in renditions
        if r.source == source_of(image, r.crop)
    }


def _store(image, made: Made):
    from articles.models import Rendition

    spec = made.spec
    label = f"{spec.crop.replace(':', 'x')}-{spec.width}" if spec.crop else spec.width
    # A new random name each time: caches and CDNs never serve an out-of-date crop,
    # and nobody can guess a rendition of an image they have not been shown.
    name = default_storage.save(
        f"renditions/{image.pk}/{token_hex(8)}-{label}.{SUFFIXES[spec.format]}",
        ContentFile(made.content),
    )
    fields = {
        "file": name,
        "width_px": made.width_px,
        "height_px": made.height_px,
        "source": source_of(image, spec.crop),
    }
    try:
        with transaction.atomic():
            old = (
                Rendition.objects.select_for_update()
                .filter(
                    image=image, width=spec.width, format=spec.format, crop=spec.crop
                )
                .first()
            )
            if old is None:
                return Rendition.objects.create(
                    image=image,
                    width=spec.width,
                    format=spec.format,
                    crop=spec.crop,
                    **fields,
                )
            old_name = old.file.name
            for field, value in fields.items():
                setattr(old, field, value)
            old.save()
    except IntegrityError:
        # Another process stored the same rendition first: keep theirs.
        default_storage.delete(name)
        return Rendition.objects.get(
            image=image, width=spec.width, format=spec.format, crop=spec.crop
        )
    transaction.on_commit(lambda: default_storage.delete(old_name))
    return old


@contextmanager
def _lock(image_id):
    """One maker at a time per image, across processes when the cache is shared
    (Redis in production; the default local-memory cache covers one process). A holder
    that died frees the lock after LOCK_SECONDS; a waiter gives up after WAIT_SECONDS
    and makes the renditions itself rather than show nothing. So does a request when the
    cache fails (Redis unreachable): two may then make the same renditions, and
    `_store` keeps one of each."""
    key, token = f"renditions:making:{image_id}", token_hex(8)

    def take():
        deadline = time.monotonic() + WAIT_SECONDS
        while not cache.add(key, token, LOCK_SECONDS):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def free():
        if cache.get(key) == token:  # never free another maker's lock
            cache.delete(key)

    # A lock not freed because the cache failed expires by itself.
    what = f"The renditions' lock of image {image_id}"
    held = without_failing(take, default=False, what=what)
    try:
        yield
    finally:
        if held:
            without_failing(free, default=None, what=what)
