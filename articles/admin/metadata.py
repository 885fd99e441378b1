"""Re-reading the credits pictures carry in their files, for images uploaded before
pre-filling existed or after the photo desk added the agencies the files name."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.text import get_text_list

from articles.image_metadata import apply_embedded_metadata, read_embedded_metadata


@admin.action(description="Re-read embedded metadata", permissions=["change"])
def reread_embedded_metadata(modeladmin, request, queryset):
    read = changed_images = changed_fields = 0
    missing = []
    with transaction.atomic():
        for image in queryset.select_for_update(of=("self",)):
            try:
                with image.file.open("rb") as file:
                    metadata = read_embedded_metadata(file)
            except OSError:
                missing.append(f"“{image}”")
                continue
            changed = apply_embedded_metadata(image, metadata)
            image.save(update_fields=[*changed, "embedded_metadata", "updated_at"])
            if changed:
                modeladmin.log_change(
                    request,
                    image,
                    "Re-read embedded metadata: filled in "
                    + get_text_list(
                        [str(image._meta.get_field(f).verbose_name) for f in changed],
                        "and",
                    )
                    + ".",
                )
            read += 1
            changed_images += bool(changed)
            changed_fields += len(changed)
    modeladmin.message_user(
        request,
        f"Re-read the embedded metadata of {_count(read, 'image')}: "
        f"{_count(changed_fields, 'field')} filled in on {_count(changed_images, 'image')}. "
        "Fields staff have set were left as they are.",
        messages.SUCCESS,
    )
    if missing:
        modeladmin.message_user(
            request,
            f"The file of {get_text_list(missing, 'and')} is missing from storage, so "
            "nothing was read from it. Upload the picture again on its page.",
            messages.WARNING,
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
