from django.urls import path, register_converter

from articles import converters, views

register_converter(converters.FourDigitYearConverter, "yyyy")
register_converter(converters.TwoDigitConverter, "mm")
register_converter(converters.TwoDigitConverter, "dd")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag_detail"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author_detail"),
    path("<slug:slug>/", views.SectionView.as_view(), name="section_detail"),
    path(
        "<slug:section>/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
]
