"""Per-user working copies of a story's form (autosave): kept until that person saves
the story or discards them. They never touch the story itself."""

from articles.models import Article, WorkingCopy

# Not part of what was typed: each page gets its own token.
NOT_KEPT = {"csrfmiddlewaretoken"}


def working_copy(article: Article | None, user) -> WorkingCopy | None:
    """`user`'s copy of `article` (of the new story they were writing, for None)."""
    return WorkingCopy.objects.filter(article=article, user=user).first()


def keep(article: Article | None, user, fields: dict[str, list[str]], *, base_version):
    """Store what `user` has typed into the form of `article` (None: a new story)."""
    data = {name: values for name, values in fields.items() if name not in NOT_KEPT}
    copy, _ = WorkingCopy.objects.update_or_create(
        article=article,
        user=user,
        defaults={"data": data, "base_version": base_version},
    )
    return copy


def discard(article: Article | None, user) -> None:
    WorkingCopy.objects.filter(article=article, user=user).delete()
