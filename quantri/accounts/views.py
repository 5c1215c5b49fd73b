"""The accounts page of an agency's administrator, and the invitation link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.accounts import services
from quantri.accounts.access import administers_accounts, administrable_users
from quantri.accounts.errors import error_text
from quantri.accounts.forms import InviteForm, add_service_error
from quantri.accounts.models import Invitation
from quantri.accounts.tokens import invitation_tokens
from quantri.core.names import display_name
from quantri.orgs.access import Access
from quantri.orgs.models import Membership


def _administrator(request) -> Access:
    access = Access.for_request(request)
    if not administers_accounts(access):
        raise PermissionDenied
    return access


@login_required
def account_list(request):
    access = _administrator(request)
    form = InviteForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.account_invite(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.user.email}
            )
            return redirect("accounts:list")
    return render(request, "accounts/list.html", {"people": _people(access), "form": form})


def _people(access: Access):
    return (
        administrable_users(access)
        .order_by("-is_active", "last_name", "first_name", "username")
        .prefetch_related(
            Prefetch("memberships", Membership.objects.active().select_related("agency")),
            Prefetch("invitations", Invitation.objects.all(), to_attr="invitations_sent"),
        )
    )


def _act(request, pk: int, action, done: str):
    access = _administrator(request)
    user = get_object_or_404(administrable_users(access), pk=pk)
    try:
        action(by=request.user, user=user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, done % {"name": display_name(user)})
    return redirect("accounts:list")


def _invite_again(*, by, user):
    services.account_invite(by=by, email=user.email)


@login_required
@require_POST
def account_invite_again(request, pk: int):
    return _act(request, pk, _invite_again, _("A new invitation went to %(name)s."))


@login_required
@require_POST
def account_deactivate(request, pk: int):
    done = _("%(name)s's account is deactivated; their sessions have ended.")
    return _act(request, pk, services.account_deactivate, done)


@login_required
@require_POST
def account_reactivate(request, pk: int):
    return _act(request, pk, services.account_reactivate, _("%(name)s's account is active again."))


class InvitationView(PasswordResetConfirmView):
    """The link in the invitation e-mail: choose a password, once, before the link expires."""

    token_generator = invitation_tokens
    template_name = "accounts/invitation.html"
    success_url = reverse_lazy("plans:plan_list")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        services.invitation_accept(user=form.user)
        messages.success(self.request, _("Your password is set. Welcome to Quản trị."))
        return response
