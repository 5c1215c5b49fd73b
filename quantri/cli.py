"""The `quantri` console command: a thin wrapper over Django's management commands.

`quantri import-plan FILE` runs `manage.py import_plan FILE`; hyphens in the first word become
underscores so batch jobs read naturally on the command line. Two-word jobs such as
`quantri report consolidate` are management commands with sub-commands.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["quantri", *args])


if __name__ == "__main__":
    main()
