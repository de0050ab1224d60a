"""A build replaces its folder in one step, and builds of one folder take turns.

A build is written into a temporary folder beside `out` (".OUT.building-*") that replaces `out` in one
atomic step (``renameat2(RENAME_EXCHANGE)`` on Linux): readers see the old build or the new one, never a mix.
Where the system cannot exchange two folders, the old build is renamed aside (".OUT.old-*") for a moment;
`recover` and `recover_for_reading` put it back after a crash there. The lock (``out/.policygraph.lock``,
inside the build) serialises builds of one folder.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import time
from pathlib import Path

from ..console import QUIET, PolicygraphError, Progress
from .folder import is_build, is_empty
from .layout import LOCK


def fault_point(name: str) -> None:
    """Tests stop a build here (POLICYGRAPH_PAUSE_AT=name) to kill it at an exact moment."""
    if os.environ.get("POLICYGRAPH_PAUSE_AT") == name:
        print(f"policygraph: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(3600)


RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two directories (Linux renameat2). False where the system cannot."""
    if os.environ.get("POLICYGRAPH_NO_RENAME_EXCHANGE"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(tmp: Path, out: Path) -> None:
    """Replace `out` by the finished `tmp`: readers see the old build or the new one, never a mix or nothing
    (on systems without RENAME_EXCHANGE there is a moment with no `out`; `recover` undoes a crash there)."""
    if out.exists() and not is_build(out) and not is_empty(out):
        raise PolicygraphError(f"{out}: exists and is not a policygraph build; choose another --out")
    if not out.exists():
        os.rename(tmp, out)
        return
    if _exchange(tmp, out):
        fault_point("swapped")
        shutil.rmtree(tmp, ignore_errors=True)  # now the old build
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.rename(out, old)
    fault_point("between-renames")
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def leftovers(out: Path, kind: str) -> list[Path]:
    """What builds of `out` leave beside it when killed: ".OUT.building-*" (unfinished), ".OUT.old-*"."""
    return sorted(out.parent.glob(f".{out.name}.{kind}-*"))


def recover(out: Path, progress: Progress = QUIET) -> None:
    """Under the build lock: put back a build a crash left renamed aside, and delete unfinished builds."""
    olds = [p for p in leftovers(out, "old") if is_build(p)]
    if not out.exists() and olds:
        newest = max(olds, key=lambda p: p.stat().st_mtime_ns)
        os.rename(newest, out)
        progress(f"Restored the previous build of {out} (a build was interrupted while swapping)")
    for p in leftovers(out, "old") + leftovers(out, "building"):
        if p.exists():
            shutil.rmtree(p, ignore_errors=True)


def recover_for_reading(out: Path) -> None:
    """For readers: if no build is at `out` but an interrupted swap left one aside, put it back (only when
    no build holds its lock; a running build finishes its two renames in microseconds)."""
    if out.exists():
        return
    olds = [p for p in leftovers(out, "old") if is_build(p)]
    if not olds:
        return
    newest = max(olds, key=lambda p: p.stat().st_mtime_ns)
    try:
        fd = os.open(newest / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # its build is between its two renames
            deadline = time.monotonic() + 2
            while not out.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            return
        if not out.exists() and newest.exists():
            os.rename(newest, out)
    finally:
        os.close(fd)


# ------------------------------------------------------------------------------------------------------
# The lock, inside the build
# ------------------------------------------------------------------------------------------------------


class BuildLock:
    """An exclusive lock on one build folder: flock on ``out/.policygraph.lock`` (released if the process dies).

    A build replaces the folder, lock file included; a waiter whose lock file is no longer the one in `out`
    (it held the old folder's) tries again on the new one. A folder created here for a first build that then
    fails is removed again if nothing but the lock is in it."""

    def __init__(self, out: Path, progress: Progress = QUIET) -> None:
        self.out = Path(out)
        self.progress = progress
        self.fd: int | None = None
        self.created = False

    def __enter__(self):
        said = False
        while True:
            if not self.out.exists():
                olds = [p for p in leftovers(self.out, "old") if is_build(p)]
                if olds:  # a build was killed between its two renames: lock the build it set aside
                    newest = max(olds, key=lambda p: p.stat().st_mtime_ns)
                    fd = self._open(newest / LOCK)
                    fcntl.flock(fd, fcntl.LOCK_EX)
                    if not self.out.exists() and newest.exists():
                        os.rename(newest, self.out)
                        self.progress(f"Restored the previous build of {self.out} (a build was interrupted while "
                                      "swapping)")
                    os.close(fd)
                    continue
                try:
                    self.out.mkdir(parents=True)
                    self.created = True
                except FileExistsError:
                    pass
            fd = self._open(self.out / LOCK)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not said:
                    self.progress(f"Waiting for another build of {self.out} to finish")
                    said = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                current = os.stat(self.out / LOCK)
                mine = os.fstat(fd)
                if (current.st_dev, current.st_ino) == (mine.st_dev, mine.st_ino):
                    self.fd = fd
                    return self
            except FileNotFoundError:
                pass
            os.close(fd)  # the folder was replaced while we waited: lock the new one
            time.sleep(0.01)

    def _open(self, path: Path) -> int:
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as err:
            raise PolicygraphError(f"{path}: cannot create the build lock ({err.strerror})") from None

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            if self.created and is_empty(self.out):
                try:  # a first build that failed: leave no folder behind
                    os.unlink(self.out / LOCK)
                    os.rmdir(self.out)
                except OSError:
                    pass
            os.close(self.fd)  # releases the lock
            self.fd = None
