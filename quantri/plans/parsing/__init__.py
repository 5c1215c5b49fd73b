"""Read a plan document (.txt, .md, .docx, .pdf) into structured data: plan details, task groups
matched to an index's dimensions, tasks with lead/supporting units and deadlines, reporting.

Django-free: the caller passes the dimensions (and optionally the agency's units) in.
"""

from .dimensions import load_dimension_refs, match_dimension
from .document import DEFAULT_MAX_BYTES, parse_plan
from .errors import PlanDocumentError
from .model import (
    AttachedTo,
    DimensionRef,
    ParsedPlan,
    PlanInfo,
    ReportingRule,
    Signer,
    Task,
    TaskGroup,
    UnitRef,
)
from .readers import ACCEPTED_EXTENSIONS, reads_extension
from .render import format_text

__all__ = [
    "ACCEPTED_EXTENSIONS",
    "reads_extension",
    "DEFAULT_MAX_BYTES",
    "AttachedTo",
    "DimensionRef",
    "ParsedPlan",
    "PlanDocumentError",
    "PlanInfo",
    "ReportingRule",
    "Signer",
    "Task",
    "TaskGroup",
    "UnitRef",
    "format_text",
    "load_dimension_refs",
    "match_dimension",
    "parse_plan",
]
