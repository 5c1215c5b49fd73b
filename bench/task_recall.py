"""Task-level check on the labelled corpus documents: per file and in total, how many of the
leads and deadlines the documents give the parser finds, gives wrong, or invents where the
document gives none (labels in quantri/plans/tests/parsing/task_labels.py).

    .venv/bin/python bench/task_recall.py [DIR]   (default: ../shared/corpus/plans)
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quantri.plans.parsing import parse_plan  # noqa: E402
from quantri.plans.tests.parsing.task_recall import measure, parse_labelled, report  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "plans"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    folder = Path(parser.parse_args().folder)
    if not folder.is_dir():
        print(f"Not a folder: {folder}", file=sys.stderr)
        return 2
    parsed = parse_labelled(folder, lambda data, name: parse_plan(data, name, dimensions=[]))
    print(report(measure(parsed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
