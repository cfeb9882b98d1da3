"""Faults provoked with real servers: Redis refusing or hanging, PostgreSQL connections killed or
refused, a worker killed mid-job, a full disk (docs/operations.md, "When Redis or PostgreSQL
fail").

Redis "down" is a port where nothing listens; a "hanging" Redis is a TCP server that accepts
connections and never answers (a paused server, a partition). Each gets an app of its own
(`make_app(REDIS_URL=...)`) on the test's database transaction. PostgreSQL's connections are
killed with `pg_terminate_backend`, and new ones refused with a connection limit of 0 on the
test database. The worker is a real `python -m workers worker` process, SIGKILLed. The full disk
is the kernel's file size limit (`RLIMIT_FSIZE`): writes fail part-way, as on a full disk.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa
from rq import Retry
from rq.job import JobStatus
from rq.registry import StartedJobRegistry

from app import mail
from app.extensions import db, redis_client, redis_key
from app.redis_guard import RedisUnavailable, breaker_of, guarded_client
from app.uploads import storage_root
from blueprints.documents.models import Document
from blueprints.newsroom.models import Article, ArticleState
from tenants.context import tenant_scope
from tests.about.helpers import PDF
from tests.conftest import make_app, session_bound_to
from tests.documents.helpers import document_form
from tests.factories import base_url, make_tenant, make_user
from tests.newsroom.helpers import make_article, make_board
from tests.support import post_form, run_jobs, sign_in, signed_in_browser
from workers.jobs import platform_job
from workers.outbox import OutboxJob, relay_outbox
from workers.queue import enqueue_after_commit, get_queue


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def refused_redis_app():
    """An app whose Redis refuses every connection (nothing listens on its port)."""
    return make_app(REDIS_URL=f"redis://127.0.0.1:{_free_port()}/0")


class HangingServer:
    """Accepts TCP connections, reads nothing, answers nothing: a Redis that stopped answering."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hanging_redis() -> Iterator[HangingServer]:
    server = HangingServer()
    try:
        yield server
    finally:
        server.close()


# -- Redis refuses -----------------------------------------------------------------------------


def test_without_redis_public_pages_and_sign_in_still_work(refused_redis_app):
    board = make_board()
    client = refused_redis_app.test_client()
    url = base_url(board.tenant)
    for page in ("/", "/tin-tuc", "/gioi-thieu", "/en/"):
        assert client.get(page, base_url=url).status_code == 200, page
    sign_in(client, board.tenant, board.editor)  # asserts the 302 of a successful sign-in
    assert client.get("/admin/", base_url=url).status_code == 200


def test_without_redis_failed_sign_ins_are_still_limited_in_the_process(refused_redis_app):
    board = make_board()
    client = refused_redis_app.test_client()
    for _ in range(refused_redis_app.config["LOGIN_MAX_FAILURES"]):
        assert sign_in(client, board.tenant, board.editor, password="not it", expect=None).status_code == 200
    assert sign_in(client, board.tenant, board.editor, expect=None).status_code == 429


def _submit_through_the_page(app, board, article: int) -> None:
    client = signed_in_browser(app, board.tenant, board.collaborator)
    detail = f"/admin/newsroom/articles/{article}"
    assert post_form(client, board.tenant, f"{detail}/do/submit", {}, form_url=detail).status_code == 302
    with tenant_scope(board.tenant):
        assert db.session.get(Article, (board.tenant.id, article)).state == ArticleState.SUBMITTED


def test_without_redis_a_submitted_article_keeps_its_notification_in_the_outbox(refused_redis_app, app):
    wards = [make_board(), make_board()]
    for board in wards:
        _submit_through_the_page(refused_redis_app, board, make_article(board))
    waiting = db.session.scalars(sa.select(OutboxJob)).all()
    assert [row.func for row in waiting] == ["blueprints.newsroom.tasks.notify_transition"] * 2
    assert get_queue().count == 0 and mail.outbox == []
    with refused_redis_app.app_context():  # a relay while Redis is still down keeps the rows
        assert relay_outbox() == 0
    assert len(db.session.scalars(sa.select(OutboxJob)).all()) == 2

    # Redis is back (the test's own app): the relay hands the jobs over, once however often it runs.
    with app.app_context():
        assert relay_outbox() == 2
        assert relay_outbox() == 0
        assert get_queue().count == 2
        run_jobs()
    # relayed together, each job still runs in its own ward: each approver hears of their ward's
    # article only, with a link to their own portal
    mails = {m["To"]: m.get_content() for m in mail.outbox}
    assert sorted(mails) == sorted(board.approver.email for board in wards) and len(mail.outbox) == 2
    for board in wards:
        assert board.tenant.primary_host in mails[board.approver.email]
    assert db.session.scalars(sa.select(OutboxJob)).all() == []


