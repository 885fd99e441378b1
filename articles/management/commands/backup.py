import tempfile
from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from tqdm import tqdm

from articles.backups import Refused, archive, database


class Command(BaseCommand):
    help = (
        "Back up the site into one tar archive: the database (pg_dump on PostgreSQL, "
        "the SQLite backup API on SQLite) and every original and rendition its rows "
        "name, with a manifest of SHA-256 checksums. `manage.py restore` puts it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            metavar="ARCHIVE",
            help="The archive to write; it must not exist yet. Default: "
            "newsroom-<date>-<time>.tar in the current folder.",
        )

    def handle(self, *args, path=None, **options):
        path = Path(path or f"newsroom-{datetime.now():%Y%m%d-%H%M%S}.tar")
        if path.exists():
            raise CommandError(f"{path} already exists: name another archive.")
        try:
            vendor = database.vendor()
            migrations = database.migration_state()
            with tempfile.TemporaryDirectory() as scratch:
                dump = Path(scratch) / "database"
                files = database.dump(dump)
                with tqdm(
                    total=len(files) + 1, unit="file", file=self.stderr, disable=None
                ) as progress:
                    entries, missing = archive.write(
                        path,
                        database=dump,
                        database_path=database.DUMPS[vendor],
                        vendor=vendor,
                        migrations=migrations,
                        files=files,
                        progress=progress,
                    )
        except Refused as error:
            raise CommandError(f"{error} No archive was written.") from error
        for missed in missing:
            self.stderr.write(f"Not in storage, so not in the archive: {missed}")
        size = filesizeformat(sum(entry["size"] for entry in entries))
        self.stdout.write(
            f"Backed up the {database.NAMES[vendor]} database and {len(entries) - 1} "
            f"files ({size} in all) to {path}."
        )
