"""The admin's side of previews: "Preview" (the form as it stands, saved or not) and
"Share preview" (a signed, expiring, revocable link). See `articles.previews`."""


def urls(model_admin) -> list:
    """URL patterns ArticleAdmin adds for previews."""
    return []
