from django.urls import path

from quantri.quality import views

app_name = "quality"
urlpatterns = [
    path("", views.home, name="home"),
    path("iso/", views.declaration_public, name="declaration_public"),
    path("processes/new/", views.process_new, name="process_new"),
    path("processes/<int:pk>/", views.process_detail, name="process_detail"),
    path("versions/<int:pk>/approve/", views.version_approve, name="version_approve"),
    path("declarations/new/", views.declaration_new, name="declaration_new"),
    path("declarations/<int:pk>/publish/", views.declaration_publish, name="declaration_publish"),
    path("audits/new/", views.audit_new, name="audit_new"),
    path("audits/<int:pk>/", views.audit_detail, name="audit_detail"),
    path("audits/<int:pk>/close/", views.audit_close, name="audit_close"),
    path("audits/<int:pk>/report.docx", views.audit_report, name="audit_report"),
    path("findings/<int:pk>/action/", views.action_save, name="action_save"),
    path("actions/<int:pk>/verify/", views.action_verify, name="action_verify"),
    path("reviews/new/", views.review_new, name="review_new"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/figures.xlsx", views.review_export, name="review_export"),
]
