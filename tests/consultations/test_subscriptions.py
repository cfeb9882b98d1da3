"""E-mail subscriptions: confirmed by a signed link, told of openings, closings and conclusions
(the cron finds each transition once), one-click unsubscribe in every mail and its header."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import sqlalchemy as sa

from app import mail
from app.extensions import db
from blueprints.consultations import services, tasks
from blueprints.consultations.models import Subscriber
from tenants.context import tenant_scope
from tests.consultations.helpers import load, make_consultation
from tests.factories import base_url, make_tenant
from tests.support import csrf_token, run_jobs


def _subscribe(client, tenant, email="citizen@example.org"):
    page = client.get("/lay-y-kien/dang-ky", base_url=base_url(tenant))
    return client.post(
        "/lay-y-kien/dang-ky",
        base_url=base_url(tenant),
        data={"csrf_token": csrf_token(page.text), "email": email, "consent": "y", "website": ""},
    )


def _link(message, path_part: str) -> str:
    found = re.search(rf"https?://\S+{path_part}\S+", message.get_content())
    assert found, message.get_content()
    return found.group(0)


def _path(url: str) -> str:
    return urlsplit(url).path


def test_subscribe_confirm_hear_of_an_opening_and_unsubscribe_in_one_click(client, app):
    tenant = make_tenant()
    response = _subscribe(client, tenant)
    assert response.status_code == 200 and "Kiểm tra hộp thư" in response.text
    run_jobs()
    assert [m["To"] for m in mail.outbox] == ["citizen@example.org"]
    confirm = _link(mail.outbox[0], "/lay-y-kien/dang-ky/xac-nhan/")
    assert urlsplit(confirm).netloc == tenant.primary_host
    assert mail.outbox[0]["List-Unsubscribe"].startswith("<http")

    now = datetime.now(UTC)
    _, consultation_id = make_consultation(
        tenant, opens=now - timedelta(minutes=1), closes=now + timedelta(days=3)
    )
    tasks.announce_transitions()
    run_jobs()
    assert len(mail.outbox) == 1  # not confirmed yet: no news

    assert client.get(_path(confirm), base_url=base_url(tenant)).status_code == 200
    with tenant_scope(tenant):
        load(tenant, consultation_id).announced_open_at = None  # as if it opened now
        db.session.flush()
    db.session.commit()
    assert tasks.announce_transitions() == {tenant.slug: 1}
    assert tasks.announce_transitions() == {}  # idempotent: the transition is marked
    run_jobs()
    news = mail.outbox[1]
    assert "Mời góp ý dự thảo" in news["Subject"] and f"/lay-y-kien/{consultation_id}" in news.get_content()
    assert news["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = news["List-Unsubscribe"].strip("<>")
    assert unsubscribe in news.get_content()
    assert client.post(_path(unsubscribe), base_url=base_url(tenant)).status_code == 200  # RFC 8058, no CSRF
    assert "Đã hủy đăng ký" in client.get(_path(unsubscribe), base_url=base_url(tenant)).text

    with tenant_scope(tenant):
        consultation = load(tenant, consultation_id)
        consultation.closes_at = now - timedelta(seconds=1)
        db.session.flush()
    db.session.commit()
    assert tasks.announce_transitions() == {tenant.slug: 1}
    run_jobs()
    assert len(mail.outbox) == 2  # unsubscribed: the closing is not mailed


def test_closing_and_conclusion_are_announced_once(client):
    tenant = make_tenant()
    now = datetime.now(UTC)
    with tenant_scope(tenant):
        db.session.add(Subscriber(email="a@example.org", confirmed_at=now))
        db.session.flush()
    _, consultation_id = make_consultation(
        tenant, opens=now - timedelta(days=5), closes=now - timedelta(seconds=1)
    )
    db.session.commit()
    assert tasks.announce_transitions() == {tenant.slug: 1}  # opened and closed already: only "closed"
    with tenant_scope(tenant):
        services.conclude(load(tenant, consultation_id), "Báo cáo")
        db.session.commit()
    run_jobs()
    subjects = sorted(m["Subject"] for m in mail.outbox)
    assert len(subjects) == 2 and any("Đã hết hạn góp ý" in s for s in subjects)
    assert any("Kết quả lấy ý kiến" in s for s in subjects)
    with tenant_scope(tenant):
        services.conclude(load(tenant, consultation_id), "Báo cáo sửa lại")
        db.session.commit()
    run_jobs()
    assert len(mail.outbox) == 2


def test_links_are_bound_to_their_portal_and_subscribing_twice_reveals_nothing(client):
    a, b = make_tenant(), make_tenant()
    _subscribe(client, a)
    run_jobs()
    confirm = _path(_link(mail.outbox[0], "/lay-y-kien/dang-ky/xac-nhan/"))
    assert client.get(confirm, base_url=base_url(b)).status_code == 404
    assert client.get(confirm.replace("/xac-nhan/", "/xac-nhan/x"), base_url=base_url(a)).status_code == 404
    assert client.get(confirm, base_url=base_url(a)).status_code == 200
    again = _subscribe(client, a)
    assert again.status_code == 200 and "Kiểm tra hộp thư" in again.text
    run_jobs()
    assert len(mail.outbox) == 1  # already confirmed: no second mail
    with tenant_scope(a):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Subscriber)) == 1
    with tenant_scope(b):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Subscriber)) == 0


def test_the_subscription_form_refuses_bad_input_and_keeps_it(client):
    tenant = make_tenant()
    page = client.get("/lay-y-kien/dang-ky", base_url=base_url(tenant))
    response = client.post(
        "/lay-y-kien/dang-ky",
        base_url=base_url(tenant),
        data={"csrf_token": csrf_token(page.text), "email": "khong-phai-thu", "consent": "y"},
    )
    assert response.status_code == 422 and 'value="khong-phai-thu"' in response.text
