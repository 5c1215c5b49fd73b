from django.urls import path, re_path

from quantri.procedures.views import office, public, reviews

app_name = "procedures"
urlpatterns = [
    path("", public.search, name="search"),
    path("manage/", office.manage, name="manage"),
    path("manage/import/", office.import_workbook, name="import"),
    path("manage/export/", office.export_workbook, name="export"),
    re_path(r"^manage/(?P<code>\d\.[0-9A-Za-z.]+)/publish/$", office.publish, name="publish"),
    path("reviews/", reviews.review_list, name="review_list"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review_detail"),
    path("reviews/<int:pk>/close/", reviews.review_close, name="review_close"),
    path("reviews/items/<int:pk>/task/", reviews.item_task, name="item_task"),
    # National codes start with a digit, so they never collide with the words above.
    re_path(r"^(?P<code>\d\.[0-9A-Za-z.]+)/$", public.detail, name="detail"),
]
