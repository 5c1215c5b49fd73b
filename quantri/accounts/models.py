from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """An e-mail inviting someone to set their password. The link itself is a signed token
    (quantri.accounts.tokens), not stored: it dies when the password is set or when it expires.
    The row says who invited whom and when, for the accounts list and its history."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when sent from the command line."),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at", "-pk"]
        indexes = [
            # The accounts list shows each person's latest invitation.
            models.Index(fields=["user", "-sent_at"], name="invitation_latest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.sent_at:%d/%m/%Y %H:%M}"


class DigestState(models.Model):
    """When a user's last notification digest went out: the next one carries only what is
    newer, so a person never reads the same item twice in their mailbox."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="digest_state",
    )
    last_sent_at = models.DateTimeField(_("last digest sent at"))

    class Meta:
        verbose_name = _("digest state")
        verbose_name_plural = _("digest states")

    def __str__(self) -> str:
        return f"{self.user} · {self.last_sent_at:%d/%m/%Y %H:%M}"
