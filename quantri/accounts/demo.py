"""Demo accounts (issue 14): a newcomer invited who has not chosen a password yet, and a
person who left, deactivated. Both through the services the accounts page uses; the invitation
e-mail goes to the configured backend (the console under `make run`)."""

from django.db import transaction

from quantri.accounts.services import account_deactivate, account_invite, user_by_email
from quantri.orgs.models import Role

INVITED = ("dang.thi.mai@svhttdl.example.gov.vn", "Đặng Thị Mai")
LEFT = ("bui.van.long@svhttdl.example.gov.vn", "Bùi Văn Long")


@transaction.atomic
def load(context) -> None:
    administrator = context.user("quantri")
    unit = context.units["TTRA"]
    if user_by_email(INVITED[0]) is None:
        account_invite(
            by=administrator, email=INVITED[0], full_name=INVITED[1], agency=unit, role=Role.STAFF
        )
    if user_by_email(LEFT[0]) is None:
        invitation = account_invite(
            by=administrator, email=LEFT[0], full_name=LEFT[1], agency=unit, role=Role.STAFF
        )
        account_deactivate(by=administrator, user=invitation.user)
