"""How a person's name is shown: one function for pages, documents, exports and the API.

Vietnamese names are written family name first ("Trần Thị Hạnh": family Trần, middle Thị,
given Hạnh). Accounts store the given name in `first_name` and the family and middle names in
`last_name` (the demo, the people import and the invitation form all do), so Django's
`get_full_name()` — first then last — would print "Hạnh Trần Thị". Everything that shows a
person goes through `display_name` instead (a test fails if `get_full_name` is called elsewhere).
"""

NO_ONE = "—"


def display_name(user) -> str:
    """Family (and middle) name, then the given name; the user name when both are empty."""
    if user is None:
        return NO_ONE
    parts = (user.last_name.strip(), user.first_name.strip())
    return " ".join(part for part in parts if part) or user.get_username()


def split_full_name(full_name: str) -> tuple[str, str]:
    """A name as written in Vietnamese ("Trần Thị Hạnh") into (last_name, first_name):
    the last word is the given name, the words before it the family and middle names."""
    family, _, given = " ".join(full_name.split()).rpartition(" ")
    return family, given
