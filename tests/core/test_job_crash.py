"""A job killed midway (its process SIGKILLed after its work, before its commit) is retried by
the real forking worker, and its effect is written once: the killed attempt changed nothing."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rq import Retry, get_current_job

from app.extensions import db
from app.supervisor import running
from tests.conftest import _RUN_SETTINGS
from workers.jobs import platform_job
from workers.queue import get_queue

ROOT = Path(__file__).resolve().parents[2]
WORKER = """
from workers.jobs import worker_app
from workers.queue import get_queue
from workers.worker import PortalWorker

with worker_app().app_context():
    queue = get_queue()
PortalWorker([queue], connection=queue.connection).work(burst=True)
"""


@platform_job
def record_then_die_the_first_time(marker: str) -> None:
    db.session.execute(sa.text("INSERT INTO job_crash_effects (marker) VALUES (:m)"), {"m": marker})
    if get_current_job().retries_left == 1:  # the first of two attempts
        os.kill(os.getpid(), signal.SIGKILL)
    db.session.commit()


@pytest.fixture
def effects(app):
    """A table of the job's effects, committed for the worker process to see; dropped after."""
    owner = sa.create_engine(sa.engine.make_url(_RUN_SETTINGS["DATABASE_URL"]), isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(sa.text("CREATE TABLE job_crash_effects (marker text NOT NULL)"))
        conn.execute(sa.text(f'GRANT SELECT, INSERT ON job_crash_effects TO "{app.config["APP_DB_ROLE"]}"'))
    try:
        yield owner
    finally:
        with owner.connect() as conn:
            conn.execute(sa.text("DROP TABLE job_crash_effects"))
        owner.dispose()


def test_a_job_killed_midway_is_retried_and_counted_once(effects):
    job = get_queue().enqueue(record_then_die_the_first_time, "once", retry=Retry(max=1))
    env = {**os.environ, **{k: str(v) for k, v in _RUN_SETTINGS.items() if v is not None}}
    worker = subprocess.run(
        [sys.executable, "-c", WORKER], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert worker.returncode == 0, worker.stderr
    assert "Work-horse terminated unexpectedly" in worker.stderr  # the first attempt was killed
    with effects.connect() as conn:
        rows = conn.execute(sa.text("SELECT marker FROM job_crash_effects")).scalars().all()
    assert rows == ["once"]
    job.refresh()
    assert job.get_status() == "finished"
    assert job.id not in get_queue().failed_job_registry.get_job_ids()


def report_then_sleep(path: str) -> None:
    Path(path).write_text(str(os.getpid()))
    signal.pause()


def test_a_killed_worker_takes_its_work_horse_with_it(tmp_path):
    horse_pid = tmp_path / "horse"
    get_queue().enqueue(report_then_sleep, str(horse_pid), job_timeout=600)
    env = {**os.environ, **{k: str(v) for k, v in _RUN_SETTINGS.items() if v is not None}}
    worker = subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            if horse_pid.exists() and horse_pid.read_text():
                break
            assert worker.poll() is None
            time.sleep(0.1)
        horse = int(horse_pid.read_text())
        assert running(horse)
    finally:
        worker.kill()
        worker.wait()
    for _ in range(100):
        if not running(horse):
            break
        time.sleep(0.1)
    assert not running(horse)
