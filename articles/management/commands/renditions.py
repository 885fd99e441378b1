from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles import renditions
from articles.models import Image, Rendition


class Command(BaseCommand):
    help = (
        "Make the renditions readers see: those missing or out of date (the default), "
        "or, with --all, every one again (after changing the encoder settings)."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--missing",
            action="store_true",
            help="Only renditions that are missing or out of date (the default).",
        )
        which.add_argument(
            "--all",
            action="store_true",
            help="Delete every rendition and make it again.",
        )

    def handle(self, *args, all=False, **options):
        images = Image.objects.exclude(file="").order_by("pk")
        failed = []
        with tqdm(
            total=images.count(), unit="image", file=self.stderr, disable=None
        ) as progress:
            for image in images.iterator():
                if all:
                    Rendition.objects.filter(image=image).delete()
                try:
                    renditions.make_renditions(image)
                except Exception as error:  # one bad original must not stop the rest
                    failed.append(f"image {image.pk}: {error}")
                progress.update()
        made = Rendition.objects.count()
        self.stdout.write(f"{made} renditions for {len(images)} images.")
        for failure in failed:
            self.stderr.write(f"Could not make the renditions of {failure}")
        if failed:
            raise SystemExit(1)
