from django.urls import path

from quantri.deskstaff import views

app_name = "deskstaff"
urlpatterns = [
    path("", views.index, name="index"),
    path("figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("officers/<int:pk>/", views.officer, name="officer"),
    path("officers/<int:pk>/checks/new/", views.check_new, name="check_new"),
    path("checks/<int:pk>/minutes.docx", views.check_minutes, name="check_minutes"),
    path("mine/", views.mine, name="mine"),
    path("assignments/new/", views.assignment_new, name="assignment_new"),
    path("rotations/new/", views.rotation_new, name="rotation_new"),
    path("rotations/<int:pk>/done/", views.rotation_done, name="rotation_done"),
]
