"""The PAPI pages' choices, read from the query string: a bad value falls back to the
default instead of failing, since these are links people share and edit."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_PEERS = 6


class RankingForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    sort = forms.CharField(label=_("Sort by"), required=False, max_length=10)

    def __init__(self, data, *, years: list[int]):
        super().__init__(data)
        self.fields["year"].choices = [(y, y) for y in reversed(years)]


class ProfileForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    peers = forms.MultipleChoiceField(
        label=_("Compare with"),
        required=False,
        help_text=_("Up to six provinces, read in the same year."),
    )

    def __init__(self, data, *, years: list[int], provinces):
        super().__init__(data)
        self.fields["year"].choices = [(y, y) for y in reversed(years)]
        self.fields["peers"].choices = [(p.code, p.name) for p in provinces]

    def clean_peers(self):
        peers = self.cleaned_data["peers"]
        if len(peers) > MAX_PEERS:
            raise forms.ValidationError(
                _("Choose at most %(count)s provinces.") % {"count": MAX_PEERS}
            )
        return peers
