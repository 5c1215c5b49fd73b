"""Tracking codes citizens copy from a screen, read over the phone or type on a phone keyboard.

Plain Python. A code is "PA-" and six characters from an alphabet without the look-alikes
0/O and 1/I/L (digits 2–9, capitals without I, L, O): 31⁶ ≈ 887 million codes, drawn with
`secrets` so nobody can guess a neighbour's code from their own.
"""

import re
import secrets

PREFIX = "PA-"
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 6
MAX_LENGTH = len(PREFIX) + LENGTH
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str | None:
    """What a person typed ("pa 7k3m9q", "7K3M9Q") → "PA-7K3M9Q", or None when it cannot be
    a code. O, I and L never occur in codes, so they are read as the digits people meant —
    which are not in the alphabet either, so such input is refused rather than guessed."""
    compact = _SEPARATORS.sub("", (text or "").upper())
    if compact.startswith(PREFIX[:-1]):
        compact = compact[len(PREFIX) - 1 :]
    compact = compact.translate(_READ_AS)
    if len(compact) != LENGTH or any(ch not in ALPHABET for ch in compact):
        return None
    return PREFIX + compact
