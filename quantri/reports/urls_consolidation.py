"""The consolidated report's pages, inside the "reports" namespace (quantri/reports/urls.py
adds these patterns)."""

from django.urls import path

from quantri.reports import views_consolidation as views

urlpatterns = [
    path("periods/<int:pk>/consolidation/", views.consolidation, name="consolidation"),
    path(
        "periods/<int:pk>/consolidation/report.docx",
        views.consolidation_docx,
        name="consolidation_docx",
    ),
    path(
        "periods/<int:pk>/consolidation/annex.xlsx",
        views.consolidation_xlsx,
        name="consolidation_xlsx",
    ),
    path(
        "agencies/<int:pk>/consolidation/",
        views.consolidation_agency,
        name="consolidation_agency",
    ),
    path(
        "agencies/<int:pk>/consolidation/report.docx",
        views.consolidation_agency_docx,
        name="consolidation_agency_docx",
    ),
    path(
        "agencies/<int:pk>/consolidation/annex.xlsx",
        views.consolidation_agency_xlsx,
        name="consolidation_agency_xlsx",
    ),
]
