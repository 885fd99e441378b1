"""`{% focal_point_pictures original as pictures %}`: what the image change form's
focal-point editor shows, all renditions (never the original)."""

from django import template

from articles.renditions import CROPS, crops_for, preview_url

register = template.Library()


@register.simple_tag
def focal_point_pictures(image) -> dict:
    """The picture to click on, the crop ratios, and the crops as saved.

    Read from the image as stored: after a refused post the form's instance holds the
    focal point typed, and asking it for crops would make (and store) crops of a point
    nobody saved."""
    saved = type(image).objects.prefetch_related("renditions").get(pk=image.pk)
    made = crops_for(saved)
    return {
        "preview_url": preview_url(saved),
        "width": saved.width,
        "height": saved.height,
        "ratios": [(name, *ratio) for name, ratio in CROPS.items()],
        "saved_crops": [(name, made[name]) for name in CROPS if name in made],
    }
