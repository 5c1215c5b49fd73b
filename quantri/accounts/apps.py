from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _administers(request, access) -> bool:
    from quantri.accounts.access import administers_accounts

    return administers_accounts(access)


class AccountsConfig(AppConfig):
    name = "quantri.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from quantri.accounts.notifications.channels import EmailChannel, register_channel
        from quantri.core.nav import NavItem, register

        register_channel(EmailChannel())
        register(NavItem(_("Accounts"), "accounts:list", order=95, audience=_administers))
