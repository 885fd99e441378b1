import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import conditional_escape, format_html, format_html_join

from articles import body, policy, services, working_copies
from articles.admin import autosave, previews, share_card, versions, workflow
from articles.admin.autosave import VersionCheckedForm
from articles.admin.corrections import CorrectionInline
from articles.admin.filters import ExpiredPicturesFilter
from articles.admin.images import credit_or_warning, picture_problems
from articles.admin.notes import InternalNoteInline
from articles.admin.thumbnails import thumbnail
from articles.admin.usage import UsageIndexDeletionMixin, recent_runs, reuse_warnings
from articles.models import Article, ArticleImage, Byline, Image, InternalNote
from articles.search.admin import IndexedSearchMixin


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    ordering = ["position"]
    extra = 1
    verbose_name = "byline"
    verbose_name_plural = "Byline (authors are named in order of position)"


class ArticleForm(VersionCheckedForm):
    workflow_note = forms.CharField(
        label="Note for the reporter",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed to send the story back: say what to change. The reporter "
        "sees it on the story's form.",
    )
    # Who the form is for, set by ArticleAdmin.get_form(); with nobody, nothing is allowed.
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = None  # the workflow move this save makes, once cleaned
        if self.instance.body:
            # The editor shows each figure's current picture, whatever src it was saved with.
            ids = [
                ref.image_id
                for ref in body.figure_refs(self.instance.body)
                if ref.image_id
            ]
            self.initial["body"] = body.with_editor_previews(
                self.instance.body, Image.objects.in_bulk(ids)
            )
        if "status" in self.fields:
            # Only the list offers fewer: any status may be posted, and clean() asks
            # the policy, so a crafted one gets a clear refusal.
            self.fields["status"].widget.choices = workflow.status_choices(
                self.user, self.instance
            )
        if published_at := self.fields.get("published_at"):
            published_at.help_text += f" Times are in {workflow.zone_label()}."
            published_at.disabled = not policy.may_publish(self.user)

    def clean(self):
        cleaned = super().clean()
        if self._posted_into_locked("published_at"):
            raise forms.ValidationError(
                "Only editors can set the publication time. Submit the story for "
                "review and an editor will schedule it.",
                code="workflow_permission",
            )
        action = self._requested_action(cleaned)
        if action is not None and not policy.may_take(self.user, self.instance, action):
            raise forms.ValidationError(
                policy.action_refusal(self.user, self.instance, action),
                code="workflow_permission",
            )
        self.action = action
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # Checked on the story as edited (the instance now holds the form's values).
        if self.action is not None:
            problems = services.problems_with(
                self.action,
                article=self.instance,
                at=self.cleaned_data.get("published_at"),
                note=self.cleaned_data.get("workflow_note", ""),
            )
        else:
            # A live or scheduled story stays fit to publish through plain saves too.
            problems = services.new_problems_if_published(self.instance)
        for problem in problems:
            self.add_error(None, problem_link(problem))

    def _requested_action(self, cleaned) -> policy.Action | None:
        if button := self.data.get("_workflow"):
            try:
                return policy.Action(button)
            except ValueError:
                raise forms.ValidationError(
                    "That workflow action does not exist.", code="workflow_action"
                ) from None
        if "status" not in cleaned:
            return None
        return workflow.requested_action(
            self.instance, cleaned["status"], cleaned.get("published_at")
        )

    def _posted_into_locked(self, name: str) -> bool:
        """Whether a crafted POST sets a field this user may not change: the browser
        sends nothing for a disabled field, and Django would silently ignore it."""
        field = self.fields.get(name)
        if field is None or not field.disabled:
            return False
        widget, key = field.widget, self.add_prefix(name)
        if widget.value_omitted_from_data(self.data, self.files, key):
            return False
        try:
            posted = field.clean(widget.value_from_datadict(self.data, self.files, key))
        except forms.ValidationError:
            return True
        initial = self.get_initial_for_field(field, name)
        if initial is not None:
            initial = initial.replace(microsecond=0)  # the form shows whole seconds
        return posted != initial


def problem_link(problem: services.Problem) -> str:
    """A checklist problem as a link to the field where it is fixed."""
    return format_html('<a href="#{}">{}</a>', problem.anchor, problem.message)


