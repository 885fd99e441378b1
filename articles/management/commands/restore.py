import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.backups import Refused, archive, database
from articles.cache import invalidation, tags

ONE = {"stories": "story", "images": "image", "users": "user"}


class Command(BaseCommand):
    help = (
        "Restore a site from an archive made by `manage.py backup`, into an empty "
        "database (no story, image or user) and its storages. The whole archive is "
        "checked against its manifest before anything is written. Afterwards the "
        "release's newer migrations are applied, the search index is rebuilt and "
        "every cached page refreshed. Stop the app servers and db_worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="ARCHIVE", help="The archive to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds stories, images or users.",
        )

    def handle(self, *args, path, force=False, **options):
        path = Path(path)
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / "database"
            try:
                tar = archive.open_archive(path)
                with tar:
                    manifest = self._checked(tar, force=force, dump=dump)
                    with self._progress(
                        manifest, "Restoring", database=False
                    ) as progress:
                        written = archive.restore_files(
                            tar, manifest, progress=progress
                        )
            except Refused as error:
                raise CommandError(f"{error} Nothing was changed.") from error
            try:
                database.load(dump)
            except Refused as error:
                raise CommandError(
                    f"{error} The database is as it was; the archive's pictures were "
                    "written beside those in storage."
                ) from error
        migrated = database.migrate_pending()
        # Rebuilt, not trusted: the dump's index was made for its site's language.
        call_command(
            "search_index", rebuild=True, stdout=self.stdout, stderr=self.stderr
        )
        # Every stored page, the navigation's sections and the next scheduled change
        # describe the database that was replaced.
        invalidation.refresh({tags.RELEASE, tags.SECTIONS})
        self.stdout.write(
            f"Restored the database and {written} files from {path} (made "
            f"{manifest['created_at']})"
            + (f"; applied {migrated} newer migrations" if migrated else "")
            + ". Every cached page will be made again at its next request."
        )

    def _checked(self, tar, *, force: bool, dump: Path) -> dict:
        """The manifest, once the archive has passed every check and its database dump
        is copied to `dump`."""
        manifest = archive.read_manifest(tar)
        database.check_restorable(manifest)
        held = {label: n for label, n in database.content().items() if n}
        if held and not force:
            listed = ", ".join(
                f"{n} {label if n > 1 else ONE[label]}" for label, n in held.items()
            )
            raise Refused(
                f"The database is not empty ({listed}): restoring would replace "
                "them. Run restore with --force to replace them."
            )
        with self._progress(manifest, "Checking") as progress:
            archive.verify(tar, manifest, database_to=dump, progress=progress)
        return manifest

    def _progress(self, manifest: dict, what: str, *, database=True) -> tqdm:
        dump = manifest["database"]["path"]
        return tqdm(
            desc=what,
            total=sum(
                entry["size"]
                for entry in manifest["files"]
                if database or entry["path"] != dump
            ),
            unit="B",
            unit_scale=True,
            file=self.stderr,
            disable=None,
        )
