"""New rows written with SQL built once per model: for the public side's hot path (a citizen's
feedback submission), where Django compiling an INSERT afresh for every save was most of the
server's time.

`insert` writes exactly the row `Model.save()` would write for a new object (the same fields,
each through its own `pre_save` and `get_db_prep_save`, the SQL taken from Django's own
compiler) and sets the primary key. `record_creation` writes the creation entry of the
object's django-simple-history table: the database copies the row just stored, so the entry
holds what was stored, field for field, with who and when.

Neither sends the model's pre_save/post_save signals: use them only for models nothing else
listens to (the tests of each caller check the receivers).
"""

import functools

from django.db import connections
from django.db.models.sql import InsertQuery

# The history entry's own fields (its key aside), in the order record_creation passes their
# values; every other column of the history table is a copy of the tracked row's.
HISTORY_FIELDS = ("history_date", "history_type", "history_change_reason", "history_user")


def insert(instance, *, using: str = "default"):
    """INSERT the new `instance` (primary key not set yet) and set its primary key."""
    model = type(instance)
    if not connections[using].features.can_return_columns_from_insert:
        # SQLite before 3.35 returns no key from an INSERT: the ordinary save, slower, whose
        # signals also write the history entry (record_creation then writes none)
        instance.save(force_insert=True, using=using)
        instance._history_saved = True
        return instance
    sql, fields, returning, null_as_is = _insert_sql(model, using)
    instance._prepare_related_fields_for_save(operation_name="save")
    connection = connections[using]
    params = [
        None
        if (value := f.pre_save(instance, True)) is None and f in null_as_is
        else f.get_db_prep_save(value, connection)
        for f in fields
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    for field, value in zip(returning, row, strict=True):
        setattr(instance, field.attname, value)
    instance._state.adding, instance._state.db = False, using
    return instance


@functools.cache
def _insert_sql(model, using: str) -> tuple[str, tuple, tuple, frozenset]:
    meta = model._meta
    if (
        meta.pk is not meta.auto_field
        or not connections[using].features.can_return_columns_from_insert
    ):
        raise TypeError(f"{model.__name__}: insert() needs an automatic key the database returns")
    fields = tuple(f for f in meta.local_concrete_fields if not f.generated and f is not meta.pk)
    query = InsertQuery(model)
    query.insert_values(fields, [model()])
    compiler = query.get_compiler(using=using)
    compiler.returning_fields = meta.db_returning_fields
    [(sql, params)] = compiler.as_sql()
    # One plain placeholder per field: no field of the model rewrites its value in SQL.
    if len(params) != len(fields):
        raise TypeError(f"{model.__name__}: a field needs its own placeholder")
    # A new row leaves many fields empty (dates of steps not taken yet): those whose empty
    # value the database gets as is skip the conversion.
    connection = connections[using]
    null_as_is = frozenset(f for f in fields if f.get_db_prep_save(None, connection) is None)
    return sql, fields, tuple(meta.db_returning_fields), null_as_is


def record_creation(instance, *, user, at, using: str = "default") -> None:
    """The "+" entry django-simple-history writes when `instance` is first saved (for a
    model with `history = HistoricalRecords()`), copied from the stored row by the database."""
    if getattr(instance, "_history_saved", False):
        return
    sql, history_date = _history_sql(type(instance), using)
    connection = connections[using]
    user_id = getattr(user, "pk", None)
    params = [history_date.get_db_prep_save(at, connection), "+", None, user_id, instance.pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@functools.cache
def _history_sql(model, using: str):
    history = model.history.model
    source = {f.attname: f.column for f in model._meta.concrete_fields}
    own = [history._meta.get_field(name) for name in HISTORY_FIELDS]
    copied = [f for f in history._meta.concrete_fields if f not in own and f.name != "history_id"]
    q = connections[using].ops.quote_name
    columns = [q(f.column) for f in copied + own]
    selected = [q(source[f.attname]) for f in copied] + ["%s"] * len(own)
    sql = (
        f"INSERT INTO {q(history._meta.db_table)} ({', '.join(columns)}) "
        f"SELECT {', '.join(selected)} FROM {q(model._meta.db_table)} "
        f"WHERE {q(model._meta.pk.column)} = %s"
    )
    return sql, own[0]
