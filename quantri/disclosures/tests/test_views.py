import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quantri.disclosures.models import Disclosure
from quantri.procedures.tests.factories import (
    ProcedureFactory,
    ProcedureReviewFactory,
    ReviewItemFactory,
)

pytestmark = pytest.mark.django_db


def detail(notice) -> str:
    return reverse("disclosures:detail", args=[notice.pk])


def test_the_public_list_shows_published_public_notices_only(
    client, public_notice, internal_notice, overdue_notice
):
    response = client.get(reverse("disclosures:public_list"))
    assert list(response.context["page"].object_list) == [public_notice]
    assert internal_notice.title not in response.text


def test_the_public_reads_a_public_notice_but_not_an_internal_one(
    client, public_notice, internal_notice
):
    assert client.get(detail(public_notice)).status_code == 200
    assert client.get(detail(internal_notice)).status_code == 404


@pytest.mark.parametrize("persona", ["carol", "bob"])
def test_staff_of_the_department_read_its_internal_notices(
    client, request, persona, internal_notice, overdue_notice
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(detail(internal_notice)).status_code == 200
    listed = client.get(reverse("disclosures:internal_list")).context["page"].object_list
    assert list(listed) == [internal_notice]  # not the unpublished one
    assert client.get(detail(overdue_notice)).status_code == 404


def test_another_department_does_not_read_internal_notices(client, erin, internal_notice):
    client.force_login(erin)
    assert client.get(detail(internal_notice)).status_code == 404
    assert not client.get(reverse("disclosures:internal_list")).context["page"].object_list


def test_internal_attachments_are_served_only_to_readers(
    client, alice, department, work_plans, carol, erin
):
    client.force_login(alice)
    pdf = SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4\n%demo\n")
    response = client.post(
        reverse("disclosures:create"),
        {
            "agency": department.pk,
            "category": work_plans.pk,
            "title": "Quyết định cử đi đào tạo",
            "audience": "internal",
            "decision_date": "02/03/2026",
            "published_on": "04/03/2026",
            "attachment": pdf,
        },
    )
    notice = Disclosure.objects.get()
    assert response.url == detail(notice)
    url = reverse("disclosures:attachment", args=[notice.pk])
    client.force_login(carol)
    assert client.get(url).status_code == 200
    client.force_login(erin)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_a_renamed_attachment_is_refused_and_nothing_is_saved(
    client, alice, department, work_plans
):
    client.force_login(alice)
    response = client.post(
        reverse("disclosures:create"),
        {
            "agency": department.pk,
            "category": work_plans.pk,
            "title": "Tệp giả",
            "decision_date": "02/03/2026",
            "attachment": SimpleUploadedFile("ke-hoach.pdf", b"<html><script>x</script>"),
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["attachment"]
    assert not Disclosure.objects.exists()


@time_machine.travel(datetime.date(2021, 5, 20), tick=False)
def test_the_office_records_a_notice_and_its_limit_crosses_the_holidays(
    client, alice, department, work_plans
):
    client.force_login(alice)
    client.post(
        reverse("disclosures:create"),
        {
            "agency": department.pk,
            "category": work_plans.pk,
            "title": "Kế hoạch công tác quý II",
            "decision_date": "28/04/2021",
        },
    )
    notice = Disclosure.objects.get()
    assert notice.due_on == datetime.date(2021, 5, 7) and notice.audience == "internal"
    client.post(reverse("disclosures:publish", args=[notice.pk]), {"published_on": "10/05/2021"})
    notice.refresh_from_db()
    assert notice.published_on == datetime.date(2021, 5, 10) and notice.is_late


@pytest.mark.parametrize("persona", ["bob", "carol", "dave"])
def test_only_the_office_records_and_publishes_notices(
    client, request, persona, overdue_notice, department, work_plans
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("disclosures:create")).status_code == 403
    response = client.post(reverse("disclosures:publish", args=[overdue_notice.pk]), {})
    assert response.status_code == 403
    overdue_notice.refresh_from_db()
    assert overdue_notice.published_on is None


def test_the_inspection_board_sees_overdue_and_late_notices_and_reviews(
    client, dave, department, work_plans, overdue_notice, public_notice
):
    public_notice.published_on = datetime.date(2026, 3, 20)  # due 09/03: late
    public_notice.save()
    festival = ProcedureFactory(code="1.001234", agency=department)
    item = ReviewItemFactory(review=ProcedureReviewFactory(agency=department), procedure=festival)
    client.force_login(dave)
    response = client.get(reverse("disclosures:oversight"))
    assert response.status_code == 200
    assert list(response.context["overdue"]) == [overdue_notice]
    assert list(response.context["late"]) == [public_notice]
    assert item.review.title in response.text and festival.code in response.text
    assert client.get(detail(overdue_notice)).status_code == 200
    # Read only: no form to act on, no "create a task" link.
    assert reverse("procedures:item_task", args=[item.pk]) not in response.text
    assert 'method="post"' not in response.text.split("</header>", 1)[1].split("<footer", 1)[0]


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_oversight_is_closed_to_others(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("disclosures:oversight")).status_code == 403


def test_each_department_oversees_only_its_own_notices(client, dave, erin, overdue_notice):
    from quantri.disclosures.tests.factories import DisclosureFactory
    from quantri.orgs.models import Agency

    other = DisclosureFactory(agency=Agency.objects.get(code="T-DEPT2"), published_on=None)
    client.force_login(dave)
    assert list(client.get(reverse("disclosures:oversight")).context["overdue"]) == [overdue_notice]
    client.force_login(erin)  # leads the other department
    assert list(client.get(reverse("disclosures:oversight")).context["overdue"]) == [other]


def test_the_oversight_link_shows_in_the_inspection_boards_menu(client_en, dave, bob):
    client_en.force_login(dave)
    assert reverse("disclosures:oversight") in client_en.get(reverse("portal:home")).text
    client_en.force_login(bob)
    assert reverse("disclosures:oversight") not in client_en.get(reverse("portal:home")).text


def test_the_api_lists_public_notices_only(client, public_notice, internal_notice):
    body = client.get("/api/disclosures").json()
    assert [(n["id"], n["late"]) for n in body] == [(public_notice.pk, False)]
