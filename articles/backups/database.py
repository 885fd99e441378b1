"""The database in a backup: a native dump (the SQLite backup API; pg_dump's custom
format), the names of the files its rows point to as of the same moment, and what a
restore checks first and does after."""

import os
import sqlite3
import subprocess
import tempfile
from collections import defaultdict
from contextlib import closing
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from articles.backups import Refused
from articles.models import Article, Image, Rendition

# Where each database's dump sits in the archive, and its name for people.
DUMPS = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.dump"}
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# The archive folder (articles.backups.archive.FOLDERS) of each model's files.
FILES = {"originals": Image, "media": Rendition}


def vendor() -> str:
    if connection.vendor not in DUMPS:
        raise Refused(
            f"Backups cover SQLite and PostgreSQL, not {connection.display_name}."
        )
    return connection.vendor


def migration_state() -> dict[str, list[str]]:
    state = defaultdict(list)
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        state[app].append(name)
    return dict(state)


def _stored_files(cursor) -> list[str]:
    """Archive paths of the originals and renditions the rows name."""
    quote = connection.ops.quote_name
    paths = []
    for folder, model in FILES.items():
        table = quote(model._meta.db_table)
        column = quote(model._meta.get_field("file").column)
        cursor.execute(f"SELECT {column} FROM {table} WHERE {column} <> '' ORDER BY 1")  # noqa: S608 - identifiers only
        paths += [f"{folder}/{name}" for (name,) in cursor.fetchall()]
    return paths


def dump(path: Path) -> list[str]:
    """Write the database to `path`; return the archive paths of the files its rows
    name, read from the same snapshot, so the archive has the files of its own rows."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
            return _stored_files(copy.cursor())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        files = _stored_files(cursor)
        _postgres(
            "pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}"
        )
    return files


def check_restorable(manifest: dict) -> None:
    """Refuse a dump of another database, or from a release newer than this one."""
    archived, here = manifest["database"]["vendor"], vendor()
    if archived != here:
        raise Refused(
            f"The archive holds a {NAMES.get(archived, archived)} database and this "
            f"site runs on {NAMES[here]}: a dump of one cannot be restored into the "
            f"other. Restore it on a site whose DATABASE_URL is {NAMES.get(archived, archived)}."
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    unknown = [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        if app in loader.migrated_apps
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise Refused(
            f"The archive's database has migrations this release does not: "
            f"{', '.join(unknown)}. Restore it with the release that made it, or a "
            "newer one."
        )


def content() -> dict[str, int]:
    """How many stories, images and users the database holds (none if it has no
    tables yet)."""
    tables = set(connection.introspection.table_names())
    return {
        label: model.objects.count() if model._meta.db_table in tables else 0
        for label, model in (
            ("stories", Article),
            ("images", Image),
            ("users", get_user_model()),
        )
    }


def load(path: Path) -> None:
    """Replace the whole database with the dump at `path`, in one step: if it fails,
    the database is as it was."""
    if connection.in_atomic_block:
        raise RuntimeError("A restore cannot run inside a transaction.")
    if vendor() == "sqlite":
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(path)) as archived:
                archived.backup(connection.connection)
        except sqlite3.Error as error:
            raise Refused(f"The database could not be restored: {error}") from error
    else:
        connection.close()  # so no session of ours holds a lock the restore waits for
        _restore_postgres(path)
    # Content type ids are the restored database's now.
    ContentType.objects.clear_cache()


def migrate_pending() -> int:
    """Apply the migrations this release has and the restored database lacks."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return len(plan)


def _postgres_command(program: str, *options: str) -> tuple[list[str], dict]:
    """`program` with this site's connection settings, as `manage.py dbshell` passes
    them to psql."""
    args, env = DatabaseClient.settings_to_cmd_args_env(
        connection.settings_dict, list(options)
    )
    return [program, *args[1:]], {**os.environ, **(env or {})}


def _postgres(program: str, *options: str) -> None:
    command, env = _postgres_command(program, *options)
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603 - PostgreSQL's own tools
    except FileNotFoundError as error:
        raise Refused(_missing_tool(program)) from error
    except subprocess.CalledProcessError as error:
        raise Refused(f"{program} failed: {error.stderr.strip()}") from error


def _missing_tool(program: str) -> str:
    return (
        f"{program} was not found: install PostgreSQL's client tools "
        "(postgresql-client), of the server's major version or newer."
    )


# Tables the dump does not have (made by a later migration, on a database migrated
# before the restore) would survive it and make `migrate` fail: every table goes
# first, in the restore's own transaction.
_DROP_TABLES = b"""
DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT schemaname, tablename FROM pg_tables
           WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I.%I CASCADE', t.schemaname, t.tablename);
  END LOOP;
END $$;
"""


def _restore_postgres(path: Path) -> None:
    """pg_restore's script, behind _DROP_TABLES, run by psql in one transaction that
    stops at the first error, so a failed restore changes nothing."""
    command, env = _postgres_command(
        "psql",
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        "--file=-",
    )
    script = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--file=-",
        str(path),
    ]
    with tempfile.TemporaryFile() as errors:
        try:
            psql = subprocess.Popen(  # noqa: S603 - PostgreSQL's own tools
                command,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        except FileNotFoundError as error:
            raise Refused(_missing_tool("psql")) from error
        try:
            with psql.stdin:
                psql.stdin.write(_DROP_TABLES)
                psql.stdin.flush()
                restored = subprocess.run(script, stdout=psql.stdin, stderr=errors)  # noqa: S603
        except BrokenPipeError:
            restored = None  # psql stopped early; its error is in `errors`
        except FileNotFoundError as error:
            psql.kill()
            psql.wait()
            raise Refused(_missing_tool("pg_restore")) from error
        if psql.wait() or restored is None or restored.returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise Refused(f"The database could not be restored: {message}")
