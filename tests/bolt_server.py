"""A minimal Bolt 4.4 server for the Neo4j fault tests (no Neo4j can run on this machine).

It speaks the wire protocol the real `neo4j` driver uses — handshake, chunked PackStream messages, HELLO with
credentials, auto-commit RUN/PULL, BEGIN/RUN/PULL/COMMIT — and answers every statement with counters, so the
driver and policygraph's push run unchanged against it. It executes nothing: what it records is which
statements (and how many rows) arrived in committed transactions. Faults on demand: refuse the credentials,
drop the connection at the n-th RUN, or stop listening after it (a server that went away mid-push).
"""
from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass, field

MAGIC = b"\x60\x60\xb0\x17"
HELLO, GOODBYE, RESET, RUN, BEGIN, COMMIT, ROLLBACK, DISCARD, PULL, ROUTE = (
    0x01, 0x02, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x2F, 0x3F, 0x66)
SUCCESS, RECORD, IGNORED, FAILURE = 0x70, 0x71, 0x7E, 0x7F


# -- PackStream ------------------------------------------------------------------------------------------------
class Structure:
    def __init__(self, tag: int, fields: list) -> None:
        self.tag, self.fields = tag, fields


def pack(value) -> bytes:
    if value is None:
        return b"\xc0"
    if value is True:
        return b"\xc3"
    if value is False:
        return b"\xc2"
    if isinstance(value, int):
        if -16 <= value < 128:
            return struct.pack(">b", value)
        for marker, fmt, lo, hi in ((0xC8, ">b", -128, 127), (0xC9, ">h", -2 ** 15, 2 ** 15 - 1),
                                    (0xCA, ">i", -2 ** 31, 2 ** 31 - 1), (0xCB, ">q", -2 ** 63, 2 ** 63 - 1)):
            if lo <= value <= hi:
                return bytes([marker]) + struct.pack(fmt, value)
        raise ValueError(value)
    if isinstance(value, float):
        return b"\xc1" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _sized(len(data), 0x80, 0xD0) + data
    if isinstance(value, (list, tuple)):
        return _sized(len(value), 0x90, 0xD4) + b"".join(pack(v) for v in value)
    if isinstance(value, dict):
        return _sized(len(value), 0xA0, 0xD8) + b"".join(pack(str(k)) + pack(v) for k, v in value.items())
    if isinstance(value, Structure):
        return bytes([0xB0 + len(value.fields), value.tag]) + b"".join(pack(v) for v in value.fields)
    raise TypeError(type(value))


def _sized(n: int, tiny: int, base: int) -> bytes:
    if n < 16:
        return bytes([tiny + n])
    if n < 256:
        return bytes([base]) + struct.pack(">B", n)
    if n < 65536:
        return bytes([base + 1]) + struct.pack(">H", n)
    return bytes([base + 2]) + struct.pack(">I", n)


def unpack(data: bytes, i: int = 0):
    m = data[i]
    i += 1
    if m < 0x80:
        return m, i
    if m >= 0xF0:
        return m - 0x100, i
    hi = m & 0xF0
    if hi in (0x80, 0x90, 0xA0):
        return _container(hi, m & 0x0F, data, i)
    if hi == 0xB0:
        tag = data[i]
        i += 1
        fields = []
        for _ in range(m & 0x0F):
            v, i = unpack(data, i)
            fields.append(v)
        return Structure(tag, fields), i
    if m == 0xC0:
        return None, i
    if m in (0xC2, 0xC3):
        return m == 0xC3, i
    if m == 0xC1:
        return struct.unpack_from(">d", data, i)[0], i + 8
    ints = {0xC8: (">b", 1), 0xC9: (">h", 2), 0xCA: (">i", 4), 0xCB: (">q", 8)}
    if m in ints:
        fmt, n = ints[m]
        return struct.unpack_from(fmt, data, i)[0], i + n
    sizes = {0: (">B", 1), 1: (">H", 2), 2: (">I", 4)}
    if 0xCC <= m <= 0xCE:  # bytes
        fmt, n = sizes[m - 0xCC]
        size = struct.unpack_from(fmt, data, i)[0]
        return bytes(data[i + n:i + n + size]), i + n + size
    for base, kind in ((0xD0, 0x80), (0xD4, 0x90), (0xD8, 0xA0)):
        if base <= m <= base + 2:
            fmt, n = sizes[m - base]
            size = struct.unpack_from(fmt, data, i)[0]
            return _container(kind, size, data, i + n)
    raise ValueError(f"PackStream marker 0x{m:02X}")


def _container(kind: int, n: int, data: bytes, i: int):
    if kind == 0x80:
        return bytes(data[i:i + n]).decode("utf-8"), i + n
    if kind == 0x90:
        out = []
        for _ in range(n):
            v, i = unpack(data, i)
            out.append(v)
        return out, i
    out = {}
    for _ in range(n):
        k, i = unpack(data, i)
        v, i = unpack(data, i)
        out[k] = v
    return out, i


# -- the server ------------------------------------------------------------------------------------------------
@dataclass
class Committed:
    statement: str
    rows: int


@dataclass
class BoltServer:
    """`with BoltServer(password="pw") as srv: ... srv.uri`. Faults: drop_at_run=n (close the connection when
    the n-th RUN arrives, counting from 1), die_at_run=n (also stop accepting connections)."""

    user: str = "neo4j"
    password: str = "secret"
    drop_at_run: set = field(default_factory=set)
    die_at_run: int | None = None
    committed: list[Committed] = field(default_factory=list)
    runs: int = 0
    connections: int = 0

    def __post_init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self.alive = True
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.alive = False
        try:
            self.sock.close()
        except OSError:
            pass

    def _serve(self) -> None:
        while self.alive:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    # -- one connection
    def _session(self, conn: socket.socket) -> None:
        try:
            with conn:
                if self._read(conn, 4) != MAGIC:
                    return
                self._read(conn, 16)
                conn.sendall(b"\x00\x00\x04\x04")  # Bolt 4.4
                tx: list[Committed] | None = None
                pending: Committed | None = None
                while self.alive:
                    msg = self._message(conn)
                    if msg is None:
                        return
                    tag, fields = msg.tag, msg.fields
                    if tag == HELLO:
                        extra = fields[0] if fields else {}
                        if extra.get("principal") != self.user or extra.get("credentials") != self.password:
                            self._reply(conn, FAILURE, {"code": "Neo.ClientError.Security.Unauthorized",
                                                        "message": "The client is unauthorized due to "
                                                                   "authentication failure."})
                            return
                        self._reply(conn, SUCCESS, {"server": "Neo4j/4.4.0", "connection_id": "bolt-1"})
                    elif tag == GOODBYE:
                        return
                    elif tag == RESET:
                        tx = None
                        self._reply(conn, SUCCESS, {})
                    elif tag == BEGIN:
                        tx = []
                        self._reply(conn, SUCCESS, {})
                    elif tag == RUN:
                        with self.lock:
                            self.runs += 1
                            n = self.runs
                        if n in self.drop_at_run:
                            conn.shutdown(socket.SHUT_RDWR)  # the network went away mid-transaction
                            return
                        if self.die_at_run is not None and n >= self.die_at_run:
                            self.stop()
                            conn.shutdown(socket.SHUT_RDWR)
                            return
                        rows = (fields[1] or {}).get("rows") or []
                        pending = Committed(fields[0], len(rows))
                        self._reply(conn, SUCCESS, {"fields": [], "t_first": 0, "qid": 0})
                    elif tag in (PULL, DISCARD):
                        stats = {}
                        if pending is not None:
                            if "MERGE (n:" in pending.statement:
                                stats = {"nodes-created": pending.rows, "properties-set": pending.rows}
                            elif "MERGE (" in pending.statement:
                                stats = {"relationships-created": pending.rows}
                            elif pending.statement.startswith("CREATE CONSTRAINT"):
                                stats = {"constraints-added": 1}
                            if tx is not None:
                                tx.append(pending)
                            else:
                                self.committed.append(pending)  # auto-commit
                            pending = None
                        self._reply(conn, SUCCESS, {"stats": stats, "type": "w", "t_last": 0, "db": "neo4j",
                                                    "has_more": False, "bookmark": "bm"})
                    elif tag == COMMIT:
                        self.committed.extend(tx or [])
                        tx = None
                        self._reply(conn, SUCCESS, {"bookmark": "bm"})
                    elif tag == ROLLBACK:
                        tx = None
                        self._reply(conn, SUCCESS, {})
                    else:
                        self._reply(conn, FAILURE, {"code": "Neo.ClientError.Request.Invalid",
                                                    "message": f"message 0x{tag:02X} is not supported here"})
        except OSError:
            return

    @staticmethod
    def _read(conn: socket.socket, n: int) -> bytes | None:
        buf = b""
        while len(buf) < n:
            got = conn.recv(n - len(buf))
            if not got:
                return None
            buf += got
        return buf

    def _message(self, conn: socket.socket) -> Structure | None:
        data = b""
        while True:
            head = self._read(conn, 2)
            if head is None:
                return None
            size = struct.unpack(">H", head)[0]
            if size == 0:
                if not data:
                    continue  # a NOOP keep-alive chunk
                msg, _ = unpack(data)
                return msg
            chunk = self._read(conn, size)
            if chunk is None:
                return None
            data += chunk

    @staticmethod
    def _reply(conn: socket.socket, tag: int, meta: dict) -> None:
        body = pack(Structure(tag, [meta]))
        out = b""
        for i in range(0, len(body), 65535):
            part = body[i:i + 65535]
            out += struct.pack(">H", len(part)) + part
        conn.sendall(out + b"\x00\x00")
