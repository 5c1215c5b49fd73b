"""Demo: three officers at the department's desk in the province's Public Administration
Service Centre (two from the Office, one seconded from a specialised unit), the year's
generated dossiers received and returned by them — one in ten left without a name, as an
imported dossier would be — a few letters on their dossiers, one rotation overdue, one
planned, and a periodic check recorded by the office. Safe to run again."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import Mod
from django.utils import timezone

from quantri.demo import data
from quantri.deskstaff import schedule, services
from quantri.deskstaff.models import Assessment, DeskAssignment, DeskCheck, Rotation
from quantri.dossiers import services as dossier_services
from quantri.dossiers.models import DeskLetter, Dossier, LetterKind, Outcome, ReceivingBody, State
from quantri.orgs.models import Membership, Role

# (user name, full name, unit, position, fields received): officers who are not demo logins
# of their own; the specialised unit's specialist (chuyenvien) is the third, so that she can
# sign in and see her own figures.
OFFICERS = [
    ("motcua.lan", "Ngô Thị Lan", "VP", "Chuyên viên Văn phòng", "Văn hóa; Gia đình"),
    ("motcua.huy", "Đặng Quốc Huy", "VP", "Chuyên viên Văn phòng", "Thể thao; Du lịch"),
]
SECONDED = ("chuyenvien", "Di sản văn hóa; Quảng cáo")
UNKNOWN_EVERY = 10  # one dossier in ten keeps no officer, as imported ones


def load(context) -> None:
    body = ReceivingBody.objects.filter(agency=context.department).first()
    if body is None:
        return
    office = context.user("vanphong")
    officers = [_officer(spec, context) for spec in OFFICERS] + [context.user(SECONDED[0])]
    fields = [spec[4] for spec in OFFICERS] + [SECONDED[1]]
    today = timezone.localdate()
    start = datetime.date(today.year - 1, 7, 1)
    for person, received in zip(officers, fields, strict=True):
        if not DeskAssignment.objects.filter(person=person).exists():
            services.assignment_create(
                user=office, person=person, receiving_body=body, valid_from=start, fields=received
            )
    _mark_dossiers(context.department, officers)
    _letters(context.department, officers)
    _rotations(context, officers, office, today)
    _check(context, officers[1], office, today)


def _officer(spec, context):
    username, full_name, unit, position, _fields = spec
    family, _, given = full_name.rpartition(" ")
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": given, "last_name": family}
    )
    if created:
        user.set_password(data.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.update_or_create(
        user=user, agency=context.units[unit], role=Role.STAFF, defaults={"position": position}
    )
    return user


def _mark_dossiers(department, officers) -> None:
    """Who received and returned the generated dossiers: by the dossier's number, so that the
    split is the same on every machine. Written once: the desk's own later work stays."""
    dossiers = Dossier.objects.filter(agency=department)
    if dossiers.filter(received_by__isnull=False).exists():
        return
    numbered = dossiers.annotate(slot=Mod(F("pk"), UNKNOWN_EVERY))
    for slot in range(1, UNKNOWN_EVERY):
        person = officers[slot % len(officers)]
        returner = officers[(slot + 1) % len(officers)]
        numbered.filter(slot=slot).update(received_by=person)
        numbered.filter(slot=slot, returned_at__isnull=False).update(returned_by=returner)


def _letters(department, officers) -> None:
    """Two requests for additional documents on received dossiers, and an apology on a late
    one, for the first two officers."""
    if DeskLetter.objects.filter(dossier__received_by__in=officers).exists():
        return
    for person in officers[:2]:
        waiting = Dossier.objects.filter(
            agency=department, received_by=person, state=State.RECEIVED
        ).first()
        if waiting is not None:
            dossier_services.dossier_request_additional(
                dossier=waiting, user=None, items="Bản sao giấy tờ chứng minh quyền sử dụng"
            )
        late = Dossier.objects.filter(
            agency=department, received_by=person, outcome=Outcome.LATE
        ).first()
        if late is not None:
            DeskLetter.objects.create(
                dossier=late,
                kind=LetterKind.APOLOGY,
                new_due=timezone.localdate() + datetime.timedelta(days=3),
                signed_by="Nguyễn Minh Khoa",
            )


def _rotations(context, officers, office, today) -> None:
    """Lan has been at the desk past her three years and her planned day: overdue. Huy's
    rotation is planned for next year."""
    if Rotation.objects.filter(agency=context.department).exists():
        return
    lan, huy = officers[0], officers[1]
    since = schedule.add_years(today, -3) - datetime.timedelta(days=60)
    services.rotation_plan(
        user=office,
        person=lan,
        agency=context.department,
        post="Tiếp nhận và trả kết quả hồ sơ TTHC tại Trung tâm Phục vụ hành chính công",
        in_post_since=since,
        planned_on=schedule.add_years(since, 3),
        period_years=3,
    )
    since = schedule.add_years(today, -1)
    services.rotation_plan(
        user=office,
        person=huy,
        agency=context.department,
        post="Tiếp nhận và trả kết quả hồ sơ TTHC tại Trung tâm Phục vụ hành chính công",
        in_post_since=since,
        planned_on=schedule.add_years(since, 3),
        period_years=3,
    )


def _check(context, person, office, today) -> None:
    if DeskCheck.objects.filter(person=person).exists():
        return
    end = today.replace(day=1) - datetime.timedelta(days=1)
    services.check_record(
        user=office,
        person=person,
        agency=context.department,
        period_start=end.replace(day=1),
        period_end=end,
        assessment=Assessment.MEETS,
    )
