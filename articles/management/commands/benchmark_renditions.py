import io
import os
import statistics
import time
from pathlib import Path

import PIL.Image
from django.core.management.base import BaseCommand
from PIL import ImageDraw, ImageFilter

from articles import renditions


class Command(BaseCommand):
    help = (
        "Time making every rendition of one 2400 × 1600 photo (median of several runs) "
        "and print the bytes of each rendition. Needs no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", help="A photo to use instead of the built-in 2400 × 1600 one."
        )
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, file=None, runs=5, **options):
        original = Path(file).read_bytes() if file else photo_like(2400, 1600)
        with PIL.Image.open(io.BytesIO(original)) as picture:
            size = picture.size
        specs = renditions.specs_for(*size)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            made = renditions.make(io.BytesIO(original), specs, (0.5, 0.5))
            timings.append(time.perf_counter() - started)
        self.stdout.write(
            f"Original: {size[0]} × {size[1]} JPEG, {len(original):,} bytes; "
            f"{os.cpu_count()} CPUs"
        )
        for item in made:
            spec = item.spec
            kind = f"crop {spec.crop}" if spec.crop else "whole"
            self.stdout.write(
                f"  {spec.format.upper():4} {kind:9} {item.width_px:>5} × {item.height_px:<5}"
                f" {len(item.content):>9,} bytes"
            )
        self.stdout.write(
            f"All {len(made)} renditions: median {statistics.median(timings):.3f} s "
            f"(min {min(timings):.3f} s, max {max(timings):.3f} s, {runs} runs)"
        )


def photo_like(width: int, height: int) -> bytes:
    """A JPEG that compresses like a photo: sky, ground, shapes and grain. The same
    every time, so runs compare."""
    sky = PIL.Image.linear_gradient("L").resize((width, height))
    picture = PIL.Image.merge(
        "RGB",
        [
            sky.point(lambda v: 90 + v // 3),
            sky.point(lambda v: 120 + v // 4),
            PIL.Image.radial_gradient("L").resize((width, height)),
        ],
    )
    draw = ImageDraw.Draw(picture)
    for n in range(40):
        x, y = (n * 997) % width, height // 2 + (n * 613) % (height // 2)
        draw.rectangle(
            (x, y, x + 40 + n * 7, y + 300), fill=(60 + n * 4, 50, 40 + n * 3)
        )
    grain = PIL.Image.effect_noise((width, height), 24).convert("RGB")
    picture = PIL.Image.blend(picture, grain, 0.18).filter(ImageFilter.GaussianBlur(1))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()
