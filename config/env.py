"""Typed readers for settings taken from the environment.

A bad value stops the process at start with a message naming the variable, rather than
surfacing later as a confusing failure deep inside a request.
"""

import datetime
import ipaddress
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer; got {raw!r}") from None


def env_time(name: str, default: str) -> datetime.time:
    """A time of day written HH:MM."""
    raw = os.environ.get(name)
    text = default if raw is None or raw.strip() == "" else raw.strip()
    try:
        return datetime.time.fromisoformat(text if len(text) > 4 else f"0{text}")
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a time written HH:MM; got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def local_secret_key(path: Path) -> str:
    """A secret generated once per checkout, so a fresh machine runs without configuration
    while no secret is ever committed."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def env_networks(name: str) -> list[str]:
    """Comma-separated IP addresses or CIDR ranges ("10.0.0.1, 192.168.0.0/24"), checked here
    so a typo stops start-up instead of silently trusting nobody (or the wrong host)."""
    networks = env_list(name, [])
    for item in networks:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must be IP addresses or CIDR ranges separated by commas; got {item!r}"
            ) from None
    return networks
