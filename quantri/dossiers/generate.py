"""Realistic test dossiers, seeded (the same arguments give the same dossiers), written through
the import's bulk path or as an export file. Codes are G<year>-<agency>-<n>: running again
updates, never doubles."""

import datetime
import random
from collections import Counter, defaultdict
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from quantri.core.spreadsheets import csv_writer
from quantri.dossiers import aggregates, bulk, importer, services
from quantri.dossiers.models import Channel, Rating, State
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

CHUNK = 5000
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phương", "Thảo")


def generate(**arguments) -> tuple[int, int]:
    """`count` dossiers received in `year` (up to `until`, default today) for the procedures
    of `agency` (its subtree) and its units. Returns (created, updated)."""
    created, updated = _generate(**arguments)
    bulk.analyze()
    return created, updated


@transaction.atomic
def _generate(
    *,
    count: int,
    year: int,
    agency: Agency,
    seed: int = 766,
    until: datetime.date | None = None,
    progress: bool = False,
    handlers: dict[int, int] | None = None,
) -> tuple[int, int]:
    created = updated = 0
    deltas: dict = defaultdict(Counter)
    with tqdm(total=count, desc="Generating", unit=" dossiers", disable=not progress) as bar:
        chunks = rows(
            count=count, year=year, agency=agency, seed=seed, until=until, handlers=handlers
        )
        for chunk in chunks:
            c, u = bulk.save(chunk, deltas=deltas)
            created, updated = created + c, updated + u
            bar.update(len(chunk))
    aggregates.write(deltas)
    return created, updated


def write_export(path: Path, **arguments) -> int:
    """The same dossiers as generate(**arguments) written as an export file in our own
    format (importer.FIELDS, dd/mm/yyyy hh:mm:ss): the import benchmark's input."""
    codes = dict(Agency.objects.values_list("pk", "code"))
    procedures = dict(Procedure.objects.values_list("pk", "code"))
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv_writer(handle)
        out.writerow(importer.FIELDS)
        for chunk in rows(**arguments):
            for row in chunk:
                out.writerow(_export_row(row, codes, procedures))
            written += len(chunk)
    return written


def _export_row(row: dict, codes: dict, procedures: dict) -> list:
    def moment(value):
        return "" if value is None else f"{timezone.localtime(value):%d/%m/%Y %H:%M:%S}"

    values = {
        **row,
        "procedure": procedures[row["procedure_id"]],
        "agency": codes[row["agency_id"]],
        "unit": codes[row["unit_id"]],
        **{n: moment(row[n]) for n in ("received_at", "due_at", "result_at", "returned_at")},
        **{n: int(row[n]) for n in ("paid_online", "digitised", "complaint")},
    }
    return [values[name] for name in importer.FIELDS]


def rows(
    *,
    count: int,
    year: int,
    agency: Agency,
    seed: int = 766,
    until=None,
    handlers: dict[int, int] | None = None,
):
    """The generated rows (bulk.save's dicts), CHUNK at a time. `handlers` (procedure pk →
    unit pk) gives each procedure the unit that handles it; others go to any unit."""
    ids = Agency.objects.subtree_ids(agency)
    procedures = list(Procedure.objects.filter(agency_id__in=ids).order_by("code"))
    if not procedures:
        raise ValueError(f"agency {agency.code} has no procedures to file dossiers under")
    units = sorted(ids - {agency.pk}) or [agency.pk]
    days = _days(year, until or timezone.localdate())
    if not days:
        raise ValueError(f"no day of {year} has passed yet")
    rng, now = random.Random(seed), timezone.now()
    due_dates = services.due_dates()
    for start in range(0, count, CHUNK):
        yield [
            _row(n, rng, agency, procedures, units, days, due_dates, now, handlers or {})
            for n in range(start, min(start + CHUNK, count))
        ]


def _days(year: int, until: datetime.date) -> list[datetime.date]:
    day, last = datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), until)
    out = []
    while day <= last:
        out.append(day)
        day += datetime.timedelta(days=1)
    return out


def _row(n, rng, agency, procedures, units, days, due_dates, now, handlers) -> dict:
    procedure = rng.choice(procedures)
    online = procedure.online_service != "none" and rng.random() < 0.6
    channel = Channel.ONLINE if online else rng.choice((Channel.DESK, Channel.DESK, Channel.POST))
    day = rng.choice(days)
    hour = rng.randint(0, 23) if online else rng.randint(7, 16)
    local = datetime.datetime.combine(day, datetime.time(hour, rng.randint(0, 59)))
    received = timezone.make_aware(local)
    due = timezone.make_aware(due_dates(local, procedure))
    row = {
        "code": f"G{day.year}-{agency.code}-{n:07d}",
        "procedure_id": procedure.pk,
        "agency_id": agency.pk,
        # Drawn even when the handler is known, so the other columns stay the same per seed.
        "unit_id": handlers.get(procedure.pk, rng.choice(units)),
        "applicant_name": f"{rng.choice(SURNAMES)} Văn {rng.choice(GIVEN)}",
        "applicant_id": f"0{rng.randint(10**10, 10**11 - 1)}",
        "applicant_phone": "",
        "applicant_address": "",
        "channel": channel,
        "received_at": received,
        "due_at": due,
        "online_type": procedure.online_service if online else "none",
        "digitised": rng.random() < 0.7,
        "paid_online": False,
        "rating": "",
        "complaint": False,
        "state": State.PROCESSING,
        "result_at": None,
        "returned_at": None,
        "outcome": "",
    }
    _result(row, rng, now)
    return row


def _result(row, rng, now) -> None:
    """Most dossiers are done early or on time, some late; the newest may still be open."""
    received, due = row["received_at"], row["due_at"]
    draw = rng.random()
    if draw < 0.75:
        result = received + (due - received) * rng.uniform(0.1, 0.9)
    elif draw < 0.92:
        result = due - datetime.timedelta(hours=rng.uniform(0.5, 7))
    else:
        result = due + datetime.timedelta(days=rng.uniform(0.2, 6))
    result = max(result, received + datetime.timedelta(minutes=30))
    if result > now:
        row["state"] = rng.choice((State.PROCESSING, State.RECEIVED, State.ADDITIONAL_REQUESTED))
        return
    row["state"], row["result_at"] = State.RETURNED, result
    row["returned_at"] = min(result + datetime.timedelta(days=rng.uniform(0, 2)), now)
    row["outcome"] = services.outcome_of(due, result)
    row["paid_online"] = row["channel"] == Channel.ONLINE and rng.random() < 0.5
    if rng.random() < 0.6:
        row["rating"] = rng.choices(
            (Rating.VERY_SATISFIED, Rating.SATISFIED, Rating.NOT_SATISFIED), (5, 4, 1)
        )[0]
    row["complaint"] = rng.random() < 0.01
