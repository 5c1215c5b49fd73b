"""The client's address, as every rate limit and the login throttle see it.

Behind the documented layout (nginx in front of gunicorn) REMOTE_ADDR is the proxy's, so all
citizens would share one counter. X-Forwarded-For is used only when the connection comes from
a proxy named in QUANTRI_TRUSTED_PROXIES: anyone can write that header, so only the entries
our own proxies appended are believed. Walking it from the right, the first address that is
not a trusted proxy is the client.
"""

import ipaddress

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [
        ipaddress.ip_network(item, strict=False)
        for item in getattr(settings, "QUANTRI_TRUSTED_PROXIES", [])
    ]


def _is_trusted(address: Address, networks) -> bool:
    return any(address.version == n.version and address in n for n in networks)


def client_address(request) -> str:
    """The rightmost address of X-Forwarded-For that is not one of our proxies, when the
    connection comes from one of them; REMOTE_ADDR otherwise."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _trusted_networks()
    nearest = _parse(remote)
    if nearest is None or not _is_trusted(nearest, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([h for h in forwarded.split(",") if h.strip()]):
        address = _parse(hop)
        if address is None:
            # Our proxies write only addresses: this was written by someone beyond them.
            break
        nearest = address
        if not _is_trusted(address, networks):
            break
    return str(nearest)