def test_a_job_with_arguments_json_cannot_hold_is_refused_at_the_call():
    from datetime import date

    with pytest.raises(TypeError):
        enqueue_after_commit(relay_outbox, date.today())


def test_a_job_handed_after_commit_is_not_handed_again_by_the_relay(app):
    board = make_board()
    article = make_article(board)
    from blueprints.newsroom import workflow
    from tests.newsroom.helpers import load

    with tenant_scope(board.tenant):
        workflow.submit(load(board, article), board.collaborator)
        db.session.commit()
    assert get_queue().count == 1  # handed at once: Redis answers
    assert relay_outbox() == 0  # the relay finds the row, RQ already has its job
    assert get_queue().count == 1
    run_jobs()
    assert len(mail.outbox) == 1


# -- Redis hangs -------------------------------------------------------------------------------


def test_a_hanging_redis_opens_the_breaker_and_pages_stop_waiting_for_it(hanging_redis):
    hung = make_app(REDIS_URL=hanging_redis.url, REDIS_SOCKET_TIMEOUT=0.2, REDIS_CONNECT_TIMEOUT=0.2)
    board = make_board()
    client = hung.test_client()
    answers = [client.get("/", base_url=base_url(board.tenant)).status_code for _ in range(5)]
    assert answers == [200] * 5
    breaker = breaker_of(hung.extensions["wardportal.redis"])
    assert breaker.is_open
    # Once open, Redis is not asked: five pages (each with several Redis calls) reached it only
    # for the few calls that opened the breaker.
    assert len(hanging_redis.accepted) <= breaker.threshold


def test_the_breaker_lets_a_trial_through_after_its_pause_and_closes_on_success(app):
    client = guarded_client(app.config["REDIS_URL"], {**app.config, "REDIS_BREAKER_RESET_SECONDS": 0.2})
    breaker = breaker_of(client)
    for _ in range(breaker.threshold):
        breaker.failed(redis.ConnectionError("refused"))
    with pytest.raises(RedisUnavailable):
        client.ping()
    time.sleep(0.3)  # the pause is over: the next command is the trial, and Redis answers it
    assert client.ping() is True and not breaker.is_open
    client.close()


def test_readyz_reports_redis_without_taking_the_process_out(refused_redis_app):
    board = make_board()
    ready = refused_redis_app.test_client().get("/readyz", base_url=base_url(board.tenant))
    assert ready.status_code == 200
    assert ready.json["status"] == "degraded" and ready.json["checks"]["redis"]["ok"] is False


# -- PostgreSQL --------------------------------------------------------------------------------


def _owner_engine(app) -> sa.Engine:
    return sa.create_engine(app.config["DATABASE_URL"], isolation_level="AUTOCOMMIT")


@pytest.mark.usefixtures("demo")
def test_after_the_apps_connections_are_killed_the_next_request_succeeds(app, client, demo):
    own_pid = db.session.scalar(sa.text("SELECT pg_backend_pid()"))  # the test's own transaction
    database = demo.url.database
    ward_host = "phuong-1.vungtau.localhost"
    owner = _owner_engine(app)
    try:
        with session_bound_to(demo):  # requests use the pool, as in production
            assert client.get("/", base_url=f"http://{ward_host}").status_code == 200
            with owner.connect() as conn:
                killed = conn.execute(
                    sa.text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = :db AND usename = :role AND pid <> :own"
                    ),
                    {"db": database, "role": app.config["APP_DB_ROLE"], "own": own_pid},
                ).scalar()
            assert killed >= 1
            assert client.get("/tin-tuc", base_url=f"http://{ward_host}").status_code == 200
    finally:
        owner.dispose()


