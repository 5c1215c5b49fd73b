from django import template

from quantri.accounts.notifications.inbox import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """The top bar's badge: unread notifications from every app (once per request)."""
    request = context["request"]
    if getattr(request, "_quantri_unread", None) is None:
        request._quantri_unread = unread_count(user=request.user)
    return request._quantri_unread
