"""Select widgets that write their options in Python. The plan page's bulk form has a few
hundred options (units, officers, groups); through the template engine, each option cost an
include and a dozen variable lookups. The markup is Django's own select.html and option.html."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """Django's attrs.html: True writes the bare name, False leaves the attribute out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class _PythonRendered:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{escape(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{escape(option['label'])}</option>"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 — every value escaped above


class FastSelect(_PythonRendered, forms.Select):
    pass


class FastSelectMultiple(_PythonRendered, forms.SelectMultiple):
    pass
