from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        import pillow_heif

        # Pillow reads HEIC/HEIF, the format of iPhone photos, through this plugin.
        pillow_heif.register_heif_opener()

        # Imported for what they register: system checks; versions record an article's
        # tags and bylines, the search index follows tags, bylines, names and
        # captions, cached pages every write they show, a sign-in starts the
        # session's idle count and notes whether the user has a second factor, and
        # the audit log records sign-ins and permission changes (signal receivers).
        # SQLite's search index folds letters through a function of ours.
        from django.db.backends.signals import connection_created

        from articles import (  # noqa: F401
            audit,
            checks,
            history,
            idle_sessions,
            two_factor,
        )
        from articles.cache import receivers as cache_receivers  # noqa: F401
        from articles.search import (
            folding,
            receivers,  # noqa: F401
        )

        connection_created.connect(folding.register, dispatch_uid="newsroom_fold")
