"""Open311 GeoReport v2 endpoints, mounted at /open311/v2/: every resource in .json and .xml."""

from django.urls import re_path

from quantri.feedback.open311 import views

app_name = "open311"
FORMAT = r"\.(?P<fmt>json|xml)$"
urlpatterns = [
    re_path(r"^discovery" + FORMAT, views.discovery, name="discovery"),
    re_path(r"^services" + FORMAT, views.service_list, name="services"),
    re_path(r"^services/(?P<code>[-\w]+)" + FORMAT, views.service_definition, name="service"),
    re_path(r"^requests" + FORMAT, views.requests_endpoint, name="requests"),
    re_path(r"^requests/(?P<request_id>[-\w]+)" + FORMAT, views.request_detail, name="request"),
]
