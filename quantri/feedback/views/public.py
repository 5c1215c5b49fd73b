"""The citizen's pages: file feedback, follow it with its code, read the published answers.
No login, no JavaScript; every page works on a small phone."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from quantri.core.addresses import client_address
from quantri.core.ratelimit import rate_allow
from quantri.feedback import services
from quantri.feedback.codes import normalise
from quantri.feedback.forms import FeedbackForm, SearchForm, TrackForm
from quantri.feedback.models import Feedback
from quantri.feedback.public import public_answer, public_events, public_text

PAGE_SIZE = 20


def submit(request):
    if request.method != "POST":
        return render(request, "feedback/submit.html", {"form": FeedbackForm()})
    if not rate_allow(
        scope="feedback",
        client=client_address(request),
        limit=settings.QUANTRI_FEEDBACK_RATE_LIMIT,
    ):
        message = _("Too many submissions from your connection. Please try again in a while.")
        return render(request, "feedback/too_many.html", {"message": message}, status=429)
    form = FeedbackForm(request.POST, request.FILES)
    if form.is_robot:
        form.add_error(None, _("Your submission could not be accepted."))
        return render(request, "feedback/submit.html", {"form": form}, status=400)
    if form.is_valid():
        feedback = _submit(form)
        if feedback is not None:
            # The item is committed by now: only a saved item's code is ever shown.
            messages.success(
                request,
                _("Your feedback has been received. Keep your tracking code: %(code)s")
                % {"code": feedback.code},
            )
            return redirect("feedback:track_detail", code=feedback.code)
    return render(request, "feedback/submit.html", {"form": form}, status=400)


def _submit(form: FeedbackForm) -> Feedback | None:
    data = form.cleaned_data
    try:
        return services.feedback_submit(
            category=data["category"],
            text=data["text"],
            contact=form.contact(),
            consent_to_publish=data["consent_to_publish"],
            location=data["location"],
            attachments=data["attachments"],
            procedure=data["procedure"],
        )
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return None


def track(request):
    form = TrackForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        if Feedback.objects.filter(code=code).exists():
            return redirect("feedback:track_detail", code=code)
        form.add_error("code", _("No feedback has this tracking code."))
    return render(request, "feedback/track.html", {"form": form})


def track_detail(request, code: str):
    wanted = normalise(code)
    if wanted and wanted != code:
        return redirect("feedback:track_detail", code=wanted)
    feedback = get_object_or_404(Feedback.objects.for_page(), code=code)
    context = {
        "feedback": feedback,
        "text": public_text(feedback),
        "answer": public_answer(feedback),
        "events": public_events(feedback),
    }
    return render(request, "feedback/track_detail.html", context)


def published(request):
    form = SearchForm(request.GET or None)
    items = Feedback.objects.published().select_related("category", "assigned_unit")
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if query:
        items = items.search(query)
    page = Paginator(items.order_by("-answer_published_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(item, public_text(item)) for item in page]
    context = {"form": form, "page": page, "rows": rows, "query": query}
    return render(request, "feedback/published.html", context)


@require_GET
def healthz(request):
    """A view that does nothing, for load balancers and for measuring the server's overhead."""
    return HttpResponse("ok", content_type="text/plain")
