from django.db import migrations

from articles.search import schema


def reinstall(apps, schema_editor):
    # SQLite: the FTS5 table made again, its triggers now folding ø, æ, ß, ł and the
    # like (articles.search.folding), and filled the same way. PostgreSQL: unchanged.
    if schema_editor.connection.vendor == "sqlite":
        schema.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_audit_two_factor_events"),
    ]

    # Back to 0016 the folding triggers stay: the code that registers their function
    # is the same code.
    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