@admin.register(Article)
class ArticleAdmin(IndexedSearchMixin, UsageIndexDeletionMixin, admin.ModelAdmin):
    form = ArticleForm
    list_display = ["headline", "section", "status", "published_at", "is_published"]
    list_filter = [
        workflow.MyStoriesFilter,
        workflow.StateFilter,
        ExpiredPicturesFilter,
        "section",
        "tags",
    ]
    actions = [
        workflow.submit_selected,
        workflow.publish_selected,
        workflow.unpublish_selected,
    ]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "featured_image"]
    readonly_fields = [
        "body_pictures",
        "featured_image_credit",
        "picture_reuse",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            "Story",
            {
                "fields": [
                    "label",
                    "headline",
                    "slug",
                    "standfirst",
                    "dateline",
                    "body",
                    "body_pictures",
                ]
            },
        ),
        (
            "Placement",
            {
                "fields": [
                    "section",
                    "tags",
                    "featured_image",
                    "featured_image_credit",
                    "featured_caption",
                    "picture_reuse",
                ]
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "created_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        ("SEO", {"classes": ["collapse"], "fields": ["seo_title", "seo_description"]}),
    ]
    inlines = [BylineInline, CorrectionInline, InternalNoteInline]

    class Media:
        css = {"all": ["articles/admin/body_editor.css", "articles/admin/workflow.css"]}
        js = ["articles/admin/featured_credit.js"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or policy.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or policy.may_delete(request.user, obj))

    def has_publish_permission(self, request):
        return policy.may_publish(request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Django answers a bare 403 to a POST the user may not make; say why instead,
        # and show the story as it is, unchanged.
        if request.method == "POST" and object_id is not None:
            article = self.get_object(request, unquote(object_id))
            if (
                article is not None
                and self.has_view_permission(request, article)
                and not self.has_change_permission(request, article)
            ):
                self.message_user(
                    request,
                    f"Nothing was saved. {policy.edit_refusal(request.user, article)}",
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["workflow"] = workflow.form_context(request.user, obj)
        context["share_card"] = share_card.context(
            request, context["adminform"].form.instance
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def view_on_site(self, obj):
        # A draft or scheduled story's public address answers 404, so offer no link to it;
        # staff read those through the preview.
        return obj.get_absolute_url() if obj.is_published else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        # The form's work is in the story now: its working copy has served. (Only
        # this form's: a save from elsewhere leaves an open form's copy alone.)
        working_copies.discard(obj if change else None, request.user)
        if form.action is None:
            super().save_model(request, obj, form, change)
            return
        # The story's edits and its move are saved together (the admin's transaction).
        services.apply(form.action, obj, at=form.cleaned_data.get("published_at"))
        super().save_model(request, obj, form, change)
        event = services.record(
            form.action,
            article=obj,
            user=request.user,
            note=form.cleaned_data.get("workflow_note", ""),
        )
        # INFO: Django adds its own success message for the save.
        self.message_user(
            request, f"{event.get_action_display()}: “{obj}”.", messages.INFO
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is InternalNote:
            for note in formset.save(commit=False):
                note.author = request.user
                note.save()
            return
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._warn_about_picture_problems(request, form.instance)
        for warning in recent_run_warnings(form.instance):
            self.message_user(request, warning, messages.WARNING)

    # Not the same as status "Published": a scheduled story has that status but is not live yet.
    @admin.display(description="Live", boolean=True)
    def is_published(self, obj):
        return obj.is_published

    @admin.display(description="Featured image credit")
    def featured_image_credit(self, obj):
        # A script refreshes the line from the URL when another picture is picked.
        return format_html(
            '<span data-featured-credit-url="{}">{}</span>',
            reverse("admin:articles_article_featured_credit"),
            featured_credit_html(obj.featured_image),
        )

    @admin.display(description="Pictures that ran elsewhere")
    def picture_reuse(self, obj):
        warnings = recent_run_warnings(obj) if obj.pk else []
        if not warnings:
            return "None of its pictures ran in another published story in the last 7 days."
        return format_html_join(
            "", '<p class="warning">{}</p>', ((w,) for w in warnings)
        )

    @admin.display(description="Pictures in the story")
    def body_pictures(self, obj):
        # The editor's script refreshes this list from the URL as figures come and go.
        return format_html(
            '<div data-body-pictures-url="{}">{}</div>',
            reverse("admin:articles_article_body_pictures"),
            body_pictures_html(obj.body),
        )

    def get_urls(self):
        body_pictures = self.admin_site.admin_view(self.body_pictures_view)
        featured_credit = self.admin_site.admin_view(self.featured_credit_view)
        share_picture = self.admin_site.admin_view(self.share_card_picture_view)
        return [
            path(
                "body-pictures/", body_pictures, name="articles_article_body_pictures"
            ),
            path(
                "featured-credit/",
                featured_credit,
                name="articles_article_featured_credit",
            ),
            path(
                "share-card-picture/",
                share_picture,
                name="articles_article_share_card_picture",
            ),
            *previews.urls(self),
            *autosave.urls(self),
            *versions.urls(self),
            *super().get_urls(),
        ]

    def _may_preview_pictures(self, request) -> bool:
        may_edit = self.has_add_permission(request) or self.has_change_permission(
            request
        )
        return may_edit and request.user.has_perm("articles.view_image")

    def body_pictures_view(self, request):
        """The "Pictures in the story" list for the body being edited, so the form can
        show each new figure's credit line before the story is saved."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self._may_preview_pictures(request):
            raise PermissionDenied
        return HttpResponse(
            body_pictures_html(body.sanitize(request.POST.get("body", "")))
        )

    def featured_credit_view(self, request):
        """The "Featured image credit" line for the picture `?image=` (none when empty),
        so the form shows it as soon as a featured image is picked."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return HttpResponse(featured_credit_html(self._picked_image(request)))

    def share_card_picture_view(self, request):
        """The share card's picture and credit for the picture `?image=` (none when
        empty), so the card shows a newly picked featured image before saving."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return share_card.picture_json(request, self._picked_image(request))

    def _picked_image(self, request) -> Image | None:
        """The picture `?image=` a form's script asks about, with its credit data."""
        if not self._may_preview_pictures(request):
            raise PermissionDenied
        image_id = request.GET.get("image", "")
        if not image_id:
            return None
        # Not str.isdigit(): it accepts "²", which the database lookup then refuses.
        if not re.fullmatch(r"[0-9]{1,18}", image_id):
            raise Http404("No such picture.")
        return get_object_or_404(
            Image.objects.with_credit_data().prefetch_related("renditions"),
            pk=image_id,
        )

    def _warn_about_picture_problems(self, request, article: Article) -> None:
        """Saving goes ahead; the editor is told which pictures still need work."""
        uses = article.image_uses.select_related(
            "image__photographer__agency", "image__agency"
        )
        warned = set()
        for use in uses:
            problems = picture_problems(use.image)
            if not problems or use.image_id in warned:
                continue
            warned.add(use.image_id)
            where = (
                "The featured image"
                if use.role == ArticleImage.Role.FEATURED
                else "A picture in the body"
            )
            self.message_user(
                request,
                f"{where} (“{use.image}”): {' '.join(problems)}",
                messages.WARNING,
            )


def recent_run_warnings(article: Article) -> list[str]:
    """Its pictures that ran in another published story in the last 7 days: a licence
    may cover one use only. Saving goes ahead; the editor checks."""
    return reuse_warnings(
        recent_runs(article.image_uses.values("image"), besides=article)
    )


def featured_credit_html(image: Image | None) -> str:
    """The featured credit line readers will see under `image`, HTML-escaped."""
    if image is None:
        return "—"
    return conditional_escape(credit_or_warning(image, featured=True))


def body_pictures_html(html: str) -> str:
    """Each figure of `html` with the credit line readers will see, and what to fix."""
    refs = body.figure_refs(html)
    if not refs:
        return "No pictures in the body yet."
    images = Image.objects.with_credit_data().in_bulk(
        [ref.image_id for ref in refs if ref.image_id]
    )
    rows = format_html_join(
        "",
        "<li>{}</li>",
        (
            (_figure_summary(number, ref, images.get(ref.image_id)),)
            for number, ref in enumerate(refs, 1)
        ),
    )
    return format_html('<ul class="body-pictures">{}</ul>', rows)


def _figure_summary(number: int, ref: body.FigureRef, image: Image | None) -> str:
    if image is None:
        return format_html('Figure {}: <span class="warning">no picture</span>', number)
    problems = picture_problems(image)
    return format_html(
        "{} <span>Figure {}: {}<br>{}{}</span>",
        thumbnail(image, width=80),
        number,
        ref.caption or image.caption or "(no caption)",
        image.credit_line,
        format_html(' <span class="warning">{}</span>', " ".join(problems))
        if problems
        else "",
    )
