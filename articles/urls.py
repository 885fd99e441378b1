from django.urls import path, register_converter

from articles import converters, previews, views

register_converter(converters.FourDigitYearConverter, "yyyy")
register_converter(converters.TwoDigitConverter, "mm")
register_converter(converters.TwoDigitConverter, "dd")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag_detail"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author_detail"),
    path("preview/<str:token>/", previews.shared_preview, name="preview"),
    path("<slug:slug>/", views.SectionView.as_view(), name="section_detail"),
    path(
        "<slug:section>/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
]
