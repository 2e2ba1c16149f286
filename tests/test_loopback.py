"""The guard that keeps tests on loopback refuses the outside world and lets this machine through."""

from __future__ import annotations

import socket

import pytest

from tests.loopback import OffLoopback, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.2.1", "::1", "localhost", None, b"localhost"])
def test_loopback_hosts_pass(host):
    assert is_loopback(host)


@pytest.mark.parametrize(
    "host", ["slack.com", "8.8.8.8", "10.0.0.5", "files.slack.com", "::ffff:1.1.1.1"]
)
def test_other_hosts_do_not(host):
    assert not is_loopback(host)


def test_a_connection_to_slack_fails_loudly():
    with socket.socket() as sock, pytest.raises(OffLoopback, match=r"slack\.com"):
        sock.connect(("slack.com", 443))


def test_a_lookup_of_slack_fails_loudly():
    with pytest.raises(OffLoopback):
        socket.getaddrinfo("slack.com", 443)


def test_a_loopback_server_still_answers():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=2) as client:
            assert client.getpeername()[0] == "127.0.0.1"
