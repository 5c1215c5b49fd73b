import pytest

from quantri.demo import services as demo_services
from quantri.feedback import demo as feedback_demo
from quantri.feedback.models import ApiKey, Feedback, FeedbackEvent, FeedbackStatus
from quantri.reception import demo as reception_demo
from quantri.reception.models import Dialogue, ReceptionMatter, ReceptionSession

pytestmark = pytest.mark.django_db


def counts():
    return [
        Feedback.objects.count(),
        FeedbackEvent.objects.count(),
        ApiKey.objects.count(),
        ReceptionSession.objects.count(),
        ReceptionMatter.objects.count(),
        Dialogue.objects.count(),
    ]


def test_the_demo_tells_a_complete_story_and_doubles_nothing(monkeypatch):
    # Only this app's steps: the other apps' demos are tested by their own suites.
    monkeypatch.setattr(
        demo_services, "_app_demo_steps", lambda: [feedback_demo.load, reception_demo.load]
    )
    demo_services.demo_load()
    first = counts()
    statuses = set(Feedback.objects.values_list("status", flat=True))
    assert statuses == set(FeedbackStatus.values)
    assert Feedback.objects.overdue().count() >= 3
    assert Feedback.objects.published().count() >= 5
    assert ReceptionSession.objects.filter(record__isnull=False).exists()
    assert ReceptionMatter.objects.filter(feedback__isnull=False).exists()
    assert Dialogue.objects.get().commitments.filter(task__isnull=False).count() == 1
    demo_services.demo_load()
    assert counts() == first


def test_the_demo_has_feedback_about_procedures_and_an_online_reception(monkeypatch, client):
    """Issue 15: the 766 satisfaction group needs feedback about procedures, and the public
    schedule shows an online session with the link citizens join by."""
    from django.urls import reverse

    from quantri.procedures import demo as procedures_demo
    from quantri.reception.models import SessionMode

    monkeypatch.setattr(
        demo_services,
        "_app_demo_steps",
        lambda: [procedures_demo.load, feedback_demo.load, reception_demo.load],
    )
    demo_services.demo_load()
    about = Feedback.objects.filter(procedure__isnull=False)
    assert about.count() >= 2 and Feedback.objects.filter(procedure__isnull=True).exists()
    online = ReceptionSession.objects.published().get(mode=SessionMode.ONLINE)
    assert online.online_link == reception_demo.ONLINE_LINK and not online.place
    page = client.get(reverse("reception:schedule")).content.decode()
    assert f'href="{reception_demo.ONLINE_LINK}"' in page
