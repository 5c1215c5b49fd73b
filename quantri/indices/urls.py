from django.urls import path

from quantri.indices import views

app_name = "indices"
urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("provinces/<str:code>/", views.province_detail, name="province"),
    path("plans/<int:pk>/gaps/", views.plan_gaps, name="plan_gaps"),
    path("plans/<int:pk>/gaps.png", views.plan_gaps_png, name="plan_gaps_png"),
]
