from django.urls import path, register_converter

from articles import converters, feeds, health, previews, sitemaps, views
from articles.search import views as search_views

register_converter(converters.FourDigitYearConverter, "yyyy")
register_converter(converters.TwoDigitConverter, "mm")
register_converter(converters.TwoDigitConverter, "dd")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("feed/", feeds.latest_rss, name="feed"),
    path("feed/atom/", feeds.latest_atom, name="feed_atom"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-news.xml", sitemaps.news, name="sitemap_news"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag_detail"),
    path("tags/<slug:slug>/feed/", feeds.tag_rss, name="tag_feed"),
    path("tags/<slug:slug>/feed/atom/", feeds.tag_atom, name="tag_feed_atom"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author_detail"),
    path("authors/<slug:slug>/feed/", feeds.author_rss, name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.author_atom, name="author_feed_atom"),
    path("preview/<str:token>/", previews.shared_preview, name="preview"),
    path("<slug:slug>/", views.SectionView.as_view(), name="section_detail"),
    path("<slug:slug>/feed/", feeds.section_rss, name="section_feed"),
    path("<slug:slug>/feed/atom/", feeds.section_atom, name="section_feed_atom"),
    path(
        "<slug:section>/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
]
