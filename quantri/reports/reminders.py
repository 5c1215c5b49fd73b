"""Urging units whose reports are due soon or late (đôn đốc), by e-mail and in the app.

Before the deadline the unit's staff are reminded (its head when it has no staff); after it the
unit head is, and the office coordinators of the plan's agency hear which units are late. Each
person gets a given reminder once a day, so the job can run as often as cron likes.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Membership, Role
from quantri.reports import queries
from quantri.reports.models import Notification
from quantri.reports.services import report_url

DUE_SOON, LATE, ESCALATION = "due_soon", "late", "escalation"


@dataclass(frozen=True)
class Reminder:
    user: object
    kind: str
    text: str
    url: str
    key: str


def plan_reminders(today: datetime.date, days: int) -> list[Reminder]:
    """Every reminder to send today, in three queries however many units are behind."""
    requests = list(queries.pending_requests(today, days))
    members = _members_by_unit({r.unit_id for r in requests})
    offices = _office_by_agency({r.period.plan.agency_id for r in requests})
    reminders = []
    for request in requests:
        reminders += _for_request(request, today, members, offices)
    return reminders


def request_reminders(request, today: datetime.date) -> list[Reminder]:
    """The reminders `plan_reminders` would send today for one unit's request: the office's
    remind button sends exactly what the command does."""
    members = _members_by_unit({request.unit_id})
    offices = _office_by_agency({request.period.plan.agency_id})
    return _for_request(request, today, members, offices)


def request_remind(
    *, report_request, user, base_url: str = "", today: datetime.date | None = None
) -> "Sent":
    """The office reminds one unit from the period's page; only those who manage the plan's
    reports may. A reminder already sent today is not sent again."""
    if not Access.for_user(user).can_manage_reports(report_request.period.plan):
        raise PermissionDenied
    today = today or timezone.localdate()
    return send_reminders(request_reminders(report_request, today), base_url=base_url)


def _for_request(request, today, members, offices) -> list[Reminder]:
    period, unit = request.period, request.unit
    staff, heads = members.get(unit.pk, ([], []))
    params = {"code": period.code, "unit": unit.name, "deadline": f"{period.deadline:%d/%m/%Y}"}
    url = report_url(request)
    if period.deadline >= today:
        text = _("Report %(code)s of %(unit)s is due on %(deadline)s.") % params
        return [_reminder(u, DUE_SOON, text, url, request, today) for u in staff or heads]
    text = _("Report %(code)s of %(unit)s is late: it was due on %(deadline)s.") % params
    office_text = _("%(unit)s has not submitted report %(code)s, due on %(deadline)s.") % params
    office_url = _period_url(period)
    return [_reminder(u, LATE, text, url, request, today) for u in heads or staff] + [
        _reminder(u, ESCALATION, office_text, office_url, request, today)
        for u in offices.get(period.plan.agency_id, [])
    ]


def _reminder(user, kind, text, url, request, today) -> Reminder:
    return Reminder(user, kind, text, url, f"remind:{request.pk}:{kind}:{today:%Y%m%d}")


def _period_url(period) -> str:
    from django.urls import reverse

    return reverse("reports:period_detail", args=[period.pk])


def _members_by_unit(unit_ids: set[int]) -> dict[int, tuple[list, list]]:
    """unit id → (staff, heads), active people only."""
    by_unit: dict[int, tuple[list, list]] = {}
    memberships = (
        Membership.objects.active()
        .filter(agency_id__in=unit_ids, role__in=[Role.STAFF, Role.UNIT_HEAD], user__is_active=True)
        .select_related("user")
        .order_by("user__username")
    )
    for membership in memberships:
        staff, heads = by_unit.setdefault(membership.agency_id, ([], []))
        (heads if membership.role == Role.UNIT_HEAD else staff).append(membership.user)
    return by_unit


def _office_by_agency(agency_ids: set[int]) -> dict[int, list]:
    """agency id → its office coordinators (held in the agency or in its office unit)."""
    by_agency: dict[int, list] = {}
    memberships = (
        Membership.objects.active()
        .filter(role=Role.OFFICE_COORDINATOR, user__is_active=True)
        .filter(queries.agency_or_office_q(agency_ids))
        .select_related("user", "agency")
        .order_by("user__username")
    )
    for membership in memberships:
        agency = membership.agency
        owner = agency.pk if agency.pk in agency_ids else agency.parent_id
        people = by_agency.setdefault(owner, [])
        if membership.user not in people:
            people.append(membership.user)
    return by_agency


@dataclass
class Sent:
    notified: int = 0
    emailed: int = 0
    skipped: int = 0  # already sent today


def send_reminders(reminders: list[Reminder], base_url: str = "") -> Sent:
    """Notify in the app, then e-mail those with an address; a reminder already sent today
    (same key) is skipped."""
    sent, messages = Sent(), []
    for reminder in reminders:
        if not _notify_once(reminder):
            sent.skipped += 1
            continue
        sent.notified += 1
        if reminder.user.email:
            messages.append(_email(reminder, base_url))
    if messages:
        sent.emailed = mail.get_connection().send_messages(messages) or 0
    return sent


def _notify_once(reminder: Reminder) -> bool:
    try:
        with transaction.atomic():
            _, created = Notification.objects.get_or_create(
                user=reminder.user,
                key=reminder.key,
                defaults={"text": reminder.text, "url": reminder.url},
            )
    except IntegrityError:  # another run created it at the same moment
        return False
    return created


def _email(reminder: Reminder, base_url: str) -> mail.EmailMessage:
    link = f"{base_url.rstrip('/')}{reminder.url}"
    subject = _("[Quản trị] Report reminder")
    body = f"{reminder.text}\n\n{link}\n"
    return mail.EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [reminder.user.email])
