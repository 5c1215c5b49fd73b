"""Every route of the site and every operation of the API, with the arguments that name agency
A's objects, for the permission-matrix suite (docs/permissions.md)."""

import inspect
import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from quantri.api.urls import api

# The API's own URL patterns are walked as operations (their OpenAPI ids), except these three.
API_PAGES = {"api:openapi-json", "api:openapi-view", "api:api-root"}
ADMIN_PREFIX = "admin:"
# What the admin's URL parameters stand for: the walk only asks the admin to let someone in.
ADMIN_ARGS = {"app_label": "orgs", "model_name": "agency", "object_id": "1", "url": "x"}


@dataclass(frozen=True)
class Route:
    name: str  # URL name ("feedback:inbox") or API operation id
    methods: tuple[str, ...]
    path_template: str
    params: tuple[str, ...]
    is_api: bool = False
    positional: int = 0  # unnamed groups (the admin's simple-history pages)


def site_routes() -> list[Route]:
    routes = []
    for name, template, regex, callback in _walk(get_resolver().url_patterns):
        if name.startswith("api:") and name not in API_PAGES:
            continue
        methods = _methods(name, callback)
        params = tuple(regex.groupindex)
        routes.append(Route(name, methods, template, params, positional=regex.groups - len(params)))
    return routes


def api_operations() -> list[Route]:
    routes = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            params = tuple(re.findall(r"{(\w+)}", path))
            routes.append(Route(operation["operationId"], (method.upper(),), path, params, True))
    return routes


def _walk(patterns, namespace: str = "", prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern), pattern.pattern.regex, pattern.callback


def _methods(name: str, callback) -> tuple[str, ...]:
    """GET for every page; POST too where the view reads a POST (its source says so, or its
    class has a post()). The admin is walked with GET only: it lets staff in or no one."""
    if name.startswith(ADMIN_PREFIX):
        return ("GET",)
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return ("GET", "POST") if hasattr(view_class, "post") else ("GET",)
    try:
        source = inspect.getsource(inspect.unwrap(callback))
    except (OSError, TypeError):
        return ("GET", "POST")
    if "POST" not in source:
        return ("GET",)
    return ("POST",) if "require_POST" in source else ("GET", "POST")


def site_url(route: Route, objects: dict) -> str:
    if route.name.startswith(ADMIN_PREFIX):
        if route.positional:
            return reverse(route.name, args=["1"] * route.positional)
        return reverse(route.name, kwargs={p: ADMIN_ARGS.get(p, "1") for p in route.params})
    kwargs = SITE_ARGS.get(route.name, lambda o: {})(objects)
    missing = set(route.params) - set(kwargs)
    if missing:
        raise LookupError(f"{route.name}: no test object for {sorted(missing)} (routes.py)")
    return reverse(route.name, kwargs=kwargs)


def api_url(route: Route, objects: dict) -> str:
    values = {param: _api_value(route.path_template, param, objects) for param in route.params}
    return re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), route.path_template)


def _api_value(path: str, param: str, o: dict):
    if param == "code":
        for prefix, value in API_CODES.items():
            if path.startswith(prefix):
                return value(o)
        raise LookupError(f"{path}: no test object for {{code}} (routes.py)")
    if param == "plan_id" and path.startswith("/api/reports/"):
        return o["report_plan"].pk
    return API_IDS[param](o)


API_IDS = {
    "plan_id": lambda o: o["plan"].pk,
    "task_id": lambda o: o["task"].pk,
    "group_id": lambda o: o["group"].pk,
    "period_id": lambda o: o["period"].pk,
    "request_id": lambda o: o["report_request"].pk,
    "survey_id": lambda o: o["survey"].pk,
    "pk": lambda o: o["plan"].pk,
    "revision_id": lambda o: o["revision"].pk,
    "extension_id": lambda o: o["extension"].pk,
    "person_id": lambda o: o["person"].pk,
    "membership_id": lambda o: o["membership"].pk,
    "inspection_id": lambda o: o["inspection"].pk,
}
API_CODES = {
    "/api/agencies/": lambda o: o["unit"].code,
    "/api/frameworks/": lambda o: "PAPI",
    "/api/procedures/": lambda o: o["procedure"].code,
    "/api/feedback/track/": lambda o: o["feedback"].code,
    "/api/papi/provinces/": lambda o: o["province"].code,
    "/api/surveys/points/": lambda o: o["point"].code,
}


