"""Statistics for the office and the People's Inspection Board."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from quantri.feedback.models import Feedback, FeedbackStatus
from quantri.feedback.stats import feedback_statistics
from quantri.orgs.access import Access


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2200, required=False)


@login_required
def stats(request):
    access = Access.for_request(request)
    if not access.reads_feedback_statistics():
        raise PermissionDenied
    items = access.viewable_feedback(Feedback.objects.all())
    form = YearForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() else None
    if year:
        items = items.filter(received_at__year=year)
    statistics = feedback_statistics(items)
    labels = dict(FeedbackStatus.choices)
    by_status = [(labels.get(code, code), n) for code, n in statistics.by_status]
    context = {"form": form, "stats": statistics, "by_status": by_status, "year": year}
    return render(request, "feedback/stats.html", context)
