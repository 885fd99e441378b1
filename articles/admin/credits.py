from django.contrib import admin
from django.db.models import Func, OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html

from articles import credits
from articles.models import Agency, Image, Photographer


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "url", "image_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "url", "default_copyright_notice", "acquire_licence_url"]

    def get_queryset(self, request):
        # Counted as the credit line counts them: through the photographer's agency too.
        credited = (
            Image.objects.filter(credits.credited_to(OuterRef("pk")))
            .order_by()
            .values(count=Func("pk", function="COUNT"))
        )
        return super().get_queryset(request).annotate(image_count=Subquery(credited))

    @admin.display(description="Images", ordering="image_count")
    def image_count(self, obj):
        changelist = reverse("admin:articles_image_changelist")
        return format_html(
            '<a href="{}?agency={}">{}</a>', changelist, obj.pk, obj.image_count
        )


@admin.register(Photographer)
class PhotographerAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "is_staff", "slug"]
    list_filter = ["is_staff", "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "slug", "agency__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["agency"]
    fields = ["name", "slug", "agency", "is_staff", "url"]
