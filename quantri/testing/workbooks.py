"""Workbooks edited by hand, as no spreadsheet program would save them."""

import io
import zipfile


def with_raw_xml(content: bytes, old: bytes, new: bytes) -> bytes:
    """The .xlsx `content` with `old` replaced by `new` in its XML parts: e.g. a cell's text
    by a character reference openpyxl refuses to write (b"&#1;")."""
    source, edited = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(edited, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name).replace(old, new))
    return edited.getvalue()
