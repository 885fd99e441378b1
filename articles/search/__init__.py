"""Site search over published stories: one index kept true on every write path,
PostgreSQL full-text search or SQLite FTS5 underneath."""
