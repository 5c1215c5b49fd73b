"""Compile quantri/locale/*/LC_MESSAGES/django.po to .mo with polib, so no GNU gettext is
needed on the machines that run the product; the .mo files are committed."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "quantri" / "locale"

for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
    catalogue = polib.pofile(str(po_path))
    catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"{po_path.relative_to(LOCALE.parent)}: {catalogue.percent_translated()}% translated")
