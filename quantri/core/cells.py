"""Checks on the text cells every import reads (dossier exports, the procedure catalogue, the
periodic report's template): a cell holding a control character is refused, not stored.

A NUL byte cannot be stored in PostgreSQL text at all (the import would end in a server
error), and the other C0 controls are invisible on pages and in exports, so two codes that
look the same would differ. Tabs and line breaks are ordinary in free text (a note, a list of
steps) but never in a code."""

import re

_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_IN_CODE = re.compile(r"[\x00-\x1f\x7f]")


def control_character(text: str, *, code: bool = False) -> str | None:
    """The first control character in `text` written as U+XXXX, or None when there is none.
    `code`: tabs and line breaks count too."""
    found = (_IN_CODE if code else _IN_TEXT).search(text)
    return f"U+{ord(found.group()):04X}" if found else None
