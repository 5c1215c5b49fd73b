"""`quantri agency create` (day one) and `quantri accounts …`."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from quantri.orgs.models import Agency, Membership, Role

pytestmark = pytest.mark.django_db


def _create(**overrides):
    options = {
        "code": "SYT-TN",
        "name": "Sở Y tế tỉnh Thử Nghiệm",
        "parent": "T-PROV",
        "admin_email": "quantri.syt@example.gov.vn",
        "admin_name": "Đỗ Quang Huy",
    }
    options.update(overrides)
    args = [f"--{key.replace('_', '-')}={value}" for key, value in options.items()]
    call_command("agency", "create", *args)


def test_agency_create_makes_the_agency_its_administrator_and_sends_the_invitation(
    province, client
):
    _create()
    agency = Agency.objects.get(code="SYT-TN")
    assert agency.parent == province
    admin = get_user_model().objects.get(email="quantri.syt@example.gov.vn")
    assert Membership.objects.filter(user=admin, agency=agency, role=Role.ADMIN).exists()
    assert (admin.last_name, admin.first_name) == ("Đỗ Quang", "Huy")
    assert mail.outbox[-1].to == ["quantri.syt@example.gov.vn"]
    # No shell after that: the administrator opens the accounts page from the link's session.
    from quantri.accounts.tests.conftest import last_link

    page = client.get(last_link(), follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Ngày đầu tiên 2026", "new_password2": "Ngày đầu tiên 2026"},
    )
    assert client.get("/accounts/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"code": "T-PROV"}, "T-PROV"),
        ({"parent": "KHONG-CO"}, "KHONG-CO"),
        ({"admin_email": "quantri-at-syt"}, "quantri-at-syt"),
    ],
    ids=["existing-code", "unknown-parent", "bad-email"],
)
def test_agency_create_names_what_is_wrong_and_saves_nothing(province, overrides, named):
    agencies = Agency.objects.count()
    with pytest.raises(CommandError, match=named):
        _create(**overrides)
    assert Agency.objects.count() == agencies
    assert not get_user_model().objects.filter(email__contains="quantri").exists()
    assert mail.outbox == []


def test_accounts_invite_sends_links_to_existing_and_new_people(bob, culture_unit):
    call_command("accounts", "invite", bob.email, "moi@example.org", "--agency", culture_unit.code)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([bob.email, "moi@example.org"])
    assert Membership.objects.get(user__email="moi@example.org").agency == culture_unit


def test_accounts_invite_without_a_unit_for_a_new_address_says_so(bob):
    with pytest.raises(CommandError):
        call_command("accounts", "invite", "moi@example.org")
    assert mail.outbox == []


def test_accounts_deactivate_and_reactivate_from_the_command_line(bob):
    call_command("accounts", "deactivate", bob.email)
    bob.refresh_from_db()
    assert not bob.is_active
    call_command("accounts", "reactivate", bob.email)
    bob.refresh_from_db()
    assert bob.is_active
