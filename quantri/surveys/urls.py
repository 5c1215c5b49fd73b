from django.urls import path

from quantri.surveys.views import builder, points, public, results

app_name = "surveys"
urlpatterns = [
    path("", builder.survey_list, name="survey_list"),
    path("new/", builder.survey_new, name="survey_new"),
    path("<int:pk>/", builder.survey_detail, name="survey_detail"),
    path("<int:pk>/edit/", builder.survey_edit, name="survey_edit"),
    path("<int:pk>/publish/", builder.survey_publish, name="survey_publish"),
    path("<int:pk>/close/", builder.survey_close, name="survey_close"),
    path("<int:pk>/sections/new/", builder.section_new, name="section_new"),
    path("sections/<int:pk>/edit/", builder.section_edit, name="section_edit"),
    path("sections/<int:pk>/delete/", builder.section_delete, name="section_delete"),
    path("<int:pk>/questions/new/", builder.question_new, name="question_new"),
    path("questions/<int:pk>/edit/", builder.question_edit, name="question_edit"),
    path("questions/<int:pk>/move/", builder.question_move, name="question_move"),
    path("questions/<int:pk>/delete/", builder.question_delete, name="question_delete"),
    path("questions/<int:pk>/indicator/", builder.question_indicator, name="question_indicator"),
    path("<int:pk>/points/new/", points.point_new, name="point_new"),
    path("<int:pk>/points/print/", points.points_print, name="points_print"),
    path("points/<int:pk>/edit/", points.point_edit, name="point_edit"),
    path("points/<int:pk>/qr.svg", points.point_qr, name="point_qr"),
    path("<int:pk>/results/", results.results_page, name="results"),
    path("<int:pk>/results.<str:fmt>", results.results_export, name="results_export"),
    path("<int:pk>/weighting/", results.weighting_page, name="weighting"),
    path("<int:pk>/index/", results.index_page, name="index"),
    path("r/<slug:code>/", public.respond, name="respond"),
    path("r/<slug:code>/thanks/", public.thanks, name="thanks"),
]
