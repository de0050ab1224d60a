"""Confine a worker process so that what runs in it cannot leave the build (Linux; best effort elsewhere).

Three independent walls, each used where the system offers it:

* ``no_network()``: a new, empty network namespace (``unshare(CLONE_NEWNET)``, inside a user namespace
  when not root): no interface but a loopback that is down, so no connection of any kind can be made.
  Must run while the process has a single thread (first thing in the worker).
* ``limit_resources()``: no core dumps; with ``read_only`` no file can grow (RLIMIT_FSIZE = 0).
* ``only_these_paths()``: Landlock (Linux >= 5.13, unprivileged): from then on the process may read only
  beneath the given folders, write only beneath the writable ones, and (Landlock ABI >= 4) make no TCP
  connection. Files already open (the store, the pipes) keep working.

``walls()`` says which walls stand, for the README's security model and the tests.
"""
from __future__ import annotations

import ctypes
import os
import resource
import sys
from pathlib import Path

_STATE: dict[str, bool] = {"network": False, "files": False, "tcp": False}

# -- network ---------------------------------------------------------------------------------------------
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - not a glibc/musl system
        return None


def no_network() -> bool:
    """Move this process into a network namespace of its own (no usable interface). True on success."""
    if not sys.platform.startswith("linux"):
        return False
    libc = _libc()
    if libc is None or not hasattr(libc, "unshare"):
        return False
    flags = [CLONE_NEWNET] if os.geteuid() == 0 else []
    flags.append(CLONE_NEWUSER | CLONE_NEWNET)
    for f in flags:
        if libc.unshare(ctypes.c_int(f)) == 0:
            _STATE["network"] = True
            return True
    return False


# -- resources -------------------------------------------------------------------------------------------
def limit_resources(read_only: bool = True) -> None:
    """No core dump of a crash; with read_only, no file may grow by a single byte."""
    for limit, value in ((resource.RLIMIT_CORE, 0),) + (((resource.RLIMIT_FSIZE, 0),) if read_only else ()):
        try:
            resource.setrlimit(limit, (value, value))
        except (ValueError, OSError):  # pragma: no cover - a hard limit already lower
            pass
    if read_only:
        import signal

        # a write past the limit is then an error (EFBIG), not a silent kill by SIGXFSZ
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def limit_memory(nbytes: int) -> None:
    """At most `nbytes` of address space: an allocation past it fails (MemoryError, std::bad_alloc)."""
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            nbytes = min(nbytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (nbytes, hard))
    except (ValueError, OSError):  # pragma: no cover
        pass


# -- files (Landlock) ------------------------------------------------------------------------------------
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_PR_SET_NO_NEW_PRIVS = 38
_RULE_PATH_BENEATH = 1
_CREATE_RULESET_VERSION = 1
# access rights by the ABI version that introduced them
_FS_V1 = (1 << 13) - 1  # execute, write/read file, read dir, remove dir/file, make char/dir/reg/sock/fifo/block/sym
_FS_BY_ABI = {1: _FS_V1, 2: _FS_V1 | 1 << 13, 3: _FS_V1 | 1 << 13 | 1 << 14}
_READ = (1 << 2) | (1 << 3)  # READ_FILE, READ_DIR
_WRITE = (1 << 1) | (1 << 4) | (1 << 5) | (1 << 7) | (1 << 8) | (1 << 14)  # write, remove, make dir/reg, truncate
_NET_TCP = (1 << 0) | (1 << 1)  # BIND_TCP, CONNECT_TCP (ABI 4)


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def landlock_abi() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    libc = _libc()
    if libc is None:
        return 0
    abi = libc.syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return abi if abi > 0 else 0


def only_these_paths(readable, writable=()) -> bool:
    """Restrict this process (for good) to reading beneath `readable` and writing beneath `writable`, and,
    where the kernel can, to no TCP. True if Landlock is in force."""
    abi = landlock_abi()
    if abi < 1:
        return False
    libc = _libc()
    fs = _FS_BY_ABI.get(abi, _FS_BY_ABI[3] | (1 << 15 if abi >= 5 else 0))
    net = _NET_TCP if abi >= 4 else 0
    if abi >= 6:
        attr = (ctypes.c_uint64 * 3)(fs, net, 0)
    elif abi >= 4:
        attr = (ctypes.c_uint64 * 2)(fs, net)
    else:
        attr = (ctypes.c_uint64 * 1)(fs)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        return False
    try:
        rules = [(p, _READ) for p in readable] + [(p, _READ | _WRITE) for p in writable]
        for path, access in rules:
            try:
                fd = os.open(str(path), os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                if not os.path.isdir(path):
                    access &= (1 << 1) | (1 << 2) | (1 << 14)  # a file only takes file rights
                rule = _PathBeneath(access & fs, fd)
                if libc.syscall(_SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) != 0:
                    return False
            finally:
                os.close(fd)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        if libc.syscall(_SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return False
    finally:
        os.close(ruleset)
    _STATE["files"] = True
    _STATE["tcp"] = bool(net)
    return True


def walls() -> dict[str, bool]:
    """Which walls this process stands behind: network (namespace), files (Landlock), tcp (Landlock)."""
    return dict(_STATE)


def paths_of(*paths) -> list[Path]:
    return [Path(p).resolve() for p in paths if p]
