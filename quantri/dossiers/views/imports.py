"""Import of the one-stop software's exports from the web: the same importer as
`quantri dossiers import`, on an upload checked by its content."""

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import render

from quantri.dossiers import importer
from quantri.dossiers.forms import ImportForm
from quantri.dossiers.models import DossierImport
from quantri.dossiers.views.common import office_access

SHOWN_ERRORS = 200
RECENT = 20


def recent_imports(access, user):
    """Imports made by this user, by anyone holding a role in the agencies they manage, or
    by the one-stop system key of one of those agencies."""
    imports = DossierImport.objects.select_related("user", "key").order_by("-at", "-pk")
    if not access.is_superuser:
        managed = access.managed_agency_ids
        imports = imports.filter(
            Q(user=user)
            | Q(user__memberships__agency_id__in=managed)
            | Q(key__agency_id__in=managed)
        ).distinct()
    return imports[:RECENT]


def _run(checked, *, source: str, partial: bool, access, user):
    """The upload is written under its own name in a private directory: the importer names
    the file in its messages ("export.csv, row 12, column state: …") and in its audit row."""
    with tempfile.TemporaryDirectory(prefix="quantri-import-") as folder:
        path = Path(folder) / checked.name
        path.write_bytes(checked.content)
        # A row naming an agency or unit the user does not manage is a row error like any
        # other: reported by row and column, and nothing saved unless partial.
        allowed = None if access.is_superuser else set(access.managed_agency_ids)
        return importer.import_file(
            path, source=source, partial=partial, user=user, allowed=allowed
        )


@login_required
def import_dossiers(request):
    access = office_access(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            result = _run(
                form.cleaned_data["file"],
                source=form.cleaned_data["source"],
                partial=form.cleaned_data["partial"],
                access=access,
                user=request.user,
            )
        except (ValueError, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            form.add_error("file", messages)
        else:
            context |= {
                "result": result,
                "errors": result.errors[:SHOWN_ERRORS],
                "more_errors": max(len(result.errors) - SHOWN_ERRORS, 0),
                "saved": not result.errors or form.cleaned_data["partial"],
            }
    context["imports"] = recent_imports(access, request.user)
    return render(request, "dossiers/import.html", context)
