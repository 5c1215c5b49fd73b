"""Plain Python: the tracking code as people type it."""

import pytest

from quantri.feedback.codes import new_code, normalise


@pytest.mark.parametrize(
    "typed", ["PA-7K3M9Q", "pa-7k3m9q", " PA 7K3M 9Q ", "7k3m9q", "pa7k3m9q", "PA_7K3M9Q"]
)
def test_it_reads_a_code_however_it_was_typed(typed):
    assert normalise(typed) == "PA-7K3M9Q"


@pytest.mark.parametrize("typed", ["", "PA-", "PA-7K3M9", "PA-7K3M9QX", "PA-0K3M9Q", "PA-IK3M9Q"])
def test_it_refuses_what_cannot_be_a_code(typed):
    assert normalise(typed) is None


def test_new_codes_read_back_as_themselves():
    for _ in range(200):
        code = new_code()
        assert normalise(code) == code
