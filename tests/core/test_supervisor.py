"""`make demo`'s supervisor: a child that dies comes back after a growing back-off, and what it
had started (as the RQ worker starts its scheduler) is stopped with it, never orphaned."""

import os
import signal
import sys
import time
from pathlib import Path

from app.supervisor import Child, running, stop_all

# A child that starts a grandchild of its own, writes both pids, and waits.
PARENT = """
import subprocess, sys, time
grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(sys.argv[1], "a") as out:
    out.write(f"{__import__('os').getpid()} {grandchild.pid}\\n")
time.sleep(600)
"""


def _started(pids: Path, count: int) -> tuple[int, int]:
    for _ in range(300):
        lines = pids.read_text().splitlines() if pids.exists() else []
        if len(lines) >= count:
            child, grandchild = lines[count - 1].split()
            return int(child), int(grandchild)
        time.sleep(0.1)
    raise AssertionError("the child did not start")


def _tend_until(child: Child, word: str) -> str:
    for _ in range(600):
        message = child.tend(time.monotonic())
        if message and word in message:
            return message
        time.sleep(0.05)
    raise AssertionError(f"no {word!r} from the supervisor")


def test_a_killed_child_is_restarted_with_back_off_and_leaves_no_orphan(tmp_path):
    pids = tmp_path / "pids"
    child = Child("worker", [sys.executable, "-c", PARENT, str(pids)], dict(os.environ))
    child.start()
    try:
        first, first_grandchild = _started(pids, 1)
        os.kill(first, signal.SIGKILL)
        assert _tend_until(child, "exited") == "worker exited with code -9; restarting in 1 s."
        assert not running(first_grandchild)  # its group was stopped with it
        assert _tend_until(child, "restarted").startswith("worker restarted")
        second, second_grandchild = _started(pids, 2)
        assert second != first and running(second) and running(second_grandchild)

        os.kill(second, signal.SIGKILL)  # dies again at once: the wait doubles
        assert _tend_until(child, "exited") == "worker exited with code -9; restarting in 2 s."
        assert not running(second_grandchild)
        _tend_until(child, "restarted")
        third, third_grandchild = _started(pids, 3)
        assert child.restarts == 2
    finally:
        stop_all([child])
    assert not running(third) and not running(third_grandchild)  # Ctrl-C leaves nothing either
