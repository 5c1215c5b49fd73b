from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from quantri.reports import services
from quantri.reports.models import Notification
from quantri.reports.views.common import page

SHOWN = 100


@login_required
def notifications(request):
    items = Notification.objects.filter(user=request.user)[:SHOWN]
    return render(request, "reports/notifications.html", page(request, items=items))


@login_required
@require_POST
def notifications_read(request):
    pk = request.POST.get("pk")
    services.notification_mark_read(user=request.user, pk=int(pk) if pk and pk.isdigit() else None)
    return redirect("reports:notifications")
