"""One dossier code for the desk and the import: the one-stop software's form, the receiving
agency's code, the day of receipt and the day's sequence number — "SVHTTDL-260310-0007".
Codes compare in capitals, trimmed, wherever they come from (desk, file, API, search box),
so a code typed in lower case finds and updates the same dossier."""

import datetime
import re

SEQUENCE_DIGITS = 4


def normalise(code: str) -> str:
    return (code or "").strip().upper()


def prefix(agency_code: str, day: datetime.date) -> str:
    return f"{normalise(agency_code)}-{day:%y%m%d}-"


def sequence_pattern(agency_code: str, day: datetime.date) -> str:
    """The day's desk codes of the agency (imported codes with other endings left out); a
    regular expression both SQLite and PostgreSQL read."""
    return f"^{re.escape(prefix(agency_code, day))}[0-9]{{{SEQUENCE_DIGITS}}}$"


def sequence_of(code: str) -> int:
    return int(code[-SEQUENCE_DIGITS:])


def desk_code(agency_code: str, day: datetime.date, taken: int) -> str:
    """The code after the day's `taken`-th (the highest sequence number so far)."""
    return f"{prefix(agency_code, day)}{taken + 1:0{SEQUENCE_DIGITS}d}"
