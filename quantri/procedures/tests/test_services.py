import datetime

import pytest
from django.core.exceptions import ValidationError

from quantri.plans.models import Task
from quantri.procedures import services
from quantri.procedures.models import Proposal
from quantri.procedures.tests.factories import ProcedureReviewFactory, ReviewItemFactory

pytestmark = pytest.mark.django_db


def data_for(procedure, **changes) -> services.ProcedureData:
    values = {
        "code": procedure.code,
        "name": procedure.name,
        "field": procedure.field,
        "level": procedure.level,
        "agency": procedure.agency,
        "processing_days": procedure.processing_days,
        "online_service": procedure.online_service,
        "is_published": procedure.is_published,
        "documents": procedure.documents,
        "steps": procedure.steps,
        "legal_bases": procedure.legal_bases,
    }
    return services.ProcedureData(**{**values, **changes})


def test_saving_keeps_the_folded_name_in_sync_and_records_who(festival, alice):
    procedure, result = services.procedure_save(
        data=data_for(festival, name="Cấp Giấy phép tổ chức Lễ hội Đền"), user=alice
    )
    assert result == "updated"
    assert procedure.folded_name == "cap giay phep to chuc le hoi den"
    assert procedure.history.first().history_user == alice


def test_a_bad_value_is_refused_before_anything_is_saved(festival, alice):
    with pytest.raises(ValidationError) as caught:
        services.procedure_save(data=data_for(festival, old_online_level=7), user=alice)
    assert "old_online_level" in caught.value.message_dict
    festival.refresh_from_db()
    assert festival.old_online_level is None


@pytest.fixture
def amend_item(festival, department):
    review = ProcedureReviewFactory(agency=department)
    return ReviewItemFactory(review=review, procedure=festival, proposal=Proposal.AMEND)


def test_an_amend_proposal_becomes_the_last_task_of_the_chosen_group(
    amend_item, culture_task, alice
):
    group = culture_task.group
    task = services.review_item_create_task(
        item=amend_item, group=group, user=alice, due_on=datetime.date(2026, 9, 30)
    )
    assert task.group == group and task.order == culture_task.order + 1
    assert "1.001234" in task.title and "Cấp giấy phép tổ chức lễ hội" in task.title
    assert task.description == amend_item.reasons
    assert task.lead_unit == amend_item.procedure.agency
    assert task.history.first().history_user == alice
    amend_item.refresh_from_db()
    assert amend_item.task == task


def test_a_proposal_spawns_one_task_only(amend_item, culture_task, alice):
    services.review_item_create_task(item=amend_item, group=culture_task.group, user=alice)
    with pytest.raises(ValidationError, match="already"):
        services.review_item_create_task(item=amend_item, group=culture_task.group, user=alice)
    assert Task.objects.count() == 2


def test_keeping_a_procedure_needs_no_task(amend_item, culture_task, alice):
    amend_item.proposal = Proposal.KEEP
    amend_item.save()
    with pytest.raises(ValidationError):
        services.review_item_create_task(item=amend_item, group=culture_task.group, user=alice)


def test_a_named_title_and_lead_unit_are_used(amend_item, culture_task, library, alice):
    task = services.review_item_create_task(
        item=amend_item,
        group=culture_task.group,
        user=alice,
        title="Sửa quy trình",
        lead_unit=library,
    )
    assert (task.title, task.lead_unit) == ("Sửa quy trình", library)


def test_closing_a_review_marks_its_procedures_reviewed(amend_item, alice):
    services.review_close(review=amend_item.review, user=alice, closed_on=datetime.date(2026, 6, 1))
    amend_item.procedure.refresh_from_db()
    assert amend_item.procedure.last_reviewed_on == datetime.date(2026, 6, 1)
    with pytest.raises(ValidationError):
        services.review_item_save(
            review=amend_item.review,
            procedure=amend_item.procedure,
            proposal=Proposal.ABOLISH,
            reasons="",
            user=alice,
        )


def test_a_review_cannot_close_before_it_started(amend_item, alice):
    with pytest.raises(ValidationError):
        services.review_close(
            review=amend_item.review, user=alice, closed_on=datetime.date(2025, 1, 1)
        )
