from collections import defaultdict

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import ListView

from articles import body, links
from articles.models import Article, Author, Section, Tag

LATEST_ON_HOME = 10  # after the top story
PER_SECTION_ON_HOME = 4


class PublishedArticlesMixin:
    """Every public list starts from the publication rule."""

    template_name = "articles/article_list.html"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().with_listing_data()


def home(request):
    """The top story, the latest stories, then a block per section with its newest stories
    not already shown: a fixed number of queries however many sections there are."""
    front = list(Article.objects.published().with_listing_data()[: LATEST_ON_HOME + 1])
    top_story, latest = (front[0], front[1:]) if front else (None, [])
    shown = [article.pk for article in front]
    by_section = defaultdict(list)
    for article in (
        Article.objects.published()
        .exclude(pk__in=shown)
        .newest_per_section(PER_SECTION_ON_HOME)
    ):
        by_section[article.section_id].append(article)
    sections = [
        (section, by_section[section.pk])
        for section in Section.objects.all()
        if by_section[section.pk]
    ]
    return render(
        request,
        "articles/home.html",
        {
            "top_story": top_story,
            "latest": latest,
            "sections": sections,
            "canonical_url": links.absolute_url(request, request.path),
        },
    )


class SectionView(PublishedArticlesMixin, ListView):
    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.section.name,
            description=self.section.description,
            current_section_slug=self.section.slug,
            **kwargs,
        )


class TagView(PublishedArticlesMixin, ListView):
    # A tag only drafts use must not reveal itself (tags name embargoed subjects).
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=f"Tagged “{self.tag.name}”", **kwargs)


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


def article_detail(request, section, year, month, day, slug):
    article = get_object_or_404(Article.objects.published().with_page_data(), slug=slug)
    canonical_path = article.get_absolute_url()
    if request.path != canonical_path:
        query = request.META.get("QUERY_STRING")
        return redirect(
            f"{canonical_path}?{query}" if query else canonical_path, permanent=True
        )

    images = {use.image_id: use.image for use in article.body_image_uses}
    return render(
        request,
        "articles/article_detail.html",
        article_context(request, article, images),
    )


def article_context(request, article, images) -> dict:
    """What the article page shows of `article`, with the body's pictures from `images`
    (Image by id). Previews build the same page from a draft or an unsaved form."""
    featured = None
    if image := article.public_featured_image:
        featured = body.Figure(
            image=image,
            caption=article.featured_caption or image.caption,
            featured=True,
        )
    canonical_url = links.absolute_url(request, article.get_absolute_url())
    return {
        "article": article,
        "featured": featured,
        "body_parts": body.render(article.body, images),
        "related": Article.objects.related_to(article),
        "canonical_url": canonical_url,
        "current_section_slug": article.section.slug,
        "share_links": links.share_links(canonical_url, article.headline),
    }
