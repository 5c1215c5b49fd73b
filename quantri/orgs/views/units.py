"""The unit tree, and creating, renaming, moving, closing and merging units."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs import forms
from quantri.orgs.history import unit_changes
from quantri.orgs.queries import unit_tree
from quantri.orgs.services import units as services
from quantri.orgs.views import admin_scope, attempt, unit_in


@login_required
def tree(request):
    scope = admin_scope(request)
    include_closed = request.GET.get("closed") == "1"
    nodes = unit_tree(scope, include_closed=include_closed)
    return render(request, "orgs/tree.html", {"nodes": nodes, "include_closed": include_closed})


@login_required
def unit_new(request):
    scope = admin_scope(request)
    form = forms.UnitCreateForm(
        request.POST or None, units=scope.agencies().active(), initial=request.GET.dict()
    )
    if request.method == "POST" and form.is_valid():
        data = services.UnitData(
            **{
                k: form.cleaned_data[k]
                for k in ("code", "name", "kind", "parent", "short_name", "name_en", "valid_from")
            }
        )
        call = partial(
            services.unit_create,
            scope=scope,
            user=request.user,
            data=data,
            reason=form.cleaned_data["reason"],
        )
        unit = attempt(form, call)
        if unit is not None:
            messages.success(request, _("The unit %(name)s was created.") % {"name": unit.name})
            return redirect("orgs:unit_detail", pk=unit.pk)
    return render(request, "orgs/unit_new.html", {"form": form})


def _unit_page(request, scope, unit, **bound):
    others = scope.agencies().active().exclude(pk=unit.pk)
    context = {
        "unit": unit,
        "is_root": scope.is_root(unit),
        "children": unit.children.order_by("order", "name"),
        "members": unit.memberships.active().select_related("user").order_by("role"),
        "changes": unit_changes(unit),
        "former_names": unit.former_names.order_by("-valid_to"),
        "rename": forms.UnitRenameForm(
            initial={"name": unit.name, "short_name": unit.short_name, "name_en": unit.name_en}
        ),
        "move": forms.UnitMoveForm(units=others, initial={"parent": unit.parent_id}),
        "close": forms.UnitCloseForm(),
        "merge": forms.UnitMergeForm(units=others),
        **bound,
    }
    status = 400 if bound else 200
    return render(request, "orgs/unit_detail.html", context, status=status)


@login_required
def unit_detail(request, pk: int):
    scope = admin_scope(request)
    return _unit_page(request, scope, unit_in(scope, pk))


def _unit_action(name, form_class, needs_units, call):
    @login_required
    @require_POST
    def view(request, pk: int):
        scope = admin_scope(request)
        unit = unit_in(scope, pk)
        extra = {"units": scope.agencies().active().exclude(pk=unit.pk)} if needs_units else {}
        form = form_class(request.POST, **extra)
        if form.is_valid():
            done = attempt(
                form, partial(call, scope=scope, user=request.user, unit=unit, **form.cleaned_data)
            )
            if done is not None:
                messages.success(request, _("Your changes have been saved."))
                return redirect("orgs:unit_detail", pk=unit.pk)
        return _unit_page(request, scope, unit, **{name: form})

    view.__name__ = f"unit_{name}"
    return view


def _rename(*, name, short_name, name_en, on, **kwargs):
    return services.unit_rename(name=name, short_name=short_name, name_en=name_en, on=on, **kwargs)


def _close(*, valid_to, **kwargs):
    return services.unit_close(on=valid_to, **kwargs)


unit_rename = _unit_action("rename", forms.UnitRenameForm, False, _rename)
unit_move = _unit_action("move", forms.UnitMoveForm, True, services.unit_move)
unit_close = _unit_action("close", forms.UnitCloseForm, False, _close)


@login_required
@require_POST
def unit_merge(request, pk: int):
    """Two steps: the form shows what would move to the successor (nothing saved); the
    confirmation merges and moves exactly that."""
    scope = admin_scope(request)
    unit = unit_in(scope, pk)
    form = forms.UnitMergeForm(request.POST, units=scope.agencies().active().exclude(pk=unit.pk))
    if form.is_valid():
        data = form.cleaned_data
        common = {
            "scope": scope,
            "unit": unit,
            "successor": data["successor"],
            "on": data["valid_to"],
        }
        if "confirm" not in request.POST:
            handovers = attempt(form, partial(services.unit_merge_preview, **common))
            if handovers is not None:
                context = {"unit": unit, "form": form, "handovers": handovers, **common}
                return render(request, "orgs/merge_confirm.html", context)
        else:
            call = partial(services.unit_merge, user=request.user, reason=data["reason"], **common)
            merged = attempt(form, call)
            if merged is not None:
                messages.success(request, _merged_message(merged))
                return redirect("orgs:unit_detail", pk=unit.pk)
    return _unit_page(request, scope, unit, merge=form)


def _merged_message(unit) -> str:
    moved = "; ".join(f"{h.label}: {len(h.items)}" for h in unit.handed_over)
    text = _("%(name)s was merged into %(successor)s.") % {
        "name": unit.name,
        "successor": unit.successor.name,
    }
    if moved:
        text += " " + _("Moved to the successor: %(moved)s.") % {"moved": moved}
    return text
