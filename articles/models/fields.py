import hashlib
import re
from pathlib import PurePath
from uuid import uuid4

from django import forms
from django.db.models import Case, CharField, ImageField, TextField, Value, When
from django.db.models.fields.files import ImageFieldFile
from django.db.models.functions import Cast
from django_prose_editor.fields import ProseEditorField

from articles import body
from articles.image_validation import (
    check_picture,
    displayed_size,
    open_picture,
    picture_extension,
)
from articles.printable import printable

_LINE_BREAKS = re.compile(r"\r\n|[\t\n\r\u2028\u2029]")


class _Printable:
    """A text field that drops control characters and noncharacters (see
    `articles.printable`): in forms, so what is saved is what was checked; on the
    object when it is saved, so what it goes on to show (a message, an audit entry) is
    what was stored; and from every value written (save, update, bulk writes), which
    all pass `get_prep_value()`. The column is the plain Django field's, so migrations
    name that."""

    def cleaned(self, value: str) -> str:
        return printable(value)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if isinstance(value, str):
            value = self.cleaned(value)
            setattr(model_instance, self.attname, value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        return self.cleaned(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return self.cleaned(value) if isinstance(value, str) else value

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        plain = CharField if isinstance(self, CharField) else TextField
        return name, f"django.db.models.{plain.__name__}", args, kwargs


class PlainCharField(_Printable, CharField):
    """A line of text people type: a headline, a name, a file's name. Tabs and line
    breaks become spaces: a line shown in a heading or sent in a header has none."""

    def cleaned(self, value: str) -> str:
        return _LINE_BREAKS.sub(" ", printable(value))


class PlainTextField(_Printable, TextField):
    """Paragraphs of text people type (line breaks kept): a standfirst, a bio."""


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


class PictureFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every path that stores a file comes here (a form, Image.objects.create(), or
        # `image.file.save()` in an importer), so every one gets the full checks (done
        # once: a form's validation marks the upload checked). The uploader's name can
        # lie about the format or give away an embargoed story: the file is stored under
        # a random name with its real format's extension (`upload_to` adds the dated
        # folder), and the name is kept as data. The model declares these fields after
        # the file, so the same INSERT or UPDATE writes them.
        check_picture(content)
        self.instance.original_filename = PurePath(name).name[:255]
        self.instance.file_hash = file_sha256(content)
        previous = self.name
        super().save(f"{uuid4().hex}.{picture_extension(content)}", content, save=False)
        if save:
            try:
                self.instance.save()
            except BaseException:
                self.storage.delete(self.name)
                self.name = previous
                setattr(self.instance, self.field.attname, previous)
                raise

    def _get_image_dimensions(self):
        # Dimensions as the picture is seen (EXIF orientation applied), which is what
        # renditions and the page's width/height attributes need.
        if not hasattr(self, "_dimensions_cache"):
            close = self.closed
            self.open()
            try:
                self._dimensions_cache = displayed_size(self)
            finally:
                if close:
                    self.close()
        return self._dimensions_cache


class PictureFormField(forms.ImageField):
    # The uploaded name's extension says nothing: the file is checked for what it is
    # and stored under its real format's (a phone's "photo" is a JPEG all the same).
    default_validators = []

    def to_python(self, data):
        # Our header checks first: for a picture over twice Pillow's own pixel limit,
        # Django's would say "not a valid image" and hide the limits; an SVG or a PDF is
        # named as such.
        if hasattr(data, "seek"):
            with open_picture(data):
                pass
        return super().to_python(data)


class PictureField(ImageField):
    """An ImageField whose files are checked through, stored under generated names and
    measured as they are seen (`Image.file`; `Image.save()` removes a file whose row
    could not be written)."""

    attr_class = PictureFieldFile
    default_validators = []  # as PictureFormField's

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureFormField, **kwargs})

    def deconstruct(self):
        # Only how files are named changes; nothing in the database does.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


def file_sha256(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
