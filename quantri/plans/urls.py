from django.urls import path

from quantri.plans.views import imports, plans, tasks

app_name = "plans"
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/publish/", plans.plan_publish, name="plan_publish"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("evidence/<int:pk>/", tasks.evidence_file, name="evidence_file"),
    path("my-tasks/", tasks.my_tasks, name="my_tasks"),
    path("due/", tasks.due_tasks, name="due_tasks"),
    path("import/", imports.import_upload, name="import_upload"),
    path("import/<int:pk>/", imports.import_preview, name="import_preview"),
]