@contextmanager
def _new_connections_refused(app) -> Iterator[None]:
    """The test database refuses new connections by the app's role; open ones keep working."""
    name = sa.engine.make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database
    owner = _owner_engine(app)
    try:
        with owner.connect() as conn:
            conn.execute(sa.text(f'ALTER DATABASE "{name}" WITH CONNECTION LIMIT 0'))
        yield
    finally:
        with owner.connect() as conn:
            conn.execute(sa.text(f'ALTER DATABASE "{name}" WITH CONNECTION LIMIT -1'))
        owner.dispose()


def test_readyz_answers_503_while_the_database_refuses_new_connections(app, client):
    ward = make_tenant()
    assert client.get("/readyz", base_url=base_url(ward)).status_code == 200
    with _new_connections_refused(app):
        refused = client.get("/readyz", base_url=base_url(ward))
    assert refused.status_code == 503
    assert refused.json["status"] == "unavailable" and refused.json["checks"]["database"]["ok"] is False
    assert client.get("/readyz", base_url=base_url(ward)).status_code == 200


# -- full disk ---------------------------------------------------------------------------------


@contextmanager
def _file_size_limit(max_bytes: int) -> Iterator[None]:
    """The kernel refuses to let this process write a file beyond `max_bytes` (EFBIG), as a full
    disk refuses (ENOSPC): the write fails part-way through."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_full_disk_refuses_the_upload_clearly_keeping_the_form_and_saving_nothing(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    folder = storage_root() / str(ward.id)
    before = set(folder.iterdir()) if folder.exists() else set()
    upload = {"upload": (PDF + b"%" * 100_000, "quyet-dinh.pdf")}  # held in memory by werkzeug
    with _file_size_limit(4096):
        refused = post_form(client, ward, "/admin/documents/new", document_form(), upload)
    assert refused.status_code == 422  # the form again, its errors at their fields
    assert "hết chỗ lưu tệp" in refused.text and "Tổ công tác rà soát đất công" in refused.text
    with tenant_scope(ward):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Document)) == 0
    assert (set(folder.iterdir()) if folder.exists() else set()) == before  # not even a temporary file
    stored = post_form(client, ward, "/admin/documents/new", document_form(), upload)
    assert stored.status_code == 302  # with room again, the same upload goes through


# -- a job killed midway -----------------------------------------------------------------------


@platform_job
def mail_then_stall(name: str) -> int:
    """A job for the test below: mails once, then (on its first attempt) stalls until killed."""
    attempt = redis_client().incr(redis_key("test-killed", name, "attempts"))
    message = mail.build_message("dan@example.org", "Thông báo", "Nội dung")
    mail.send_once(redis_key("test-killed", name, "mail"), message, 3600)
    if attempt == 1:
        redis_client().set(redis_key("test-killed", name, "mailed"), "1")
        time.sleep(600)
    return attempt


def _worker_process(app, instance: Path) -> subprocess.Popen:
    """`python -m workers worker` on the test's queue, Redis prefix and database; mail to files."""
    env = {
        **os.environ,
        "DATABASE_URL": app.config["DATABASE_URL"],
        "REDIS_URL": app.config["REDIS_URL"],
        "REDIS_PREFIX": app.config["REDIS_PREFIX"],
        "RQ_QUEUE": app.config["RQ_QUEUE"],
        "SECRET_KEY": "test-secret-key",
        "MAIL_BACKEND": "folder",
        "INSTANCE_PATH": str(instance),
    }
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen(
        [sys.executable, "-m", "workers", "worker"], cwd=root, env=env, start_new_session=True
    )


def test_a_job_killed_midway_is_retried_and_mails_once(app, tmp_path):
    queue = get_queue()
    job = queue.enqueue(mail_then_stall, "once", retry=Retry(max=2))
    worker = _worker_process(app, tmp_path)
    try:
        for _ in range(600):  # the first attempt has mailed and stalls
            if redis_client().get(redis_key("test-killed", "once", "mailed")):
                break
            time.sleep(0.1)
        else:
            pytest.fail("the worker never reached the job")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # the worker and its work horse, mid-job
        worker.wait()
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1

    # RQ finds the job abandoned (its worker is gone) and, retries being left, queues it again.
    StartedJobRegistry(queue=queue).cleanup(timestamp=time.time() + 24 * 3600)
    run_jobs()
    job.refresh()
    assert job.get_status() == JobStatus.FINISHED and job.return_value() == 2
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1 and mail.outbox == []
