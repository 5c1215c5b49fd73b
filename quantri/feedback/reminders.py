"""Who is reminded of overdue feedback: the people of the unit it is assigned to and the office
coordinators of the department that received it, each once, with all of their items."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.feedback.models import Feedback
from quantri.orgs.models import Agency, Membership, Role

UNIT_ROLES = [Role.UNIT_HEAD, Role.STAFF]


def overdue_items(today=None) -> list[Feedback]:
    today = today or timezone.localdate()
    return list(Feedback.objects.overdue(today).for_page().order_by("due_on", "code"))


def recipients(items: list[Feedback]) -> dict:
    """{user: [items]} for users with an e-mail address."""
    by_user = defaultdict(list)
    memberships = Membership.objects.active().select_related("user")
    for item in items:
        people = list(memberships.filter(agency_id=item.assigned_unit_id, role__in=UNIT_ROLES))
        office = Agency.objects.subtree_ids(item.department)
        people += memberships.filter(agency_id__in=office, role=Role.OFFICE_COORDINATOR)
        for membership in people:
            if membership.user.email and item not in by_user[membership.user]:
                by_user[membership.user].append(item)
    return by_user


def line(item: Feedback, today) -> str:
    return _("%(code)s — %(category)s — %(unit)s — due %(due)s") % {
        "code": item.code,
        "category": item.category,
        "unit": item.assigned_unit or "—",
        "due": item.due_on.strftime("%d/%m/%Y"),
    }


def send_reminders(by_user: dict, today) -> int:
    messages = []
    for user, items in by_user.items():
        body = "\n".join(
            [_("These feedback items are past their deadline:"), ""]
            + [line(item, today) for item in items]
        )
        subject = _("%(n)s overdue feedback items") % {"n": len(items)}
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return send_mass_mail(messages, fail_silently=False)
