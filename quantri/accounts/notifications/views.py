from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from quantri.accounts.notifications import inbox


@login_required
def notification_list(request):
    items = inbox.latest(user=request.user)
    unread = sum(1 for item in items if item.read_at is None)
    return render(request, "accounts/notifications.html", {"items": items, "unread": unread})


@login_required
@require_POST
def notifications_read(request):
    pk = request.POST.get("pk", "")
    inbox.notifications_mark_read(
        user=request.user,
        source_name=request.POST.get("source", ""),
        pk=int(pk) if pk.isdigit() else None,
    )
    return redirect("notifications:list")
