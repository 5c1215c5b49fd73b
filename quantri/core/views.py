"""The working calendar's page: the announced days off and make-up working days, and the
office's form to add the next year's."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quantri.core.calendar import calendar_day_add, may_edit_calendar, public_holidays
from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.orgs.access import Access


class CalendarDayForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Date"),
        input_formats=["%d/%m/%Y"],
        help_text=gettext_lazy("dd/mm/yyyy"),
        error_messages={"invalid": gettext_lazy("Enter the date as dd/mm/yyyy, e.g. 22/08/2026.")},
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CalendarDayKind.choices)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=255, required=False)
    source = forms.CharField(label=gettext_lazy("Source (announcement)"), max_length=500)


@login_required
def calendar(request):
    access = Access.for_request(request)
    if not may_edit_calendar(access):
        raise PermissionDenied
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            day = calendar_day_add(access=access, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("%(day)s added.") % {"day": f"{day.date:%d/%m/%Y}"})
            return redirect("core:calendar")
    year = datetime.date.today().year
    days = CalendarDay.objects.filter(date__year__gte=year - 2).order_by("date")
    context = {
        "form": form,
        "days": days,
        "year": year,
        "holidays": public_holidays(year) + public_holidays(year + 1),
    }
    return render(request, "core/calendar.html", context)
