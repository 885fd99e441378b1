from collections import defaultdict

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import ListView

from articles import body, links, navigation, seo
from articles.cache import tags as cache_tags
from articles.models import Article, Author, FrontPagePin, Section, Tag

LATEST_ON_HOME = 10  # after the top story
PER_SECTION_ON_HOME = 4


class PublishedArticlesMixin:
    """Every public list starts from the publication rule."""

    template_name = "articles/article_list.html"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().with_listing_data()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meta"] = seo.list_meta(
            self.request,
            heading=context["heading"],
            description=self.meta_description(),
            page=context["page_obj"],
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        # Cache tags: the navigation, the list's own object and list (shows()), and
        # the stories on this page.
        return cache_tags.mark(
            super().render_to_response(context, **response_kwargs),
            {cache_tags.SECTIONS, *self.shows()}
            | cache_tags.cards(context["page_obj"]),
        )


def home(request):
    """The top story, editors' pinned stories, the latest stories, then a block per
    section with its newest stories not already shown: a fixed number of queries
    however many sections there are."""
    top_story, pinned, latest = front_page()
    shown = [story for story in (top_story, *pinned, *latest) if story]
    not_shown = Article.objects.published().exclude(
        pk__in=[story.pk for story in shown]
    )
    # Each section's newest stories in one query, each picked by an index scan that
    # stops after PER_SECTION_ON_HOME rows: the work grows with the sections, not with
    # the archive (ranking every story by section took 190 ms at 10,000).
    all_sections = navigation.sections()
    newest = Q()
    for section in all_sections:
        newest |= Q(
            pk__in=not_shown.filter(section=section)
            .order_by("-published_at")
            .values("pk")[:PER_SECTION_ON_HOME]
        )
    by_section = defaultdict(list)
    for article in (
        not_shown.filter(newest).with_listing_data().order_by("-published_at")
        if newest
        else ()
    ):
        by_section[article.section_id].append(article)
    sections = [
        (section, by_section[section.pk])
        for section in all_sections
        if by_section[section.pk]
    ]
    shown += [article for _, articles in sections for article in articles]
    response = render(
        request,
        "articles/home.html",
        {
            "top_story": top_story,
            "pinned": pinned,
            "latest": latest,
            "sections": sections,
            "meta": seo.home_meta(request, shown),
        },
    )
    return cache_tags.mark(
        response, {cache_tags.HOME, cache_tags.SECTIONS} | cache_tags.cards(shown)
    )


def front_page() -> tuple[Article | None, list[Article], list[Article]]:
    """(top story, pinned stories, latest stories), in one query with listing data.

    The top story is the live pin at position 0, else the newest story; live pins at
    positions 1 to 6 follow in order; the newest stories not already shown fill
    "Latest". A story pinned twice shows once, at its first place."""
    live_pins = FrontPagePin.objects.live()
    first_place = live_pins.filter(article=OuterRef("pk")).order_by("position")
    # Enough of the newest to fill "Latest" however many of them are pinned.
    newest = Article.objects.published().values("pk")[
        : LATEST_ON_HOME + FrontPagePin.LAST_POSITION + 1
    ]
    stories = list(
        Article.objects.published()
        .filter(Q(pk__in=newest) | Q(pk__in=live_pins.values("article")))
        .annotate(pin_position=Subquery(first_place.values("position")[:1]))
        .with_listing_data()
    )
    if not stories:
        return None, [], []
    # Newest first (the model's ordering); sorted() keeps that order between equals.
    pinned = sorted(
        (story for story in stories if story.pin_position is not None),
        key=lambda story: story.pin_position,
    )
    if pinned and pinned[0].pin_position == FrontPagePin.TOP_STORY:
        top_story = pinned[0]
    else:
        top_story = stories[0]
    latest = [
        story
        for story in stories
        if story.pin_position is None and story is not top_story
    ]
    return (
        top_story,
        [story for story in pinned if story is not top_story],
        latest[:LATEST_ON_HOME],
    )


class SectionView(PublishedArticlesMixin, ListView):
    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            heading=self.section.name,
            description=self.section.description,
            current_section_slug=self.section.slug,
            **kwargs,
        )

    def meta_description(self) -> str:
        return seo.section_description(self.section)

    def shows(self) -> set[str]:
        pk = self.section.pk
        return {cache_tags.section(pk), cache_tags.section_list(pk)}


class TagView(PublishedArticlesMixin, ListView):
    # A tag only drafts use must not reveal itself (tags name embargoed subjects).
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tag=self.tag, heading=f"Tagged “{self.tag.name}”", **kwargs
        )

    def meta_description(self) -> str:
        return seo.tag_description(self.tag)

    def shows(self) -> set[str]:
        return {cache_tags.tag(self.tag.pk), cache_tags.tag_list(self.tag.pk)}


class AuthorView(PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Author.objects.select_related(
                "photo__photographer__agency", "photo__agency"
            ).prefetch_related("photo__renditions"),
            slug=self.kwargs["slug"],
        )
        return super().get_queryset().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        photo = self.author.photo
        if photo and photo.rights_expired():
            photo = None
        return super().get_context_data(
            author=self.author,
            heading=self.author.name,
            photo=body.Figure(image=photo, caption="") if photo else None,
            **kwargs,
        )

    def meta_description(self) -> str:
        return seo.author_description(self.author)

    def shows(self) -> set[str]:
        pk = self.author.pk
        shown = {cache_tags.author(pk), cache_tags.author_list(pk)}
        if self.author.photo_id:
            shown.add(cache_tags.image(self.author.photo_id))
        return shown


def article_detail(request, section, year, month, day, slug):
    article = get_object_or_404(Article.objects.published().with_page_data(), slug=slug)
    canonical_path = article.get_absolute_url()
    if request.path != canonical_path:
        query = request.META.get("QUERY_STRING")
        return redirect(
            f"{canonical_path}?{query}" if query else canonical_path, permanent=True
        )

    context = article_context(request, article, article.body_images)
    context["meta"] = seo.article_meta(
        request,
        article,
        canonical_url=context["canonical_url"],
        updated_at=context["updated_at"],
        corrections=context["corrections"],
    )
    response = render(request, "articles/article_detail.html", context)
    return cache_tags.mark(
        response, cache_tags.article_page(article, context["related"])
    )


def article_context(request, article, images) -> dict:
    """What the article page shows of `article`, with the body's pictures from `images`
    (Image by id). Previews build the same page from a draft or an unsaved form."""
    featured = body.featured_figure(article)
    canonical_url = links.absolute_url(request, article.get_absolute_url())
    return {
        "article": article,
        "featured": featured,
        "body_parts": body.render(article.body, images),
        "related": Article.objects.related_to(article),
        "canonical_url": canonical_url,
        "current_section_slug": article.section.slug,
        "share_links": links.share_links(canonical_url, article.headline),
        **corrections_and_updated_at(article),
    }


def corrections_and_updated_at(article: Article) -> dict:
    """The story's corrections and updates, newest first, and the "Updated" time its
    page shows: the later of its last real edit and its newest correction, if either
    came after publication."""
    # A preview of an unsaved story has no corrections yet; a story read with
    # with_page_data() says whether it has any, so that most pages skip the query.
    has_corrections = article.pk and getattr(article, "has_corrections", True)
    corrections = list(article.corrections.all()) if has_corrections else []
    moments = [article.updated_at] if article.updated_at and article.was_updated else []
    if corrections and article.published_at:
        if corrections[0].created_at > article.published_at:
            moments.append(corrections[0].created_at)
    return {"corrections": corrections, "updated_at": max(moments, default=None)}
