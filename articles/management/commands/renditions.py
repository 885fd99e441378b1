from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles import renditions
from articles.models import Image, Rendition
from articles.tasks import withdraw_expired


class Command(BaseCommand):
    help = (
        "Make the renditions readers see: those missing or out of date (the default), "
        "or, with --all, every one again (after changing the encoder settings). "
        "Pictures whose rights have expired lose theirs, so their public addresses "
        "stop answering: run it daily."
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
        failed, withdrawn, total = [], 0, images.count()
        # A bar on a terminal; nothing in logs (disable=None).
        with tqdm(
            total=total, unit="image", file=self.stderr, disable=None
        ) as progress:
            for image in images.iterator():
                try:
                    if image.rights_expired():
                        withdrawn += withdraw_expired(image)
                    else:
                        renditions.make_renditions(image, again=all)
                except Exception as error:  # one bad original must not stop the rest
                    failed.append(f"image {image.pk}: {error}")
                progress.update()
        self.stdout.write(
            f"{Rendition.objects.count()} renditions for {total} images; "
            f"{withdrawn} withdrawn from pictures whose rights have expired."
        )
        for failure in failed:
            self.stderr.write(f"Could not make the renditions of {failure}")
        if failed:
            raise SystemExit(1)
