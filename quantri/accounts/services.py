"""Accounts: invitations, deactivation and reactivation. Pages and commands call these; the
rules of who may act on whose account are here (and in quantri.accounts.access).

`by` is the administrator acting, or None for the command line (the server's operator).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from quantri.accounts.access import administrable_agencies, can_administer_user
from quantri.accounts.models import Invitation
from quantri.accounts.sessions import end_sessions
from quantri.accounts.tokens import invitation_tokens
from quantri.core.names import display_name, split_full_name
from quantri.orgs.access import Access
from quantri.orgs.models import Agency, Membership, Role


def clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("“%(email)s” is not a valid e-mail address.") % {"email": email}}
        ) from None
    return email


def user_by_email(email: str):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


@transaction.atomic
def account_invite(
    *,
    by,
    email: str,
    full_name: str = "",
    agency: Agency | None = None,
    role: str = Role.STAFF,
    position: str = "",
) -> Invitation:
    """Invite a person by e-mail: an existing account gets a new link (earlier links stop
    working), a new e-mail becomes an account with `role` in `agency` and no password yet."""
    email = clean_email(email)
    user = user_by_email(email)
    if user is None:
        user = _new_account(by=by, email=email, full_name=full_name, agency=agency, role=role)
        if position:
            Membership.objects.filter(user=user, agency=agency).update(position=position)
    else:
        _require_administers(by, user)
    if not user.is_active:
        raise ValidationError(
            {
                "email": _("The account of %(email)s is deactivated; reactivate it first.")
                % {"email": email}
            }
        )
    if not user.has_usable_password():
        user.set_unusable_password()  # a new random marker: links sent before stop working
        user.save(update_fields=["password"])
    invitation = Invitation.objects.create(user=user, invited_by=by)
    _send_invitation(invitation)
    return invitation


def _new_account(*, by, email: str, full_name: str, agency: Agency | None, role: str):
    if agency is None:
        raise ValidationError(
            {
                "agency": _("%(email)s has no account yet: choose the unit to add them to.")
                % {"email": email}
            }
        )
    if role not in Role.values:
        raise ValidationError({"role": _("“%(role)s” is not a role.") % {"role": role}})
    if by is not None and not administrable_agencies(Access.for_user(by)).filter(pk=agency.pk):
        raise PermissionDenied(_("You do not administer %(unit)s.") % {"unit": agency})
    users = get_user_model().objects
    if users.filter(username__iexact=email).exists():
        raise ValidationError(
            {"email": _("The user name %(email)s is taken by another account.") % {"email": email}}
        )
    last_name, first_name = split_full_name(full_name)
    user = users.create_user(
        username=email, email=email, first_name=first_name[:150], last_name=last_name[:150]
    )
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


def _require_administers(by, user) -> None:
    if by is not None and not can_administer_user(Access.for_user(by), user):
        raise PermissionDenied(_("You do not administer this account."))


def invitation_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accounts:invitation", args=[uid, invitation_tokens.make_token(user)])
    return settings.QUANTRI_BASE_URL + path


def _send_invitation(invitation: Invitation) -> None:
    """In the site's language (Vietnamese): the person has not chosen one yet."""
    user = invitation.user
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "name": display_name(user),
            "username": user.get_username(),
            "inviter": display_name(invitation.invited_by) if invitation.invited_by else "",
            "link": invitation_link(user),
            "days": settings.QUANTRI_INVITATION_DAYS,
            "base_url": settings.QUANTRI_BASE_URL,
        }
        subject = _("Your account on Quản trị")
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


def invitation_accept(*, user) -> None:
    """The person set their password from the link: their latest invitation is answered."""
    latest = user.invitations.filter(accepted_at__isnull=True).first()
    if latest is not None:
        latest.accepted_at = timezone.now()
        latest.save(update_fields=["accepted_at"])


@transaction.atomic
def account_deactivate(*, by, user):
    """Someone left: they can no longer sign in, and their open sessions end now."""
    _require_administers(by, user)
    if by is not None and by.pk == user.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    user.is_active = False
    user.save(update_fields=["is_active"])
    end_sessions(user=user)
    return user


@transaction.atomic
def account_reactivate(*, by, user):
    _require_administers(by, user)
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user
