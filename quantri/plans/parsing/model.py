"""What the parser returns, and the references it is given (dimensions, units)."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class DimensionRef:
    """One dimension of an index framework: its code and every name it goes by."""

    code: str
    names: list[str]


@dataclass
class UnitRef:
    """A unit of the agency, for matching the lead and supporting units named in tasks."""

    code: str
    name: str
    short_name: str = ""
    aliases: Sequence[str] = ()


@dataclass
class Signer:
    name: str | None = None
    position: str | None = None
    authority: str | None = None  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"

    def to_dict(self) -> dict:
        return {"name": self.name, "position": self.position, "authority": self.authority}


@dataclass
class AttachedTo:
    """The decision that issued the plan as its attachment."""

    kind: str
    number: str | None
    issued_on: datetime.date | None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "number": self.number, "issued_on": _iso(self.issued_on)}


@dataclass
class Task:
    title: str
    description: str
    lead: str | None = None
    lead_code: str | None = None
    support: list[str] = field(default_factory=list)
    support_codes: list[str] = field(default_factory=list)
    due: datetime.date | None = None
    recurrence: str | None = None
    due_text: str | None = None
    output: str | None = None
    section: str | None = None  # the numbered sub-heading the task sits under, if any
    # How each field was found: "label", "table", "group" (a heading above the task) or
    # "guessed" (read from the task's own sentence); absent when the field was not found.
    found: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "description": self.description,
            "lead": self.lead,
            "lead_code": self.lead_code,
            "support": list(self.support),
            "support_codes": list(self.support_codes),
            "due": _iso(self.due),
            "recurrence": self.recurrence,
            "due_text": self.due_text,
            "output": self.output,
            "section": self.section,
            "found": dict(self.found),
        }


@dataclass
class TaskGroup:
    title: str
    dimension: str | None
    tasks: list[Task] = field(default_factory=list)
    # Every dimension is a suggestion: "numbered" ('Chỉ số nội dung 3') or "wording" (the
    # heading names the dimension, in a plan that names the index).
    dimension_found: str | None = None

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "dimension": self.dimension,
            "dimension_found": self.dimension_found,
            "tasks": [t.to_dict() for t in self.tasks],
        }


@dataclass
class ReportingRule:
    frequency: str  # monthly | quarterly | semiannual | annual
    due: str | None = None
    to: str | None = None
    via: str | None = None

    def to_dict(self) -> dict:
        return {"frequency": self.frequency, "due": self.due, "to": self.to, "via": self.via}


@dataclass
class PlanInfo:
    title: str | None = None
    number: str | None = None
    issued_on: datetime.date | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    year: int | None = None
    place: str | None = None
    parent_refs: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    attached_to: AttachedTo | None = None
    source_format: str | None = None

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "number": self.number,
            "issued_on": _iso(self.issued_on),
            "issuer": self.issuer,
            "issuer_parent": self.issuer_parent,
            "year": self.year,
            "place": self.place,
            "parent_refs": list(self.parent_refs),
            "signer": self.signer.to_dict(),
            "recipients": list(self.recipients),
            "purposes": list(self.purposes),
            "requirements": list(self.requirements),
            "responsibilities": list(self.responsibilities),
            "attached_to": self.attached_to.to_dict() if self.attached_to else None,
            "source_format": self.source_format,
        }


@dataclass
class ParsedPlan:
    plan: PlanInfo
    groups: list[TaskGroup] = field(default_factory=list)
    reporting: list[ReportingRule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    empty_groups: list[str] = field(default_factory=list)  # headings with no task under them

    @property
    def tasks(self) -> list[Task]:
        return [task for group in self.groups for task in group.tasks]

    def to_dict(self) -> dict:
        return {
            "plan": self.plan.to_dict(),
            "groups": [g.to_dict() for g in self.groups],
            "reporting": [r.to_dict() for r in self.reporting],
            "warnings": list(self.warnings),
            "empty_groups": list(self.empty_groups),
        }


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None
