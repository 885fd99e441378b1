"""Credits and rights a picture carries inside its file (XMP, IPTC, EXIF), and the rule
for pre-filling an `Image` from them without ever overwriting what staff set.

Each field takes its value from the first source that has one: XMP, then IPTC, then
EXIF. What was read is kept in `Image.embedded_metadata` (one entry per source), with
`prefilled`: the value each field was last given from the file. A later read may write a
field only while it still holds that value (or is empty and was never pre-filled), so a
field staff changed or cleared stays as they left it.
"""

import re
from collections.abc import Collection, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from PIL import IptcImagePlugin
from slugify import slugify

from articles.image_validation import file_size, open_picture, picture_end
from articles.models import Agency, Image, Photographer
from articles.slugs import free_slug

# Raw values kept per source are bounded, whatever a file claims to hold.
MAX_RAW_LENGTH = 2000
MAX_RAW_ITEMS = 20

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XMP_PROPERTIES = {
    "dc:creator": "{http://purl.org/dc/elements/1.1/}creator",
    "dc:description": "{http://purl.org/dc/elements/1.1/}description",
    "dc:rights": "{http://purl.org/dc/elements/1.1/}rights",
    "photoshop:Credit": "{http://ns.adobe.com/photoshop/1.0/}Credit",
    "photoshop:Source": "{http://ns.adobe.com/photoshop/1.0/}Source",
    "Iptc4xmpCore:AltTextAccessibility": "{http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/}AltTextAccessibility",
    "plus:Licensor": "{http://ns.useplus.org/ldf/xmp/1.0/}Licensor",
    "xmpRights:WebStatement": "{http://ns.adobe.com/xap/1.0/rights/}WebStatement",
    "xmpRights:UsageTerms": "{http://ns.adobe.com/xap/1.0/rights/}UsageTerms",
}
LICENSOR_URL = "{http://ns.useplus.org/ldf/xmp/1.0/}LicensorURL"
# XMP larger than this is not read. Agencies' files carry a few kilobytes; Photoshop's
# edit history can bloat it to a megabyte or two.
XMP_LIMIT = 4 * 1024 * 1024
IPTC_DATASETS = {
    "By-line": (2, 80),
    "Credit": (2, 110),
    "Source": (2, 115),
    "CopyrightNotice": (2, 116),
    "Caption-Abstract": (2, 120),
}
EXIF_TAGS = {"Artist": 0x013B, "ImageDescription": 0x010E, "Copyright": 0x8298}

# Where each pre-filled field is read, in order of preference: (source, key).
FIELD_SOURCES = {
    "photographer": [("xmp", "dc:creator"), ("iptc", "By-line"), ("exif", "Artist")],
    "caption": [
        ("xmp", "dc:description"),
        ("iptc", "Caption-Abstract"),
        ("exif", "ImageDescription"),
    ],
    "alt_text": [("xmp", "Iptc4xmpCore:AltTextAccessibility")],
    "copyright_notice": [
        ("xmp", "dc:rights"),
        ("iptc", "CopyrightNotice"),
        ("exif", "Copyright"),
    ],
    "licensor_url": [("xmp", "plus:Licensor")],
    "licence_url": [("xmp", "xmpRights:WebStatement")],
    "usage_terms": [("xmp", "xmpRights:UsageTerms")],
}
# The agency is only ever matched, never created: every name the file gives is tried.
AGENCY_SOURCES = [
    ("xmp", "photoshop:Credit"),
    ("xmp", "photoshop:Source"),
    ("iptc", "Credit"),
    ("iptc", "Source"),
]
PREFILLED_FIELDS = [*FIELD_SOURCES, "agency"]
URL_FIELDS = {"licensor_url", "licence_url"}
SOURCES = ("xmp", "iptc", "exif")

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Reading ---------------------------------------------------------------------------------


