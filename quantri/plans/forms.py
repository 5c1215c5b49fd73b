"""Forms: progress reports with evidence, plan uploads, and the import preview."""

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from quantri.core.forms import MultipleFileField, checked_files, is_web_link
from quantri.core.uploads import (
    EVIDENCE_KINDS,
    PLAN_DOCUMENT_KINDS,
    allowed_extensions,
)
from quantri.orgs.models import Agency
from quantri.plans.import_deadline import (
    deadline_before_issue,
    deadline_cell,
    deadline_reading,
    read_deadline,
    with_deadline,
)
from quantri.plans.models import Evidence, PlanImport, TaskStatus, dimension_model
from quantri.plans.parsing import ACCEPTED_EXTENSIONS
from quantri.plans.services import (
    DEFAULT_FRAMEWORK,
    EvidenceInput,
    max_upload_bytes,
    unaccepted_plan_document,
)


def _checked_files(uploads, kinds) -> list:
    return checked_files(uploads, kinds, max_upload_bytes())


def _is_web_link(link: str) -> bool:
    return is_web_link(link, Evidence._meta.get_field("url").max_length)


def add_service_error(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the fields it names that the form has,
    the rest at the top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Set from progress"))] + TaskStatus.choices,
        required=False,
        help_text=_("Left empty: not started at 0%, done at 100%, in progress in between."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    files = MultipleFileField(label=_("Evidence files"), required=False)
    links = forms.CharField(
        label=_("Evidence links"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One link per line, starting with http:// or https://."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set here, not on the field, so it is translated in the reader's language.
        self.fields["files"].help_text = _(
            "You may choose several files, up to %(mb)s MB each. Accepted: %(types)s."
        ) % {
            "mb": settings.QUANTRI_MAX_UPLOAD_MB,
            "types": ", ".join(allowed_extensions(EVIDENCE_KINDS)),
        }

    def clean_files(self):
        return _checked_files(self.cleaned_data["files"], EVIDENCE_KINDS)

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        errors = [
            _("%(link)s is not a valid web link.") % {"link": link[:100]}
            for link in links
            if not _is_web_link(link)
        ]
        if errors:
            raise ValidationError(errors)
        return links

    def evidence(self) -> list[EvidenceInput]:
        files = [
            EvidenceInput(title=f.name, file_name=f.name, file_content=f.content)
            for f in self.cleaned_data["files"]
        ]
        return files + [EvidenceInput(title=link, url=link) for link in self.cleaned_data["links"]]


class PlanUploadForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=None, label=_("Issuing agency"))
    document = forms.FileField(label=_("Plan document"))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        # Named from the parser's own list, so a type it learns to read is offered here too.
        self.fields["document"].help_text = _(
            "The signed plan as one of these files: %(types)s (a .pdf must hold text, not a "
            "scan), up to %(mb)s MB."
        ) % {"types": ", ".join(ACCEPTED_EXTENSIONS), "mb": settings.QUANTRI_MAX_UPLOAD_MB}
        self.fields["agency"].queryset = agencies
        # Preselect the top of the user's tree (their department), not one of its units.
        ids = {a.pk for a in agencies}
        self.fields["agency"].initial = next((a for a in agencies if a.parent_id not in ids), None)

    def clean_document(self):
        document = self.cleaned_data["document"]
        if refusal := unaccepted_plan_document(filename=document.name or ""):
            raise ValidationError(refusal)
        return _checked_files([document], PLAN_DOCUMENT_KINDS)[0]


# The import preview: the parsed plan as one header form, a form per group and a form per task.
# Each form starts from the parser's dict and gives back that dict with the office's corrections,
# so whatever the preview does not show (purposes, recipients, deadlines…) passes through as read.

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
AS_WRITTEN = "__as_written__"


def _iso_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


class PlanHeaderForm(forms.Form):
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 2}))
    number = forms.CharField(label=_("Number/symbol"), max_length=60, required=False)
    issued_on = forms.DateField(
        label=_("Issue date"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2200)
    issuer = forms.CharField(label=_("Issuer"), max_length=255, required=False)
    signer_name = forms.CharField(label=_("Signer"), max_length=150, required=False)
    signer_position = forms.CharField(label=_("Signer's position"), max_length=150, required=False)

    @staticmethod
    def initial_for(plan: dict) -> dict:
        signer = plan.get("signer") or {}
        issued_on = _iso_date(plan.get("issued_on"))
        return {
            "title": plan.get("title") or "",
            "number": plan.get("number") or "",
            "issued_on": issued_on,
            "year": plan.get("year") or (issued_on.year if issued_on else None),
            "issuer": plan.get("issuer") or "",
            "signer_name": signer.get("name") or "",
            "signer_position": signer.get("position") or "",
        }

    def corrected(self, plan: dict) -> dict:
        data = self.cleaned_data
        signer = plan.get("signer") or {}
        return {
            **plan,
            "title": data["title"],
            "number": data["number"],
            "issued_on": data["issued_on"].isoformat() if data["issued_on"] else None,
            "year": data["year"],
            "issuer": data["issuer"],
            "signer": {**signer, "name": data["signer_name"], "position": data["signer_position"]},
        }


class GroupForm(forms.Form):
    title = forms.CharField(label=_("Group title"), max_length=500)
    dimension = forms.ChoiceField(label=_("PAPI dimension"), required=False)

    def __init__(self, *args, group: dict, dimension_choices: list, **kwargs):
        kwargs.setdefault(
            "initial",
            {"title": group.get("title") or "", "dimension": group.get("dimension") or ""},
        )
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["dimension"].choices = [("", "—"), *dimension_choices]

    def corrected(self, tasks: list[dict]) -> dict:
        dimension = self.cleaned_data["dimension"] or None
        return {
            **self.group,
            "title": self.cleaned_data["title"],
            "dimension": dimension,
            "tasks": tasks,
        }


class TaskForm(forms.Form):
    include = forms.BooleanField(label=_("Include"), required=False)
    title = forms.CharField(
        label=_("Task"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    lead = forms.ChoiceField(label=_("Lead unit"), required=False)
    support = forms.MultipleChoiceField(
        label=_("Supporting units"),
        required=False,
        widget=forms.SelectMultiple(attrs={"data-filterable": "", "size": 6}),
    )
    deadline = forms.CharField(
        label=_("Deadline"),
        max_length=255,
        required=False,
        help_text=_(
            "As the plan writes it: a date (31/12/2026), a period (Quý IV/2026, năm 2026) or a "
            "recurrence (định kỳ 6 tháng, trước ngày 15 hằng tháng)."
        ),
    )

    def __init__(self, *args, task: dict, unit_choices: list, where: str = "", **kwargs):
        codes = {code for code, _label in unit_choices}
        lead_code = task.get("lead_code") or ""
        as_written = (
            [] if lead_code in codes or not task.get("lead") else [(AS_WRITTEN, task["lead"])]
        )
        kwargs.setdefault(
            "initial",
            {
                "include": True,
                "title": task.get("title") or task.get("description") or "",
                "lead": lead_code if lead_code in codes else (AS_WRITTEN if as_written else ""),
                "support": [c for c in task.get("support_codes") or [] if c in codes],
                "deadline": deadline_cell(task),
            },
        )
        super().__init__(*args, **kwargs)
        self.task = task
        self.where = where
        self.read_deadline: dict | None = None  # the parser's fields for an edited cell
        # The whole title shows without scrolling inside the box (about 90 characters a row).
        self.fields["title"].widget.attrs["rows"] = max(2, len(self.initial["title"]) // 90 + 1)
        self.as_written_lead = as_written[0][1] if as_written else ""
        written = [(AS_WRITTEN, _("As written: %(name)s") % {"name": n}) for _c, n in as_written]
        self.fields["lead"].choices = [("", _("— none —")), *unit_choices, *written]
        self.fields["support"].choices = unit_choices

    def clean(self):
        data = super().clean()
        if data.get("include") and not (data.get("title") or "").strip():
            self.add_error("title", _("An included task needs a title."))
        self._clean_deadline(data.get("deadline") or "")
        return data

    @property
    def deadline_reading(self) -> str:
        """What the cell comes to, as saved: '31/12/2026 · Every 6 months'."""
        shown = self.read_deadline if self.read_deadline is not None else self.task
        return deadline_reading(shown)

    def _clean_deadline(self, text: str) -> None:
        # An untouched cell keeps everything the parser read (how it found the deadline too);
        # an edited one is read again by the parser's own rules.
        if text.strip() == self.initial["deadline"].strip():
            return
        try:
            self.read_deadline = read_deadline(text, where=self.where)
        except ValidationError as exc:
            self.add_error("deadline", exc)

    def check_issue_date(self, issued_on: datetime.date | None) -> None:
        """An edited deadline may not fall before the plan's issue date."""
        if self.read_deadline is None or self.has_error("deadline"):
            return
        message = deadline_before_issue(self.read_deadline, issued_on, where=self.where)
        if message:
            self.add_error("deadline", message)

    def corrected(self) -> dict | None:
        """The task as it will be imported, or None when the office left it out."""
        data = self.cleaned_data
        if not data["include"]:
            return None
        lead = data["lead"]
        # Names of units the office took off stay off, rather than reappearing as written text.
        names = dict(self.fields["support"].choices)
        dropped = {names.get(c) for c in self.initial["support"] if c not in data["support"]}
        task = {
            **self.task,
            "title": data["title"].strip(),
            "lead_code": "" if lead == AS_WRITTEN else lead,
            "lead": self._lead_text(lead),
            "support_codes": data["support"],
            "support": [s for s in self.task.get("support") or [] if s not in dropped],
        }
        return with_deadline(task, self.read_deadline) if self.read_deadline is not None else task

    def _lead_text(self, choice: str) -> str:
        if choice == AS_WRITTEN:
            return self.as_written_lead
        return (self.task.get("lead") or "") if choice else ""


@dataclass
class GroupPreview:
    form: GroupForm
    tasks: list[TaskForm]


class ImportPreview:
    """All the preview's forms, bound together: valid only when every one is."""

    def __init__(self, draft: PlanImport, data=None):
        self.parsed = draft.parsed
        # Units by their official name: the one the document and the matching use.
        units = [(u.code, u.name) for u in Agency.objects.units_of(draft.agency)]
        framework = dimension_model().objects.filter(framework__code=DEFAULT_FRAMEWORK).top_level()
        dimensions = [(d.code, str(d)) for d in framework]
        plan = self.parsed.get("plan") or {}
        self.header = PlanHeaderForm(data, prefix="plan", initial=PlanHeaderForm.initial_for(plan))
        self.groups = [
            GroupPreview(
                GroupForm(data, prefix=f"g{i}", group=group, dimension_choices=dimensions),
                [
                    TaskForm(
                        data,
                        prefix=f"g{i}-t{j}",
                        task=task,
                        unit_choices=units,
                        where=f"{i + 1}.{j + 1}",
                    )
                    for j, task in enumerate(group.get("tasks") or [])
                ],
            )
            for i, group in enumerate(self.parsed.get("groups") or [])
        ]

    @property
    def warnings(self) -> list:
        return self.parsed.get("warnings") or []

    def forms(self) -> list[forms.Form]:
        return [self.header] + [f for g in self.groups for f in (g.form, *g.tasks)]

    def is_valid(self) -> bool:
        valid = all([form.is_valid() for form in self.forms()])
        if self.header.is_valid():
            for task in (t for g in self.groups for t in g.tasks):
                task.check_issue_date(self.header.cleaned_data["issued_on"])
        return valid and not self.has_errors

    def add_error(self, message) -> None:
        self.header.add_error(None, message)

    @property
    def has_errors(self) -> bool:
        return any(form.errors for form in self.forms())

    @property
    def deadline_errors(self) -> list[str]:
        """Each deadline cell's error (they name their task), for the summary at the top."""
        return [e for g in self.groups for t in g.tasks for e in t.errors.get("deadline", [])]

    def corrected(self) -> dict:
        groups = [
            g.form.corrected([t for t in (f.corrected() for f in g.tasks) if t is not None])
            for g in self.groups
        ]
        plan = self.header.corrected(self.parsed.get("plan") or {})
        return {**self.parsed, "plan": plan, "groups": groups}
