from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from quantri.api.urls import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("quantri.accounts.auth_urls")),
    path("accounts/", include("quantri.accounts.urls")),
    path("notifications/", include("quantri.accounts.notifications.urls")),
    path("api/", api.urls),
    path("plans/", include("quantri.plans.urls")),
    path("reports/", include("quantri.reports.urls")),
    path("procedures/", include("quantri.procedures.urls")),
    path("feedback/", include("quantri.feedback.urls")),
    path("open311/v2/", include("quantri.feedback.open311_urls")),
    path("reception/", include("quantri.reception.urls")),
    path("oversight/", include("quantri.oversight.urls")),
    path("disclosures/", include("quantri.disclosures.urls")),
    path("dossiers/", include("quantri.dossiers.urls")),
    path("desk-staff/", include("quantri.deskstaff.urls")),
    path("quality/", include("quantri.quality.urls")),
    path("calendar/", include("quantri.core.urls")),
    path("surveys/", include("quantri.surveys.urls")),
    path("papi/", include("quantri.indices.urls")),
    path("org/", include("quantri.orgs.urls")),
    path("", include("quantri.portal.urls")),
]
handler400 = "quantri.core.errors.bad_request"
handler403 = "quantri.core.errors.permission_denied"
handler404 = "quantri.core.errors.page_not_found"
handler500 = "quantri.core.errors.server_error"

# Uploaded files (evidence, attachments, source documents) are never served from MEDIA_ROOT
# directly, not even with DEBUG on: each goes through a view that checks who may read it.
