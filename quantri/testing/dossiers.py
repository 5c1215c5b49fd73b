"""Dossiers as the desk makes them, for tests of pages and reports that show their figures:
each goes through the dossier services, so the daily aggregates are the real ones."""

import datetime

from django.utils import timezone

from quantri.dossiers import services


def local(text: str) -> datetime.datetime:
    """An aware datetime from "2026-03-10 09:00" in the project's time zone."""
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def handled_dossier(
    *,
    procedure,
    agency,
    unit,
    received: str,
    processed: str | None = None,
    rating: str = "",
):
    """A dossier received at the desk and, if `processed` is given, processed then (early if
    the next day, late if weeks later: the procedure's deadline decides), rated if asked."""
    dossier = services.dossier_register(
        procedure=procedure,
        agency=agency,
        unit=unit,
        applicant_name="Nguyễn Văn An",
        channel="desk",
        user=None,
        received_at=local(received),
    )
    if processed:
        services.dossier_transition(dossier=dossier, to_state="processing", user=None)
        services.dossier_transition(
            dossier=dossier, to_state="processed", user=None, at=local(processed)
        )
    if rating:
        services.dossier_update_flags(dossier=dossier, user=None, rating=rating)
    dossier.refresh_from_db()
    return dossier
