"""Corpus report: parse every plan document in a folder (.txt, .md, .docx, .pdf) and print,
per file, groups, tasks, the share of tasks with a lead and with a deadline, the header
fields found, warnings and time; then the totals, the largest file's parse time and the whole
corpus time. A file that fails is one line naming it and why.

    .venv/bin/python bench/import_corpus.py [--audit] [DIR]   (default: ../shared/corpus/plans)

--audit adds, per file and in total, the tasks whose text gives a lead / a deadline and how
many of those the parse has, and lists the misses (bench/assignment_audit.py).

Needs no database: the parser is plain Python.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assignment_audit import audit_folder, format_audit  # noqa: E402  (bench/, beside this file)

from quantri.plans.parsing import load_dimension_refs  # noqa: E402
from quantri.plans.parsing.corpus_report import (  # noqa: E402
    build_report,
    corpus_files,
    format_report,
)

DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "plans"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument(
        "--audit",
        action="store_true",
        help="also audit, task by task, the leads and deadlines the documents' text gives",
    )
    arguments = parser.parse_args()
    folder = Path(arguments.folder)
    if not folder.is_dir():
        print(f"Not a folder: {folder}", file=sys.stderr)
        return 2
    papi = ROOT / "quantri" / "indices" / "data" / "papi.json"
    framework = json.loads(papi.read_text(encoding="utf-8"))
    names = [framework["code"], framework["name_vi"], *framework.get("aliases", [])]
    report = build_report(folder, dimensions=load_dimension_refs(papi), framework_names=names)
    sys.stdout.write(format_report(report))
    if arguments.audit:
        sys.stdout.write(format_audit(audit_folder(corpus_files(folder))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
