"""Which `Host` headers the preview answers: its own addresses only, against DNS rebinding.

A web page on another site can make a visitor's browser send requests to
127.0.0.1 under a name its owner controls (DNS rebinding: the name first
resolves to their server, then to 127.0.0.1); the browser then treats the
preview as part of their site and lets their script read it, unpublished
pages and reviewer notes included. Such a request still names their host in
its `Host` header, so the preview answers only requests naming a loopback
name or address, or the address it was told to listen on. An IP address
cannot be rebound, so when it listens on every interface (0.0.0.0 or ::) any
address is answered, and so is the machine's own name.
"""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
EVERY_INTERFACE = frozenset({"", "0.0.0.0", "::"})


def host_name(header: str | None) -> str:
    """The host of a `Host` header, without its port, lower-cased: "[::1]:8000" -> "::1"; "" if there is none."""
    value = (header or "").strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else ""
    name, colon, port = value.rpartition(":")
    if colon and port.isdigit():
        value = name
    return value.removesuffix(".")


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class HostCheck:
    """Tells whether a request's `Host` header names this server (see the module's docstring)."""

    def __init__(self, bound: str):
        # As given to --host: an IPv6 address is written without brackets there.
        self.bound = bound.strip().strip("[]").lower().removesuffix(".") if bound not in EVERY_INTERFACE else ""
        self.every_interface = bound in EVERY_INTERFACE
        own = {socket.gethostname().lower()} if self.every_interface else set()
        self.names = LOOPBACK_NAMES | {self.bound} - {""} | own | {n + ".local" for n in own}

    def allows(self, header: str | None) -> bool:
        name = host_name(header)
        if not name:
            return False
        if name in self.names or name.endswith(".localhost"):
            return True  # *.localhost always resolves to the loopback interface (RFC 6761)
        if self.every_interface and _is_address(name):
            return True
        return False

    def described(self) -> str:
        """The names answered, for the message of a refused request."""
        names = sorted(self.names) + (["any IP address of this machine"] if self.every_interface else [])
        return ", ".join(names)
