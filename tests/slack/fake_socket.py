"""A fake Socket Mode endpoint on loopback: the WebSocket that apps.connections.open points to.

Just enough RFC 6455 for slack_sdk's built-in client: the handshake, unmasked text frames out,
masked frames in, pongs for its pings. It records the envelope_ids the app acknowledges.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import socket
import struct
import threading

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_envelopes = itertools.count(1)


def envelope(body: dict, retry: int = 0) -> dict:
    """An Events API request (an event_callback body) as Socket Mode delivers it."""
    return {
        "envelope_id": f"env-{next(_envelopes)}",
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry,
        "retry_reason": "timeout" if retry else "",
        "payload": body,
    }


class FakeSocketMode:
    """Accepts any number of connections (one per lepbot process), as Slack does up to ten."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._clients: list[socket.socket] = []
        self._send_lock = threading.Lock()
        self._changed = threading.Condition()
        self.acks: list[str] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link"

    @property
    def connections(self) -> int:
        with self._changed:
            return len(self._clients)

    def wait_connected(self, count: int = 1, timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self._clients) >= count, timeout), (
                f"not {count} connections"
            )

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: envelope_id in self.acks, timeout), "no ack"

    def send(self, envelope: dict, to: int = 0) -> None:
        """Deliver `envelope` over the `to`-th connection made."""
        self._frame(self._clients[to], 0x1, json.dumps(envelope).encode())

    def stop(self) -> None:
        self._listener.close()
        for client in self._clients:
            client.close()

    def _frame(self, client: socket.socket, opcode: int, payload: bytes) -> None:
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x80 | opcode, n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 126, n)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, n)
        with self._send_lock:
            client.sendall(header + payload)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(1024)
        key = next(
            line.split(":", 1)[1].strip()
            for line in request.decode().split("\r\n")
            if line.lower().startswith("sec-websocket-key:")
        )
        accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        conn.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        with self._changed:
            self._clients.append(conn)
            self._changed.notify_all()
        self._read(conn)

    def _read(self, conn: socket.socket) -> None:
        try:
            self._receive(conn)
        except (OSError, ValueError):  # the process at the other end was killed, or stop()
            return

    def _receive(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        while True:
            head = reader.read(2)
            if len(head) < 2:
                return
            opcode, length = head[0] & 0x0F, head[1] & 0x7F
            if length == 126:
                (length,) = struct.unpack("!H", reader.read(2))
            elif length == 127:
                (length,) = struct.unpack("!Q", reader.read(8))
            mask = reader.read(4) if head[1] & 0x80 else b"\0\0\0\0"
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(reader.read(length)))
            if opcode == 0x9:  # ping
                self._frame(conn, 0xA, payload)
            elif opcode == 0x1:
                message = json.loads(payload)
                with self._changed:
                    self.acks.append(message.get("envelope_id"))
                    self._changed.notify_all()
            elif opcode == 0x8:
                return
