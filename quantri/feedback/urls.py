from django.urls import path

from quantri.feedback.views import inbox, public, stats

app_name = "feedback"
urlpatterns = [
    path("new/", public.submit, name="submit"),
    path("track/", public.track, name="track"),
    path("track/<str:code>/", public.track_detail, name="track_detail"),
    path("answers/", public.published, name="published"),
    path("healthz/", public.healthz, name="healthz"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/<int:pk>/", inbox.detail, name="detail"),
    path("inbox/<int:pk>/<slug:action>/", inbox.act, name="act"),
    path("attachments/<int:pk>/", inbox.attachment, name="attachment"),
    path("stats/", stats.stats, name="stats"),
]