def read_embedded_metadata(file) -> dict[str, dict]:
    """The credit and rights values `file` carries, per source, as plain JSON values
    (a string or a list of strings). A picture that cannot be read carries none, nor
    does one the upload checks will refuse for its size or its pieces: this runs as
    soon as a file is picked, before them, and parsing such a file's metadata could
    take gigabytes and minutes."""
    if not 0 < file_size(file) <= settings.NEWSROOM_MAX_UPLOAD_SIZE:
        return {}
    try:
        with open_picture(file) as picture:
            image_format = picture.format
        picture_end(file, image_format)
        with open_picture(file) as picture:
            return {
                "xmp": _read_xmp(picture),
                "iptc": _read_iptc(picture),
                "exif": _read_exif(picture),
            }
    except (ValidationError, OSError):
        return {}


def _read_xmp(picture) -> dict:
    if len(picture.info.get("xmp") or b"") > XMP_LIMIT:
        return {}  # no camera or agency writes this much; parsing it takes seconds
    try:
        xmp = picture.getxmp(strip_namespaces=False)
    except Exception:  # malformed or hostile XML (defusedxml refuses entities): no XMP
        return {}
    descriptions = _as_list(
        _child(
            _child(xmp.get("{adobe:ns:meta/}xmpmeta", xmp), f"{RDF}RDF"),
            f"{RDF}Description",
        )
    )
    values = {}
    for name, tag in XMP_PROPERTIES.items():
        for description in descriptions:
            if isinstance(description, dict) and tag in description:
                if name == "plus:Licensor":
                    value = _licensor_urls(description[tag])
                else:
                    value = _xmp_value(description[tag])
                if value:
                    values[name] = value
                    break
    return values


def _child(value, tag):
    return value.get(tag) if isinstance(value, dict) else None


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _xmp_value(value) -> str | list[str] | None:
    """The text of an XMP property: a simple value, a language alternative (the
    x-default one, else the first) or an array (its items, in order)."""
    if isinstance(value, list):  # a property repeated by mistake: the first counts
        value = value[0] if value else None
    if isinstance(value, str):
        return _clean(value)
    if not isinstance(value, dict):
        return None
    if f"{RDF}Alt" in value:
        items = [
            item for item in _as_list(_child(value[f"{RDF}Alt"], f"{RDF}li")) if item
        ]
        default = [
            item
            for item in items
            if isinstance(item, dict) and item.get(XML_LANG) == "x-default"
        ]
        return _xmp_value((default or items or [None])[0])
    for array in (f"{RDF}Seq", f"{RDF}Bag"):
        if array in value:
            items = [
                _xmp_value(item)
                for item in _as_list(_child(value[array], f"{RDF}li"))[:MAX_RAW_ITEMS]
            ]
            return [item for item in items if isinstance(item, str) and item] or None
    text = value.get("text", value.get(f"{RDF}resource"))
    return _clean(text) if isinstance(text, str) else None


def _licensor_urls(value) -> list[str] | None:
    if isinstance(value, dict) and f"{RDF}Seq" in value:
        licensors = _as_list(_child(value[f"{RDF}Seq"], f"{RDF}li"))
    else:
        licensors = _as_list(value)
    urls = [
        _xmp_value(licensor.get(LICENSOR_URL))
        for licensor in licensors[:MAX_RAW_ITEMS]
        if isinstance(licensor, dict)
    ]
    return [url for url in urls if isinstance(url, str) and url] or None


def _read_iptc(picture) -> dict:
    try:
        iptc = IptcImagePlugin.getiptcinfo(picture) or {}
    except Exception:  # a malformed IPTC block: no IPTC
        return {}
    values = {}
    for name, dataset in IPTC_DATASETS.items():
        raw = iptc.get(dataset)
        items = [_decode(item) for item in _as_list(raw)[:MAX_RAW_ITEMS]]
        items = [item for item in items if item]
        if items:
            values[name] = items[0] if len(items) == 1 else items
    return values


def _read_exif(picture) -> dict:
    try:
        exif = picture.getexif()
    except Exception:  # a malformed EXIF block: no EXIF
        return {}
    values = {}
    for name, tag in EXIF_TAGS.items():
        raw = exif.get(tag)
        if isinstance(raw, bytes):
            raw = _decode(raw)
        if isinstance(raw, str):
            # EXIF Copyright may hold "photographer\0editor": the photographer's part.
            if text := _clean(raw.split("\x00")[0]):
                values[name] = text
    return values


def _decode(raw) -> str | None:
    if isinstance(raw, str):
        return _clean(raw)
    if not isinstance(raw, bytes):
        return None
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # older IPTC is often ISO 8859-1
    return _clean(text)


