import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_time, local_secret_key


def test_a_bad_boolean_stops_start_up_naming_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG", False)


def test_booleans_and_lists_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEBUG", "yes")
    monkeypatch.setenv("ALLOWED_HOSTS", "quantri.example.vn, 10.0.0.5")
    assert env_bool("DEBUG", False) is True
    assert env_list("ALLOWED_HOSTS", []) == ["quantri.example.vn", "10.0.0.5"]


def test_a_bad_integer_is_named(monkeypatch):
    monkeypatch.setenv("QUANTRI_MAX_UPLOAD_MB", "twenty")
    with pytest.raises(ImproperlyConfigured, match="QUANTRI_MAX_UPLOAD_MB"):
        env_int("QUANTRI_MAX_UPLOAD_MB", 20)


def test_the_local_secret_is_generated_once_and_kept(tmp_path):
    path = tmp_path / "secret_key"
    first = local_secret_key(path)
    assert len(first) > 40 and local_secret_key(path) == first
    assert oct(path.stat().st_mode)[-3:] == "600"


def test_the_desk_hours_are_times_of_day(monkeypatch):
    assert env_time("QUANTRI_DESK_CUTOFF", "16:00") == datetime.time(16, 0)
    monkeypatch.setenv("QUANTRI_DESK_CUTOFF", "8:30")
    assert env_time("QUANTRI_DESK_CUTOFF", "16:00") == datetime.time(8, 30)
    monkeypatch.setenv("QUANTRI_DESK_CUTOFF", "4pm")
    with pytest.raises(ImproperlyConfigured, match="QUANTRI_DESK_CUTOFF must be a time"):
        env_time("QUANTRI_DESK_CUTOFF", "16:00")
