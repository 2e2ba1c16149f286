"""Keep the test process on loopback: a connection or name lookup anywhere else fails loudly.

The rule is that tests never touch the network beyond loopback; this makes a test that tries
(a Slack client left pointing at slack.com, a chart font fetched from the web) fail with the
address it tried instead of passing on a machine that happens to be online. Child processes
(gunicorn, redis-server, pip) are started by the tests with loopback URLs and no index.
"""

from __future__ import annotations

import ipaddress
import socket

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", ""})


class OffLoopback(OSError):
    """A test tried to reach something that is not this machine."""


def is_loopback(host: object) -> bool:
    if host is None:
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def install() -> None:
    """Wrap socket connect and lookup so only loopback addresses get through."""
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def refuse(address: object) -> None:
        raise OffLoopback(f"tests stay on loopback; this one tried to reach {address!r}")

    def checked(address: object) -> object:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not is_loopback(host):
            refuse(address)
        return address

    def guarded_connect(self: socket.socket, address: object) -> None:
        return connect(self, checked(address) if self.family != socket.AF_UNIX else address)

    def guarded_connect_ex(self: socket.socket, address: object) -> int:
        return connect_ex(self, checked(address) if self.family != socket.AF_UNIX else address)

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        if not is_loopback(host):
            refuse(host)
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo
