"""Pictures on staff screens, all renditions (never the original).
`{% focal_point_pictures original as pictures %}`: what the image change form's
focal-point editor shows. `{% preview_url image %}`: a small rendition (the chooser)."""

from django import template

from articles import renditions
from articles.renditions import CROPS, crops_for

register = template.Library()


@register.simple_tag
def preview_url(image) -> str:
    """A small rendition of `image` for staff screens (see `renditions.preview_url`)."""
    return renditions.preview_url(image)


@register.simple_tag
def focal_point_pictures(image) -> dict:
    """The picture to click on, the crop ratios, and the crops as saved.

    Read from the image as stored: after a refused post the form's instance holds the
    focal point typed, and asking it for crops would make (and store) crops of a point
    nobody saved."""
    saved = type(image).objects.prefetch_related("renditions").get(pk=image.pk)
    made = crops_for(saved)
    return {
        "preview_url": renditions.preview_url(saved),
        "width": saved.width,
        "height": saved.height,
        "ratios": [(name, *ratio) for name, ratio in CROPS.items()],
        "saved_crops": [(name, made[name]) for name in CROPS if name in made],
    }
