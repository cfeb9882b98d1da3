"""Jobs are enqueued only after the transaction commits, and run in their tenant's scope."""

import pytest
import sqlalchemy as sa

from app.extensions import db, redis_client, redis_key
from blueprints.auth.models import Membership
from tenants.context import current_tenant
from tests.factories import make_tenant, make_user
from tests.support import run_jobs
from workers.jobs import tenant_job
from workers.periodic import record_heartbeat
from workers.queue import enqueue_after_commit, get_queue


@tenant_job
def count_memberships_job(marker: str) -> int:
    """A job for this test: records what tenant it ran for and what it could see."""
    tenant = current_tenant()
    seen = db.session.scalar(sa.select(sa.func.count()).select_from(Membership))
    redis_client().set(redis_key("test-job", marker), f"{tenant.slug}:{seen}")
    return seen


def test_nothing_is_enqueued_before_the_commit():
    ward = make_tenant()
    enqueue_after_commit(count_memberships_job, ward.id, "before")
    assert get_queue().count == 0
    db.session.commit()
    assert get_queue().count == 1


def test_a_rollback_drops_the_job():
    ward = make_tenant()
    db.session.commit()
    enqueue_after_commit(count_memberships_job, ward.id, "dropped")
    db.session.rollback()
    db.session.commit()
    assert get_queue().count == 0


def test_a_job_runs_in_its_tenant_and_sees_only_its_rows():
    a, b = make_tenant(), make_tenant()
    make_user(roles={a: ["editor", "approver"]})
    make_user(roles={b: ["editor"]})
    enqueue_after_commit(count_memberships_job, a.id, "scoped")
    db.session.commit()
    run_jobs()
    assert redis_client().get(redis_key("test-job", "scoped")).decode() == f"{a.slug}:2"


def test_the_cron_heartbeat_job_is_visible_in_readyz(client):
    stamp = record_heartbeat()
    ward = make_tenant()
    assert client.get("/readyz", base_url=f"http://{ward.primary_host}").json["cron_heartbeat"] == stamp


def test_send_once_mails_each_marker_once_and_retries_after_a_failure(app, monkeypatch):
    from app import mail

    message = mail.build_message("a@example.org", "Chủ đề", "Nội dung")
    marker = redis_key("test-mail", "once")
    assert mail.send_once(marker, message, 60) is True
    assert mail.send_once(marker, message, 60) is False
    assert len(mail.outbox) == 1

    def broken(_message):
        raise OSError("SMTP down")

    failing = redis_key("test-mail", "failing")
    monkeypatch.setattr(mail, "send", broken)
    with pytest.raises(OSError):
        mail.send_once(failing, message, 60)
    monkeypatch.undo()
    assert mail.send_once(failing, message, 60) is True  # the retry is not swallowed
    assert len(mail.outbox) == 2
