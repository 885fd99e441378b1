class IndexedSearchMixin:
    """The admin's article search, answered from the site search index."""
