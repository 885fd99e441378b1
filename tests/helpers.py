"""Builders shared by the tests: pictures made in memory, body markup as the editor stores it."""

import io
import re
from html.parser import HTMLParser

import lxml.html
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Image


def image_bytes(size=(1200, 800), image_format="JPEG", color=(200, 60, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def upload(
    name="picture.jpg", content=None, content_type="image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, image_bytes() if content is None else content, content_type=content_type
    )


def figure(image, caption="") -> str:
    """A body figure as the editor stores it."""
    return f'<figure><img src="/editor-preview.jpg" alt="" data-file="{image.pk}"><figcaption>{caption}</figcaption></figure>'


SCRIPTABLE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "form",
}
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


class _MarkupAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in SCRIPTABLE_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            # How a browser reads a URL: outer controls and spaces trimmed, tabs and newlines
            # dropped anywhere (WHATWG URL standard).
            scheme = _TAB_OR_NEWLINE.sub("", (value or "").strip(_C0_AND_SPACE)).lower()
            if name in ("href", "src", "action") and scheme.startswith(
                ("javascript:", "vbscript:", "data:")
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")


def executable_markup(html: str) -> list[str]:
    """Everything in `html` a browser could run: script-capable elements, event handlers,
    inline styles and script URLs. Text that merely mentions them is fine."""
    audit = _MarkupAudit()
    audit.feed(html)
    audit.close()
    return audit.problems


def headlines(response, region: str = "") -> list[str]:
    """The headlines of the story cards a page shows, in order; with `region` (a class
    name), only those inside the elements of that class."""
    page = lxml.html.fromstring(response.content)
    roots = page.find_class(region) if region else [page]
    return [
        link.text_content()
        for root in roots
        for link in root.xpath(".//*[contains(@class, 'card__headline')]/a")
    ]


def related_headlines(response) -> list[str]:
    """The stories of an article page's "More from" block, in order."""
    page = lxml.html.fromstring(response.content)
    return [
        link.text_content() for link in page.xpath("//aside[@class='related']//li/a")
    ]


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:articles_{model._meta.model_name}_{view}", args=args)


def changelist_rows(response) -> list[str]:
    """The HTML of each result row of a changelist page."""
    tbody = re.search(r"<tbody>(.*?)</tbody>", response.text, re.S)
    return re.findall(r"<tr\b.*?</tr>", tbody.group(1), re.S) if tbody else []


def row_containing(response, text: str) -> str:
    rows = [row for row in changelist_rows(response) if text in row]
    assert len(rows) == 1, f"expected one row containing {text!r}, found {len(rows)}"
    return rows[0]


def image_form_data(**overrides) -> dict:
    """What the image add form posts: a picture and its credit fields."""
    return {
        "file": upload(),
        "alt_text": "Protesters fill the square",
        "caption": "",
        "photographer": "",
        "agency": "",
        "credit_type": Image.CreditType.PHOTO,
        "credit_text": "",
        "copyright_notice": "",
        "licence": Image.Licence.UNKNOWN,
        "licence_url": "",
        "usage_terms": "",
        "rights_expire_on": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    } | overrides


def image_change_data(image, **fields) -> dict:
    """What an image's change form posts for `image` as it stands (keeping its file; the
    usage inline is read only), with `fields` edited."""
    data = image_form_data(
        alt_text=image.alt_text,
        caption=image.caption,
        photographer=image.photographer_id or "",
        agency=image.agency_id or "",
        credit_type=image.credit_type,
        credit_text=image.credit_text,
        copyright_notice=image.copyright_notice,
        licence=image.licence,
        licence_url=image.licence_url,
        licensor_url=image.licensor_url,
        usage_terms=image.usage_terms,
        rights_expire_on=image.rights_expire_on or "",
        focal_x=str(image.focal_x),
        focal_y=str(image.focal_y),
        **{
            "uses-TOTAL_FORMS": "0",
            "uses-INITIAL_FORMS": "0",
            "uses-MIN_NUM_FORMS": "0",
            "uses-MAX_NUM_FORMS": "0",
        },
    )
    del data["file"]
    return data | fields


def article_form_data(section, **overrides) -> dict:
    """What the article add form posts: the article fields and empty inlines."""
    return {
        "headline": "Budget day: what changes",
        "slug": "budget-day-what-changes",
        "standfirst": "The chancellor set out the plans.",
        "body": "<p>First paragraph.</p>",
        "section": section.pk,
        "tags": "",
        "featured_image": "",
        "featured_caption": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "seo_title": "",
        "seo_description": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
    } | overrides


def article_change_data(client, article, **overrides) -> dict:
    """What the change form of a saved, published `article` posts, as opened (hidden
    fields, such as its version, and every inline's management form, without blank
    rows), with `overrides`. Inline rows are left out: the article should have none."""
    context = client.get(admin_url(article, "change", article.pk)).context
    opened = {
        field.html_name: field.value()
        for field in context["adminform"].form.hidden_fields()
    }
    for inline in context["inline_admin_formsets"]:
        management = inline.formset.management_form
        opened |= {field.html_name: field.value() for field in management}
        # No extra (blank) rows.
        opened[management["TOTAL_FORMS"].html_name] = management[
            "INITIAL_FORMS"
        ].value()
    published_at = timezone.localtime(article.published_at)
    return (
        article_form_data(
            article.section,
            headline=article.headline,
            slug=article.slug,
            status=article.status,
            published_at_0=published_at.strftime("%Y-%m-%d"),
            published_at_1=published_at.strftime("%H:%M:%S"),
            **opened,
        )
        | overrides
    )
