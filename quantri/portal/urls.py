from django.urls import path

from quantri.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("plan/<int:pk>/", views.plan_detail, name="plan_detail"),
]