def _pk(kind: str):
    return lambda o: {"pk": o[kind].pk}


SITE_ARGS = {
    "accounts:invite_again": _pk("person"),
    "accounts:deactivate": _pk("person"),
    "accounts:reactivate": _pk("person"),
    # A link that is no longer valid: the page that says so is open to anyone.
    "accounts:invitation": lambda o: {"uidb64": "MQ", "token": "x-y"},
    "password_reset_confirm": lambda o: {"uidb64": "MQ", "token": "x-y"},
    "orgs:unit_detail": _pk("unit"),
    "orgs:unit_rename": _pk("unit"),
    "orgs:unit_move": _pk("unit"),
    "orgs:unit_close": _pk("unit"),
    "orgs:unit_merge": _pk("unit"),
    "orgs:person_detail": _pk("person"),
    "orgs:role_grant": _pk("person"),
    "orgs:role_withdraw": _pk("membership"),
    "plans:plan_detail": _pk("plan"),
    "plans:plan_publish": _pk("plan"),
    "plans:task_detail": _pk("task"),
    "plans:plan_edit": _pk("plan"),
    "plans:group_add": _pk("plan"),
    "plans:task_add": _pk("plan"),
    "plans:plan_bulk": _pk("plan"),
    "plans:plan_unassigned": _pk("plan"),
    "plans:revision_add": _pk("plan"),
    "plans:plan_archive": _pk("plan"),
    "plans:plan_delete": _pk("plan"),
    "plans:revision_detail": _pk("revision"),
    "plans:extension_request": _pk("task"),
    "plans:extension_decide": _pk("extension"),
    "plans:plan_print": _pk("plan"),
    "plans:plan_tasks_xlsx": _pk("plan"),
    "plans:group_edit": _pk("group"),
    "plans:task_edit": _pk("task"),
    "plans:evidence_file": _pk("evidence"),
    "plans:import_preview": _pk("plan_import"),
    "portal:plan_detail": _pk("plan"),
    "reports:plan_periods": _pk("report_plan"),
    "reports:period_open": _pk("report_plan"),
    "reports:regime_save": _pk("report_plan"),
    "reports:period_detail": _pk("period"),
    "reports:period_status": _pk("period"),
    "reports:request_remind": _pk("report_request"),
    "reports:consolidation": _pk("period"),
    "reports:consolidation_docx": _pk("period"),
    "reports:consolidation_xlsx": _pk("period"),
    "reports:consolidation_agency": lambda o: {"pk": o["period"].plan.agency_id},
    "reports:consolidation_agency_docx": lambda o: {"pk": o["period"].plan.agency_id},
    "reports:consolidation_agency_xlsx": lambda o: {"pk": o["period"].plan.agency_id},
    "reports:unit_report": _pk("report_request"),
    "reports:report_review": _pk("report_request"),
    "reports:report_history": _pk("report_request"),
    "reports:report_template": _pk("report_request"),
    "reports:report_upload": _pk("report_request"),
    "reports:evidence_file": _pk("report_evidence"),
    "procedures:publish": lambda o: {"code": o["procedure"].code},
    "procedures:detail": lambda o: {"code": o["procedure"].code},
    "procedures:review_detail": _pk("review"),
    "procedures:review_close": _pk("review"),
    "procedures:item_task": _pk("review_item"),
    "feedback:track_detail": lambda o: {"code": o["feedback"].code},
    "feedback:detail": _pk("feedback"),
    "feedback:act": lambda o: {"pk": o["feedback"].pk, "action": "accept"},
    "feedback:attachment": _pk("feedback_attachment"),
    "open311:discovery": lambda o: {"fmt": "json"},
    "open311:services": lambda o: {"fmt": "json"},
    "open311:service": lambda o: {"fmt": "json", "code": o["feedback"].category.code},
    "open311:requests": lambda o: {"fmt": "json"},
    "open311:request": lambda o: {"fmt": "json", "request_id": o["feedback"].code},
    "reception:session_detail": _pk("session"),
    "reception:session_publish": _pk("session"),
    "reception:matter_feedback": _pk("matter"),
    "reception:dialogue_detail": _pk("dialogue"),
    "reception:commitment_task": _pk("commitment"),
    "oversight:plan_detail": _pk("inspection_plan"),
    "oversight:inspection_detail": _pk("inspection"),
    "oversight:finding_add": _pk("inspection"),
    "oversight:violation_add": _pk("inspection"),
    "oversight:remedy_add": _pk("inspection"),
    "oversight:conclude": _pk("inspection"),
    "oversight:remedies_tasks": _pk("inspection"),
    "oversight:close": _pk("inspection"),
    "oversight:conclusion_docx": _pk("inspection"),
    "deskstaff:officer": _pk("desk_officer"),
    "deskstaff:check_new": _pk("desk_officer"),
    "deskstaff:check_minutes": _pk("desk_check"),
    "deskstaff:rotation_done": _pk("rotation"),
    "disclosures:detail": _pk("disclosure"),
    "disclosures:attachment": _pk("disclosure"),
    "disclosures:publish": _pk("disclosure"),
    "dossiers:detail": _pk("dossier"),
    "dossiers:receipt": _pk("dossier"),
    "dossiers:apology": _pk("late_dossier"),
    "dossiers:control_slip": _pk("dossier"),
    "dossiers:additional_request": _pk("dossier"),
    "dossiers:refusal": _pk("dossier"),
    "dossiers:stop_notice": _pk("dossier"),
    "dossiers:history_print": _pk("dossier"),
    "dossiers:letter": lambda o: {"pk": o["letter"].dossier_id, "letter_pk": o["letter"].pk},
    "dossiers:transition": _pk("dossier"),
    "dossiers:hand_over": _pk("dossier"),
    "dossiers:flags": _pk("dossier"),
    "surveys:survey_detail": _pk("survey"),
    "surveys:survey_edit": _pk("survey"),
    "surveys:survey_publish": _pk("survey"),
    "surveys:survey_close": _pk("survey"),
    "surveys:section_new": _pk("survey"),
    "surveys:section_edit": _pk("section"),
    "surveys:section_delete": _pk("section"),
    "surveys:question_new": _pk("survey"),
    "surveys:question_edit": _pk("question"),
    "surveys:question_move": _pk("question"),
    "surveys:question_delete": _pk("question"),
    "surveys:question_indicator": _pk("question"),
    "surveys:point_new": _pk("survey"),
    "surveys:points_print": _pk("survey"),
    "surveys:point_edit": _pk("point"),
    "surveys:point_qr": _pk("point"),
    "surveys:results": _pk("survey"),
    "surveys:results_export": lambda o: {"pk": o["survey"].pk, "fmt": "csv"},
    "surveys:weighting": _pk("survey"),
    "surveys:index": _pk("survey"),
    "surveys:respond": lambda o: {"code": o["point"].code},
    "surveys:thanks": lambda o: {"code": o["point"].code},
    "indices:province": lambda o: {"code": o["province"].code},
    "indices:plan_gaps": _pk("plan"),
    "indices:plan_gaps_png": _pk("plan"),
    "quality:process_detail": _pk("quality_process"),
    "quality:version_approve": _pk("process_version"),
    "quality:declaration_publish": _pk("declaration"),
    "quality:audit_detail": _pk("audit"),
    "quality:audit_close": _pk("audit"),
    "quality:audit_report": _pk("audit"),
    "quality:action_save": _pk("finding"),
    "quality:action_verify": _pk("corrective_action"),
    "quality:review_detail": _pk("management_review"),
    "quality:review_export": _pk("management_review"),
}
