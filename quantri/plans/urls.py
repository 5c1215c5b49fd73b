from django.urls import path

from quantri.plans.views import amending, editing, follow_up, imports, plans, task_edit, tasks

app_name = "plans"
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/publish/", plans.plan_publish, name="plan_publish"),
    path("<int:pk>/edit/", editing.plan_edit, name="plan_edit"),
    path("<int:pk>/groups/add/", editing.group_add, name="group_add"),
    path("<int:pk>/tasks/add/", editing.task_add, name="task_add"),
    path("<int:pk>/bulk/", editing.plan_bulk, name="plan_bulk"),
    path("<int:pk>/unassigned/", editing.plan_unassigned, name="plan_unassigned"),
    path("<int:pk>/revisions/add/", amending.revision_add, name="revision_add"),
    path("<int:pk>/archive/", amending.plan_archive, name="plan_archive"),
    path("<int:pk>/delete/", amending.plan_delete, name="plan_delete"),
    path("revisions/<int:pk>/", amending.revision_detail, name="revision_detail"),
    path("tasks/<int:pk>/extension/", amending.extension_request, name="extension_request"),
    path("extensions/<int:pk>/", amending.extension_decide, name="extension_decide"),
    path("<int:pk>/print/", follow_up.plan_print, name="plan_print"),
    path("<int:pk>/tasks.xlsx", follow_up.plan_tasks_xlsx, name="plan_tasks_xlsx"),
    path("groups/<int:pk>/edit/", editing.group_edit, name="group_edit"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", task_edit.task_edit, name="task_edit"),
    path("evidence/<int:pk>/", tasks.evidence_file, name="evidence_file"),
    path("my-tasks/", tasks.my_tasks, name="my_tasks"),
    path("due/", tasks.due_tasks, name="due_tasks"),
    path("due/overdue.xlsx", follow_up.due_tasks_xlsx, name="due_tasks_xlsx"),
    path("import/", imports.import_upload, name="import_upload"),
    path("import/<int:pk>/", imports.import_preview, name="import_preview"),
]
