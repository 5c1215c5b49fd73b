"""Use cases of disclosures: record a notice, publish it, keep categories as data."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.calendar import working_calendar
from quantri.core.uploads import CheckedUpload
from quantri.core.workdays import WorkingCalendar
from quantri.disclosures.models import Disclosure, DisclosureCategory
from quantri.orgs.access import Access
from quantri.orgs.models import Agency


def _require_manager(user, agency_id: int) -> None:
    """A person acting must manage the agency's public side (its leaders, office and
    administrators); `user=None` is the system itself (the demo, a command)."""
    if user is not None and not Access.for_user(user).can_manage_disclosures(agency_id):
        raise PermissionDenied(_("Only the agency's office records and publishes its notices."))


def publication_due(
    decision_date: datetime.date, days: int, calendar: WorkingCalendar | None = None
) -> datetime.date:
    """The last day a decision may be made known: `days` working days after it (5 under
    Law 10/2022), weekends, public holidays and the government's extra days off skipped."""
    return (calendar or working_calendar()).add_working_days(decision_date, days)


@transaction.atomic
def disclosure_create(
    *,
    agency: Agency,
    category: DisclosureCategory,
    title: str,
    decision_date: datetime.date,
    user,
    audience: str = "",
    summary: str = "",
    decision_number: str = "",
    published_on: datetime.date | None = None,
    attachment: CheckedUpload | None = None,
    calendar: WorkingCalendar | None = None,
) -> Disclosure:
    _require_manager(user, agency.pk)
    disclosure = Disclosure(
        agency=agency,
        category=category,
        title=title,
        summary=summary,
        audience=audience or category.default_audience,
        decision_number=decision_number,
        decision_date=decision_date,
        due_on=publication_due(decision_date, category.limit_working_days, calendar),
        published_on=published_on,
        created_by=user,
    )
    if published_on and published_on > timezone.localdate():
        raise ValidationError({"published_on": _("The publication date is in the future.")})
    if attachment is not None:
        disclosure.attachment.save(attachment.name, ContentFile(attachment.content), save=False)
        disclosure.attachment_name = attachment.name[:255]
    disclosure._history_user = user
    disclosure.full_clean()
    disclosure.save()
    return disclosure


@transaction.atomic
def disclosure_publish(
    *, disclosure: Disclosure, user, on: datetime.date | None = None
) -> Disclosure:
    """Record the day the notice was made known (today unless said otherwise); the status
    then reads late or on time against the limit."""
    _require_manager(user, disclosure.agency_id)
    if disclosure.published_on is not None:
        raise ValidationError(_("This notice has already been published."))
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"published_on": _("The publication date is in the future.")})
    disclosure.published_on = on
    disclosure._history_user = user
    disclosure.full_clean()
    disclosure.save(update_fields=["published_on", "updated_at"])
    return disclosure


@transaction.atomic
def category_save(
    *,
    code: str,
    name: str,
    name_en: str = "",
    default_audience: str = "internal",
    limit_working_days: int = 5,
    legal_basis: str = "",
    order: int = 0,
) -> DisclosureCategory:
    category = DisclosureCategory.objects.filter(code=code).first() or DisclosureCategory(code=code)
    category.name, category.name_en = name, name_en
    category.default_audience = default_audience
    category.limit_working_days = limit_working_days
    category.legal_basis, category.order = legal_basis, order
    category.full_clean()
    category.save()
    return category
