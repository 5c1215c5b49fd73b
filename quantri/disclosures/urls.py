from django.urls import path

from quantri.disclosures import views

app_name = "disclosures"
urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("internal/", views.internal_list, name="internal_list"),
    path("new/", views.create, name="create"),
    path("oversight/", views.oversight, name="oversight"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/file/", views.attachment, name="attachment"),
    path("<int:pk>/publish/", views.publish, name="publish"),
]
