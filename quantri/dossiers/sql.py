"""Many rows in few statements, the fastest way each database takes them.

SQLite runs one prepared statement per row quickly (executemany). PostgreSQL pays a round
trip per statement, and psycopg's client-side binding re-parses a long multi-row statement in
Python, so rows go in with COPY: straight into the table for plain inserts, or into a
temporary staging table (dropped at commit) that one INSERT … SELECT … ON CONFLICT or
UPDATE … FROM then applies."""

import itertools
from collections.abc import Sequence

from django.db import connection, transaction

_names = itertools.count()


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns(columns: Sequence[str]) -> str:
    return ", ".join(quote(c) for c in columns)


def _copy(cursor, table: str, columns: Sequence[str], rows: list) -> None:
    # The Django cursor wrapper hands unknown attributes to psycopg's cursor.
    with cursor.copy(f"COPY {quote(table)} ({_columns(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _staging(cursor, table: str, columns: Sequence[str], rows: list) -> str:
    """A temporary table with the columns (and types) of `table`'s `columns`, filled."""
    name = f"staging_{table}_{next(_names)}"
    cursor.execute(
        f"CREATE TEMPORARY TABLE {quote(name)} ON COMMIT DROP AS "
        f"SELECT {_columns(columns)} FROM {quote(table)} WITH NO DATA"
    )
    _copy(cursor, name, columns, rows)
    return quote(name)


@transaction.atomic
def insert(table: str, columns: Sequence[str], rows: list, *, on_conflict: str = "") -> None:
    """INSERT rows (sequences of values in `columns` order), with an optional ON CONFLICT
    clause that may name `excluded`."""
    if not rows:
        return
    names = _columns(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({marks}) {on_conflict}", rows
            )
        elif not on_conflict:
            _copy(cursor, table, columns, rows)
        else:
            staging = _staging(cursor, table, columns, rows)
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM {staging} {on_conflict}"
            )


@transaction.atomic
def update(
    table: str, keys: Sequence[str], columns: Sequence[str], rows: list, *, add: bool = False
) -> None:
    """UPDATE the rows matched by `keys` with `columns` (each row: the column values, then the
    key values). add=True adds the values to the stored ones instead of replacing them."""
    if not rows:
        return
    target = quote(table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            plus = "%(c)s + " if add else ""
            sets = ", ".join(f"%(c)s = {plus}%%s" % {"c": quote(c)} for c in columns)
            where = " AND ".join(f"{quote(k)} = %s" for k in keys)
            cursor.executemany(f"UPDATE {target} SET {sets} WHERE {where}", rows)
            return
        staging = _staging(cursor, table, [*columns, *keys], rows)
        plus = f"{target}.%(c)s + " if add else ""
        sets = ", ".join(f"%(c)s = {plus}v.%(c)s" % {"c": quote(c)} for c in columns)
        where = " AND ".join(f"{target}.{quote(k)} = v.{quote(k)}" for k in keys)
        cursor.execute(f"UPDATE {target} SET {sets} FROM {staging} AS v WHERE {where}")


def analyze(*tables: str) -> None:
    """Refresh the planner's statistics after a bulk load. Without them SQLite picks an index
    by guesswork — e.g. (agency, received_at) for the open dossiers, reading the agency's whole
    history, where (agency, result_at) finds only those without a result. analysis_limit keeps
    SQLite's ANALYZE to a sample, as PostgreSQL's always is."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 1000")
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")
