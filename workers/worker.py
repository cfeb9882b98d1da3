"""The RQ worker of `python -m workers worker`: RQ's forking worker, whose work horse dies with it.

RQ runs each job in a forked "work horse" in a process group of its own. If the worker is killed
outright (SIGKILL, the out-of-memory killer), the horse would live on, adopted by init, finishing
or hanging on a job nobody watches. Here the horse asks Linux to kill it when its worker dies
(`PR_SET_PDEATHSIG`), so a dead worker leaves no process behind; its unfinished job is then found
abandoned by the next worker and retried (RQ's `Retry`, set by `enqueue_after_commit`). A job
commits once, at its end, so an attempt killed midway has changed nothing in the database.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal

from rq import Worker

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel SIGKILL this process when its parent dies (Linux; elsewhere a no-op)."""
    name = ctypes.util.find_library("c")
    if not name or os.uname().sysname != "Linux":
        return
    libc = ctypes.CDLL(name, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


class PortalWorker(Worker):
    def fork_work_horse(self, job, queue):
        self._worker_pid = os.getpid()
        super().fork_work_horse(job, queue)

    def main_work_horse(self, job, queue):
        die_with_parent(self._worker_pid)
        super().main_work_horse(job, queue)
