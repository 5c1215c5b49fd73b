"""What apps built on plans add to the plan pages.

Plans sit below the apps that use them (dossiers, indices, procedures, reports): a plan module
never imports them, so they cannot import each other in a loop. An app that has something to
show beside a plan's tasks or on the plan page registers it here from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass

# (tasks, *, plan, access) -> None. Sets `lead_notes` (safe HTML shown under the lead unit) on
# the tasks it has something to say about; must cost a fixed number of queries for the list.
TaskAnnotator = Callable[..., None]


@dataclass(frozen=True)
class PlanLink:
    label: str
    url: str


# (plan, access) -> PlanLink | None: a button on the plan page (e.g. the PAPI gap analysis).
PlanLinkMaker = Callable[..., PlanLink | None]

_annotators: list[TaskAnnotator] = []
_link_makers: list[PlanLinkMaker] = []


def register_task_annotator(annotator: TaskAnnotator) -> None:
    if annotator not in _annotators:
        _annotators.append(annotator)


def register_plan_link(maker: PlanLinkMaker) -> None:
    if maker not in _link_makers:
        _link_makers.append(maker)


def annotate_tasks(tasks: list, *, plan, access) -> None:
    """Lets every registered app annotate the tasks of one plan as they are about to be shown."""
    for task in tasks:
        task.lead_notes = ""
    for annotator in _annotators:
        annotator(tasks, plan=plan, access=access)


def plan_links(plan, access) -> list[PlanLink]:
    links = (maker(plan, access) for maker in _link_makers)
    return [link for link in links if link is not None]
