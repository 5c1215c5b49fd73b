"""`quantri apikey create --name NAME | list | revoke PREFIX`: keys for Open311 applications."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.core.keys import key_by_prefix, key_line
from quantri.feedback.apikeys import apikey_create, apikey_revoke
from quantri.feedback.models import ApiKey


class Command(BaseCommand):
    help = _("Create, list and revoke the API keys Open311 applications use to file requests.")

    def add_arguments(self, parser):
        jobs = parser.add_subparsers(dest="job", required=True, metavar="create|list|revoke")
        create = jobs.add_parser("create", help=_("make a new key and print it once"))
        create.add_argument("--name", required=True, help=_("who the key is for"))
        jobs.add_parser("list", help=_("list the keys (never the keys themselves)"))
        revoke = jobs.add_parser("revoke", help=_("stop a key from working"))
        revoke.add_argument("prefix", help=_("the key's prefix, as `list` shows it"))

    def handle(self, *args, job, **options):
        getattr(self, f"_{job}")(**options)

    def _create(self, name, **options):
        if not name.strip():
            raise CommandError(_("--name must not be empty."))
        key, raw = apikey_create(name=name)
        self.stderr.write(
            _("Key %(prefix)s… made for %(name)s. It is shown only now; keep it safe:")
            % {"prefix": key.prefix, "name": key.name}
        )
        self.stdout.write(raw)

    def _list(self, **options):
        keys = ApiKey.objects.all()
        if not keys:
            self.stdout.write(_("No API keys."))
        for key in keys:
            self.stdout.write(key_line(key))

    def _revoke(self, prefix, **options):
        try:
            key = apikey_revoke(key=key_by_prefix(ApiKey.objects.all(), prefix))
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("Key %(prefix)s… revoked.") % {"prefix": key.prefix})
