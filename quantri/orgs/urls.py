from django.urls import path

from quantri.orgs.views import history, importing, people, units

app_name = "orgs"
urlpatterns = [
    path("", units.tree, name="tree"),
    path("units/new/", units.unit_new, name="unit_new"),
    path("units/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("units/<int:pk>/rename/", units.unit_rename, name="unit_rename"),
    path("units/<int:pk>/move/", units.unit_move, name="unit_move"),
    path("units/<int:pk>/close/", units.unit_close, name="unit_close"),
    path("units/<int:pk>/merge/", units.unit_merge, name="unit_merge"),
    path("people/", people.people, name="people"),
    path("people/new/", people.person_new, name="person_new"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/roles/", people.role_grant, name="role_grant"),
    path("roles/<int:pk>/withdraw/", people.role_withdraw, name="role_withdraw"),
    path("import/", importing.upload, name="import"),
    path("import/close/", importing.close_listed, name="import_close"),
    path("import/template.xlsx", importing.template, name="template"),
    path("history/", history.history, name="history"),
]
