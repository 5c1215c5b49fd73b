from django.urls import path

from quantri.reception import views

app_name = "reception"
urlpatterns = [
    path("schedule/", views.schedule, name="schedule"),
    path("", views.office, name="office"),
    path("sessions/new/", views.session_new, name="session_new"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/publish/", views.session_publish, name="session_publish"),
    path("matters/<int:pk>/feedback/", views.matter_feedback, name="matter_feedback"),
    path("dialogues/new/", views.dialogue_new, name="dialogue_new"),
    path("dialogues/<int:pk>/", views.dialogue_detail, name="dialogue_detail"),
    path("commitments/<int:pk>/task/", views.commitment_task, name="commitment_task"),
]
