from django.urls import path

from quantri.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("index.xlsx", views.dashboard_xlsx, name="dashboard_xlsx"),
    path("index-inputs/", views.supply_inputs, name="index_inputs"),
    path("list/", views.dossier_list, name="list"),
    path("list.xlsx", views.dossier_list_xlsx, name="list_xlsx"),
    path("figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("logbook.docx", views.logbook_docx, name="logbook"),
    path("find/", views.find, name="find"),
    path("new/", views.register, name="register"),
    path("import/", views.import_dossiers, name="import"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/receipt.docx", views.receipt, name="receipt"),
    path("<int:pk>/apology/", views.apology, name="apology"),
    path("<int:pk>/control-slip.docx", views.control_slip, name="control_slip"),
    path("<int:pk>/additional-request/", views.additional_request, name="additional_request"),
    path("<int:pk>/refusal/", views.refusal, name="refusal"),
    path("<int:pk>/stop-notice/", views.stop_notice, name="stop_notice"),
    path("<int:pk>/letters/<int:letter_pk>.docx", views.letter, name="letter"),
    path("<int:pk>/history/print/", views.history_print, name="history_print"),
    path("<int:pk>/transition/", views.transition, name="transition"),
    path("<int:pk>/hand-over/", views.hand_over, name="hand_over"),
    path("<int:pk>/flags/", views.flags, name="flags"),
]
