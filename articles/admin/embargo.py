"""Stories not yet published are embargoed news: their headlines stay with those who may
read stories, on every admin page, including pages about other records."""


def may_read_articles(request) -> bool:
    return request.user.has_perm("articles.view_article")


class EmbargoedDeletionMixin:
    """Delete pages list what goes, or what stops it going, by name: a tag's or a
    section's stories, an author's bylines, a picture's uses. Staff who may not read
    stories see the records they are deleting, and how many story records are involved."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        if may_read_articles(request):
            return deleted, counts, perms_needed, protected
        # Nested lists hold what goes with each record; the summary still counts them.
        deleted = [item for item in deleted if not isinstance(item, list)]
        if protected:
            protected = self.protected_without_stories(objs, protected)
        return deleted, counts, perms_needed, protected

    def protected_without_stories(self, objs, protected) -> list[str]:
        return [f"{len(protected)} record(s) in stories you may not view"]
