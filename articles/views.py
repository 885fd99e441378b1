from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import ListView
from taggit.models import Tag

from articles import body, links
from articles.models import Article, Author, Section

PAGE_SIZE = 20


class PublishedArticlesMixin:
    """Every public list starts from the publication rule."""

    paginate_by = PAGE_SIZE
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.published().with_listing_data()


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"


class SectionView(PublishedArticlesMixin, ListView):
    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.section.name, description=self.section.description, **kwargs
        )


class TagView(PublishedArticlesMixin, ListView):
    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=f"Tagged “{self.tag.name}”", **kwargs)


class AuthorView(PublishedArticlesMixin, ListView):
    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.author.name, description=self.author.bio, **kwargs
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
    featured = None
    if article.featured_image:
        featured = body.Figure(
            image=article.featured_image,
            caption=article.featured_caption or article.featured_image.caption,
            featured=True,
        )
    canonical_url = links.absolute_url(request, canonical_path)
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "featured": featured,
            "body_parts": body.render(article.body, images),
            "related": Article.objects.related_to(article),
            "canonical_url": canonical_url,
            "share_links": links.share_links(canonical_url, article.headline),
        },
    )
