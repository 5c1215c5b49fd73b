"""Issue 15: feedback about an administrative procedure. The citizen may name the procedure,
the office may link or unlink it, the API shows and filters it, and Decision 766's
satisfaction group counts only this feedback (before, every answered item was counted)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from quantri.dossiers import stats
from quantri.feedback import services
from quantri.feedback.models import Feedback
from quantri.feedback.tests.factories import submit
from quantri.feedback.tests.test_public_pages import form_data
from quantri.procedures.tests.factories import ProcedureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def karaoke(department):
    return ProcedureFactory(
        code="1.009104",
        name="Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
        agency=department,
    )


def answer(item, user) -> None:
    services.feedback_accept(feedback=item, user=user, note="")
    services.feedback_answer(feedback=item, user=user, text="Đã kiểm tra và trả lời.")


def test_a_citizen_names_the_procedure_the_feedback_is_about(client, advertising, karaoke):
    response = client.post(reverse("feedback:submit"), form_data(advertising, procedure="1.009104"))
    assert response.status_code == 302
    assert Feedback.objects.get().procedure == karaoke


def test_an_unknown_procedure_code_is_named_and_nothing_is_saved(client_en, advertising, karaoke):
    response = client_en.post(
        reverse("feedback:submit"), form_data(advertising, procedure="9.999999")
    )
    assert response.status_code == 400
    assert "No published procedure has the code 9.999999" in response.text
    assert not Feedback.objects.exists()


def test_the_office_links_an_item_to_a_procedure_and_unlinks_it(client, alice, item, karaoke):
    client.force_login(alice)
    url = reverse("feedback:act", args=[item.pk, "procedure"])
    assert client.post(url, {"procedure-procedure": "1.009104"}).status_code == 302
    item.refresh_from_db()
    assert item.procedure == karaoke
    assert "1.009104" in client.get(reverse("feedback:detail", args=[item.pk])).text
    assert client.post(url, {"procedure-procedure": ""}).status_code == 302
    item.refresh_from_db()
    assert item.procedure is None


def test_an_unpublished_procedure_cannot_be_linked(alice, item, department):
    hidden = ProcedureFactory(agency=department, is_published=False)
    with pytest.raises(ValidationError):
        services.feedback_link_procedure(feedback=item, user=alice, procedure=hidden)
    item.refresh_from_db()
    assert item.procedure is None


def test_the_api_shows_the_procedure_and_filters_the_items_about_one(
    client, alice, item, library_item, karaoke
):
    services.feedback_link_procedure(feedback=item, user=alice, procedure=karaoke)
    client.force_login(alice)
    rows = client.get("/api/feedback", {"about_procedures": "true"}).json()
    assert [(row["code"], row["procedure"]) for row in rows] == [(item.code, "1.009104")]
    assert len(client.get("/api/feedback").json()) == 2


def test_the_766_satisfaction_group_counts_only_feedback_about_procedures(
    alice, department, advertising, karaoke
):
    about = submit(advertising, text="Hồ sơ karaoke quá hạn.", procedure=karaoke)
    other = submit(advertising, text="Biển quảng cáo che khuất tầm nhìn.")
    answer(about, alice)
    answer(other, alice)
    today = timezone.localdate()
    month = stats.Month(today.year, today.month)
    figures = stats.figures(department, month)
    assert (figures.feedback_answered, figures.feedback_on_time) == (1, 1)