def _clean(text: str) -> str:
    return _CONTROL_CHARACTERS.sub("", text).strip()[:MAX_RAW_LENGTH]


# Choosing the values ---------------------------------------------------------------------


def embedded_values(metadata: dict) -> dict[str, str]:
    """For each field the file can pre-fill, the value of the first source that has
    one, fitted to the field (a URL that is not one is left out). The photographer is
    a name; the agency is left to `matching_agency`."""
    values = {}
    for field, sources in FIELD_SOURCES.items():
        for value in _candidates(metadata, sources):
            if field in URL_FIELDS and not _is_url(value):
                continue
            max_length = _max_length(field)
            values[field] = value[:max_length] if max_length else value
            break
    return values


def matching_agency(metadata: dict) -> Agency | None:
    """The agency the file's Credit Line or Source names, if we know it."""
    for name in _candidates(metadata, AGENCY_SOURCES):
        if agency := Agency.objects.filter(name__iexact=name).order_by("pk").first():
            return agency
    return None


def matching_photographer(name: str) -> Photographer | None:
    return Photographer.objects.filter(name__iexact=name).order_by("pk").first()


def _candidates(metadata: dict, sources) -> Iterable[str]:
    for source, key in sources:
        value = metadata.get(source, {}).get(key)
        # Of several values (creators, licensors), the first is the one pre-filled.
        for item in _as_list(value)[:1]:
            if isinstance(item, str) and item:
                yield item


def _max_length(field: str) -> int | None:
    if field == "photographer":
        return Photographer._meta.get_field("name").max_length
    return Image._meta.get_field(field).max_length


def _is_url(value: str) -> bool:
    try:
        URLValidator()(value)
    except ValidationError:
        return False
    return len(value) <= Image._meta.get_field("licence_url").max_length


# Applying them ---------------------------------------------------------------------------


def _current(image: Image, field: str):
    if field in ("photographer", "agency"):
        return getattr(image, f"{field}_id")
    return getattr(image, field)


def _empty(field: str):
    return None if field in ("photographer", "agency") else ""


def untouched_fields(image: Image) -> set[str]:
    """The fields staff have not set: each still holds what the file last pre-filled,
    or is empty and was never pre-filled."""
    prefilled = (image.embedded_metadata or {}).get("prefilled", {})
    return {
        field
        for field in PREFILLED_FIELDS
        if _current(image, field) == prefilled.get(field, _empty(field))
    }


def apply_embedded_metadata(
    image: Image, metadata: dict, *, writable: Collection[str] | None = None
) -> list[str]:
    """Pre-fill `image` from the metadata its file carries, and keep that metadata.

    Only the `writable` fields are written (by default the `untouched_fields`: a caller
    such as a form narrows them to leave out what staff just typed). A photographer the
    file names but nobody knows is created here, so call this only when the image is
    about to be saved. Returns the fields whose value changed; the caller saves."""
    if writable is None:
        writable = untouched_fields(image)
    values = embedded_values(metadata)
    prefilled = dict((image.embedded_metadata or {}).get("prefilled", {}))
    resolved = {}
    for field, value in values.items():
        if field == "photographer":
            if "photographer" in writable:
                photographer = matching_photographer(value) or _new_photographer(value)
                resolved["photographer"] = photographer.pk
        else:
            resolved[field] = value
    if agency := matching_agency(metadata):
        resolved["agency"] = agency.pk
    changed = []
    for field, value in resolved.items():
        if field not in writable:
            continue
        if _current(image, field) != value:
            attribute = f"{field}_id" if field in ("photographer", "agency") else field
            setattr(image, attribute, value)
            changed.append(field)
        prefilled[field] = value
    image.embedded_metadata = {
        **{source: metadata[source] for source in SOURCES if metadata.get(source)},
        "prefilled": prefilled,
    }
    return changed


def _new_photographer(name: str) -> Photographer:
    max_length = Photographer._meta.get_field("slug").max_length
    slug = free_slug(
        Photographer.objects.all(),
        slugify(name, max_length=max_length - 10) or "photographer",
        max_length=max_length,
    )
    return Photographer.objects.create(name=name, slug=slug)
