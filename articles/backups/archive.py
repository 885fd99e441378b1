"""The archive: a tar file holding the database dump under `database/`, originals
under `originals/` and renditions under `media/`, each at its storage name, and
`manifest.json`, written last, once every checksum is known."""

import hashlib
import io
import json
import os
import tarfile
import time
from contextlib import nullcontext
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import storages
from django.utils import timezone

from articles.backups import Refused
from articles.storage import ORIGINALS

FORMAT = 1
MANIFEST = "manifest.json"
# The archive's folders, and the storage each one's files are read from and written to.
FOLDERS = {"originals": ORIGINALS, "media": "default"}
DATABASE_FOLDER = "database"
CHUNK = 1024 * 1024


def storage_and_name(path: str):
    folder, name = path.split("/", 1)
    return storages[FOLDERS[folder]], name


class _Hashing:
    """A file read through, its SHA-256 worked out on the way."""

    def __init__(self, file):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add(tar: tarfile.TarFile, path: str, file, size: int) -> dict:
    info = tarfile.TarInfo(path)
    info.size, info.mtime, info.mode = size, int(time.time()), 0o600
    reader = _Hashing(file)
    tar.addfile(info, reader)
    return {"path": path, "size": size, "sha256": reader.sha256.hexdigest()}


def write(
    destination: Path,
    *,
    database: Path,
    database_path: str,
    vendor: str,
    migrations: dict[str, list[str]],
    files: list[str],
    progress,
) -> tuple[list[dict], list[str]]:
    """Write the archive to `destination` (under another name until it is complete).
    Returns the manifest's entries and the `files` not found in their storage."""
    entries, missing = [], []
    partial = destination.with_name(destination.name + ".partial")
    # Readable by its owner only: it holds private originals and password hashes.
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Refused(
            f"{partial} exists: another backup is writing {destination.name} now, or "
            "one was stopped before it finished (then delete that file)."
        ) from None
    try:
        with (
            os.fdopen(descriptor, "wb") as out,
            tarfile.open(fileobj=out, mode="w") as tar,
        ):
            with database.open("rb") as dump:
                entries.append(_add(tar, database_path, dump, database.stat().st_size))
            progress.update()
            for path in files:
                storage, name = storage_and_name(path)
                if storage.exists(name):
                    with storage.open(name, "rb") as file:
                        entries.append(_add(tar, path, file, file.size))
                else:
                    missing.append(path)
                progress.update()
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "database": {"vendor": vendor, "path": database_path},
                "migrations": migrations,
                "files": entries,
            }
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
            tar.addfile(info, io.BytesIO(data))
        # A link, not a rename: a rename would replace an archive of the same name
        # made while this one was written.
        try:
            os.link(partial, destination)
        except FileExistsError:
            raise Refused(
                f"{destination} appeared while this backup was written: name another."
            ) from None
    finally:
        partial.unlink(missing_ok=True)
    return entries, missing


def open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:")
    except (OSError, tarfile.TarError) as error:
        raise Refused(
            f"{path} cannot be read as a backup archive ({error})."
        ) from error


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError as error:
        raise Refused(
            f"The archive has no {MANIFEST}: it was not made by manage.py backup, or "
            "it was cut short."
        ) from error
    except (OSError, EOFError, tarfile.TarError, ValueError) as error:
        raise Refused(f"The archive's {MANIFEST} cannot be read ({error}).") from error
    version = manifest.get("format") if isinstance(manifest, dict) else None
    if version != FORMAT:
        raise Refused(
            f"The archive is in backup format {version!r}; this release restores "
            f"format {FORMAT} only."
        )
    try:
        paths = [manifest["database"]["path"], *(e["path"] for e in manifest["files"])]
        complete = "vendor" in manifest["database"] and "migrations" in manifest
    except (KeyError, TypeError):
        complete = False
    # The dump must be one of the checked files: without it, a restore would put an
    # empty database in place of the site's.
    if not complete or paths[0] not in paths[1:]:
        raise Refused(f"The archive's {MANIFEST} is incomplete.")
    for path in paths:
        parts = PurePosixPath(path).parts
        if (
            len(parts) < 2
            or ".." in parts
            or parts[0] not in {DATABASE_FOLDER, *FOLDERS}
            or (parts[0] == DATABASE_FOLDER) != (path == paths[0])
        ):
            raise Refused(f"The archive's {MANIFEST} names an unexpected file: {path}")
    return manifest


def verify(tar: tarfile.TarFile, manifest: dict, *, database_to: Path, progress):
    """Check every file against the manifest, copying the database dump to
    `database_to` on the way. Raises Refused at the first difference."""
    expected = {entry["path"]: entry for entry in manifest["files"]}
    seen = set()
    try:
        for member in tar:
            if member.name == MANIFEST:
                continue
            entry = expected.get(member.name)
            if entry is None or member.name in seen or not member.isfile():
                raise Refused(
                    f"{member.name} is in the archive but not in its manifest."
                )
            seen.add(member.name)
            is_database = member.name == manifest["database"]["path"]
            with (
                tar.extractfile(member) as source,
                database_to.open("wb") if is_database else nullcontext() as copy,
            ):
                digest, size = hashlib.sha256(), 0
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if copy:
                        copy.write(chunk)
                    progress.update(len(chunk))
            if (size, digest.hexdigest()) != (entry["size"], entry["sha256"]):
                raise Refused(
                    f"{member.name} does not match its size and SHA-256 checksum in "
                    "the manifest: the archive is damaged."
                )
    except (OSError, EOFError, tarfile.TarError) as error:
        raise Refused(f"The archive cannot be read to the end ({error}).") from error
    if missing := sorted(expected.keys() - seen):
        raise Refused(
            f"The archive lacks {len(missing)} file(s) its manifest lists, such as "
            f"{missing[0]}."
        )


def restore_files(tar: tarfile.TarFile, manifest: dict, *, progress) -> int:
    """Write the archive's originals and renditions to their storages, under the names
    they had (a file of that name already there is replaced). Returns how many."""
    written = 0
    for member in tar:
        if member.name in (MANIFEST, manifest["database"]["path"]):
            continue
        storage, name = storage_and_name(member.name)
        if storage.exists(name):
            storage.delete(name)
        content = File(tar.extractfile(member), name=name)
        content.size = member.size
        if (saved := storage.save(name, content)) != name:
            raise OSError(f"The storage kept {member.name} as {saved}.")
        written += 1
        progress.update(member.size)
    return written
