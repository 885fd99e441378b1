from django.tasks import task

from articles import renditions


@task
def make_renditions(image_id: int) -> None:
    """Make the renditions an image lacks (after an upload or a new focal point)."""
    from articles.models import Image

    if image := Image.objects.filter(pk=image_id).first():
        renditions.make_renditions(image)
