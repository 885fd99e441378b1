from django.tasks import task

from articles import renditions


@task
def make_renditions(image_id: int) -> None:
    """Make the renditions an image lacks (after an upload or a new focal point)."""
    from articles.models import Image

    if image := Image.objects.filter(pk=image_id).first():
        renditions.make_renditions(image)


@task
def withdraw_expired_picture(image_id: int) -> None:
    """Run when a picture's rights run out; nothing happens if they were extended since."""
    from articles.models import Image

    image = Image.objects.filter(pk=image_id).first()
    if image and image.rights_expired():
        withdraw_expired(image)


def withdraw_expired(image) -> int:
    """Delete the renditions of a picture whose rights have expired, so their addresses
    stop answering, and take its captions out of the search index. Returns how many
    renditions went."""
    from articles.search.index import reindex

    if withdrawn := renditions.withdraw(image):
        reindex(image.uses.values_list("article", flat=True))
    return withdrawn


def withdraw_at_rights_end(image) -> None:
    """Have `image` withdrawn at the moment its rights run out, where the tasks backend
    can run a task later (django-tasks-db's can, under `manage.py db_worker`). The
    default immediate backend cannot: there the daily `manage.py renditions` does it."""
    from articles.models.images import rights_end

    if withdraw_expired_picture.get_backend().supports_defer:
        withdraw_expired_picture.using(
            run_after=rights_end(image.rights_expire_on)
        ).enqueue(image.pk)
