"""Backups of the whole site in one tar archive: the database, dumped natively
(`database`), and every original and rendition its rows name, read and written only
through Django's storage API (`archive`), with a manifest of checksums that a restore
verifies before it changes anything. `manage.py backup` and `manage.py restore` run
them."""


class Refused(Exception):
    """A backup or restore that will not go ahead; nothing was changed."""
