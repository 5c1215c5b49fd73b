from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from quantri.accounts.access import administrable_agencies
from quantri.orgs.models import Role


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=300,
        required=False,
        help_text=_("As written in Vietnamese, family name first: Trần Thị Hạnh."),
    )
    agency = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.STAFF)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = administrable_agencies(access).order_by("code")


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class ResetForm(PasswordResetForm):
    """Django's form, also for people invited who never set a password: an expired invitation
    is then mended with "Forgot your password?" without asking an administrator. The answer
    is the same whether or not the address has an account (no account enumeration)."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
