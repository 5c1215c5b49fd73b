"""A program's key is looked up with SQL compiled once (HashedKeyQuerySet.for_key): the key
it returns must be the one the ORM reads, and a revoked or unknown key none."""

import pytest

from quantri.core.keys import key_create, key_revoke
from quantri.dossiers.models import SourceKey
from quantri.feedback.models import ApiKey

pytestmark = pytest.mark.django_db


def fields(key) -> dict:
    return {f.attname: getattr(key, f.attname) for f in type(key)._meta.concrete_fields}


@pytest.mark.parametrize("model", [ApiKey, SourceKey])
def test_a_key_is_read_as_the_orm_reads_it(model, department):
    extra = {"agency": department} if model is SourceKey else {}
    key, raw = key_create(model, name="Cổng dịch vụ công", **extra)
    found = model.objects.for_key(raw)
    assert type(found) is model and not found._state.adding
    assert fields(found) == fields(model.objects.get(pk=key.pk))
    assert found.created_at.tzinfo is not None  # an aware time, as the ORM gives


@pytest.mark.parametrize("model", [ApiKey, SourceKey])
def test_a_revoked_or_unknown_key_is_none(model, department):
    extra = {"agency": department} if model is SourceKey else {}
    key, raw = key_create(model, name="Cổng dịch vụ công", **extra)
    key_revoke(key=key)
    assert model.objects.for_key(raw) is None
    assert model.objects.for_key(raw + "x") is None
    assert model.objects.for_key("") is None
