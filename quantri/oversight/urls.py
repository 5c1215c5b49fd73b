from django.urls import path

from quantri.oversight import views

app_name = "oversight"
urlpatterns = [
    path("", views.index, name="index"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("inspections/new/", views.inspection_new, name="inspection_new"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/findings/", views.finding_add, name="finding_add"),
    path("inspections/<int:pk>/violations/", views.violation_add, name="violation_add"),
    path("inspections/<int:pk>/remedies/", views.remedy_add, name="remedy_add"),
    path("inspections/<int:pk>/conclusion/", views.conclude, name="conclude"),
    path("inspections/<int:pk>/remedy-tasks/", views.remedies_tasks, name="remedies_tasks"),
    path("inspections/<int:pk>/close/", views.close, name="close"),
    path("inspections/<int:pk>/conclusion.docx", views.conclusion_docx, name="conclusion_docx"),
]
