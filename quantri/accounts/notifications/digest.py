"""The daily e-mail digest: to each person, once, the unread notifications that arrived since
their last digest, through every channel that can reach them (e-mail today)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from quantri.accounts.models import DigestState
from quantri.accounts.notifications.channels import channels
from quantri.accounts.notifications.sources import Item, sources


@dataclass(frozen=True)
class Digest:
    user: object
    items: list[Item]


def digests_due() -> list[Digest]:
    """Who gets a digest now, with what: active people with unread items newer than their
    last digest. Candidates are those with anything unread, so quiet accounts cost nothing."""
    last_sent = dict(DigestState.objects.values_list("user_id", "last_sent_at"))
    candidate_ids = set().union(*(s.recipient_ids(None) for s in sources()))
    users = get_user_model().objects.filter(pk__in=candidate_ids, is_active=True).order_by("pk")
    due = []
    for user in users:
        items = [i for s in sources() for i in s.unread_since(user, last_sent.get(user.pk))]
        if items:
            due.append(Digest(user=user, items=sorted(items, key=lambda i: i.created_at)))
    return due


def digest_send(*, digest: Digest, now: datetime.datetime | None = None) -> int:
    """Send one digest through each channel that reaches the person; returns how many went."""
    now = now or timezone.now()
    subject, text = _compose(digest)
    sent = 0
    with transaction.atomic():
        for channel in channels():
            if channel.address(digest.user):
                channel.send(user=digest.user, subject=subject, text=text)
                sent += 1
        DigestState.objects.update_or_create(user=digest.user, defaults={"last_sent_at": now})
    return sent


def _compose(digest: Digest) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Quản trị: %(count)d new notifications") % {"count": len(digest.items)}
        text = render_to_string(
            "accounts/email/digest.txt",
            {
                "items": digest.items,
                "base_url": settings.QUANTRI_BASE_URL,
                "page": settings.QUANTRI_BASE_URL + reverse("notifications:list"),
            },
        )
    return subject, text
