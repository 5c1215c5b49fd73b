"""The per-officer figures against a set worked out by hand (no database)."""

import datetime

from quantri.deskstaff.figures import DossierFacts, officer_figures

A, B, C = 1, 2, 3


def d(month: int, day: int) -> datetime.date:
    return datetime.date(2026, month, day)


# March 2026. What each officer should get is written beside each dossier.
FACTS = [
    # A received it (received, result in time, one request); B handed it back (satisfied).
    DossierFacts(
        received_by=A,
        returned_by=B,
        received_on=d(3, 2),
        result_on=d(3, 5),
        returned_on=d(3, 6),
        rating="satisfied",
        additional_requests=(d(3, 2),),
    ),
    # Received in February by A, late result in March (apology), A handed it back: not
    # satisfied, a complaint.
    DossierFacts(
        received_by=A,
        returned_by=A,
        received_on=d(2, 27),
        result_on=d(3, 3),
        returned_on=d(3, 4),
        late=True,
        rating="not_satisfied",
        complaint=True,
        apologies=(d(3, 4),),
    ),
    # A received it on the last day; its request came in April: not counted.
    DossierFacts(
        received_by=A, returned_by=None, received_on=d(3, 31), additional_requests=(d(4, 1),)
    ),
    # B received it; result and return in April: only "received" counts.
    DossierFacts(
        received_by=B,
        returned_by=B,
        received_on=d(3, 10),
        result_on=d(4, 2),
        returned_on=d(4, 3),
        rating="very_satisfied",
    ),
    # No officer recorded (imported): late, returned, very satisfied.
    DossierFacts(
        received_by=None,
        returned_by=None,
        received_on=d(3, 15),
        result_on=d(3, 20),
        returned_on=d(3, 21),
        late=True,
        rating="very_satisfied",
    ),
    # Received and decided before March (its apology too); A handed it back on 1 March.
    DossierFacts(
        received_by=B,
        returned_by=A,
        received_on=d(1, 10),
        result_on=d(2, 10),
        returned_on=d(3, 1),
        late=True,
        apologies=(d(2, 11),),
    ),
    # C's only dossier is April's: C has no figures in March.
    DossierFacts(received_by=C, returned_by=None, received_on=d(4, 5)),
]


def march():
    return officer_figures(FACTS, start=d(3, 1), end=d(3, 31))


def test_it_counts_an_officers_received_returned_and_late_share():
    a = march()[A]
    assert (a.received, a.with_result, a.late, a.late_share) == (2, 2, 1, 50.0)
    assert a.returned == 2


def test_it_counts_letters_issued_in_the_period_on_the_officers_dossiers():
    a, b = march()[A], march()[B]
    assert (a.additional_requests, a.apologies) == (1, 1)
    assert (b.additional_requests, b.apologies) == (0, 0)


def test_ratings_and_complaints_go_to_the_officer_who_handed_the_result_back():
    a, b = march()[A], march()[B]
    assert (a.satisfied, a.not_satisfied, a.complaints) == (0, 1, 1)
    assert (b.satisfied, b.not_satisfied, b.complaints) == (1, 0, 0)


def test_an_officer_without_results_has_no_late_share():
    b = march()[B]
    assert (b.received, b.with_result, b.returned) == (1, 0, 1)
    assert b.late_share is None


def test_dossiers_without_an_officer_are_counted_apart():
    unknown = march()[None]
    assert (unknown.received, unknown.late, unknown.late_share, unknown.satisfied) == (
        1,
        1,
        100.0,
        1,
    )


def test_an_officer_with_nothing_in_the_period_is_left_out():
    assert set(march()) == {A, B, None}
    assert march().get(C) is None
