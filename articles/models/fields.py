from django.db.models import Case, Value, When
from django.db.models.functions import Cast
from django_prose_editor.fields import ProseEditorField

from articles import body


class BodyField(ProseEditorField):
    """The article body: whatever writes it (save, create, update, bulk_create,
    bulk_update, any manager), the database receives sanitized HTML.

    Django passes every value it writes through `get_db_prep_save()`, expressions
    included, so this is the one place sanitizing cannot be skipped. Text is sanitized,
    and so are the expressions `bulk_update()` builds around text (Case, When, Cast);
    anything else (another column, raw SQL, functions) is refused, since what it would
    write cannot be checked here.
    """

    def pre_save(self, model_instance, add):
        # The instance holds what was stored, so its image index is built from that.
        value = body.sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        return super().get_db_prep_save(_sanitized(value), connection)


def _sanitized(value):
    if isinstance(value, str):
        return body.sanitize(value)
    if value is None:
        return value
    if isinstance(value, Value):
        if not isinstance(value.value, str | None):
            raise TypeError("Article.body can only be written as text.")
        sanitized = value.copy()
        sanitized.value = _sanitized(value.value)
        return sanitized
    if isinstance(value, When):
        sanitized = value.copy()
        sanitized.result = _sanitized(value.result)  # the condition is not written
        return sanitized
    if type(value) in (Case, Cast):
        sanitized = value.copy()
        sanitized.set_source_expressions(
            [_sanitized(part) for part in value.get_source_expressions()]
        )
        return sanitized
    raise TypeError(
        f"Article.body can only be written as text, so that it can be sanitized, not as {value!r}."
    )
