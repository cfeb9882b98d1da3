"""The back office's failed jobs: platform administrators list, retry and delete them; nobody else
(a ward's board head included) sees them."""

import pytest
from rq.job import Job

from app.extensions import db, redis_client, redis_key
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, run_jobs, sign_in
from workers.jobs import tenant_job
from workers.queue import get_queue

URL = "/admin/jobs/failed"


@tenant_job
def fail_until_allowed(marker: str) -> str:
    """A job for these tests: fails until the test lets it through, then records that it ran."""
    if not redis_client().get(redis_key("test-allow", marker)):
        raise RuntimeError(f"not yet: {marker}")
    redis_client().incr(redis_key("test-ran", marker))
    return marker


@pytest.fixture
def failed_registry(app):
    registry = get_queue().failed_job_registry
    for job_id in registry.get_job_ids():
        registry.remove(job_id, delete_job=True)
    yield registry
    for job_id in registry.get_job_ids():
        registry.remove(job_id, delete_job=True)


def _fail(ward, marker: str) -> Job:
    db.session.commit()  # what the test set up, before the job's rollback
    job = get_queue().enqueue(fail_until_allowed, ward.id, marker)
    run_jobs()
    return job


def _post(client, ward, url: str):
    page = client.get("/admin/", base_url=base_url(ward))  # a form (sign out) even when none failed
    return client.post(url, base_url=base_url(ward), data={"csrf_token": csrf_token(page.text)})


def test_a_platform_administrator_sees_a_failed_job_with_its_portal_and_error(client, failed_registry):
    ward = make_tenant()
    job = _fail(ward, "listed")
    assert job.id in failed_registry.get_job_ids()
    sign_in(client, ward, make_user(platform_admin=True))
    page = client.get(URL, base_url=base_url(ward))
    assert page.status_code == 200
    assert "RuntimeError: not yet: listed" in page.text
    assert ward.slug in page.text and "fail_until_allowed" in page.text
    assert f'action="/admin/jobs/failed/{job.id}/retry"' in page.text
    english = client.get(f"/en{URL}", base_url=base_url(ward))
    assert "Failed background jobs" in english.text and "Retry" in english.text


def test_retry_puts_the_job_back_and_it_runs_once(client, failed_registry):
    ward = make_tenant()
    job = _fail(ward, "retried")
    sign_in(client, ward, make_user(platform_admin=True))
    redis_client().set(redis_key("test-allow", "retried"), "1")
    answer = _post(client, ward, f"{URL}/{job.id}/retry")
    assert answer.status_code == 302
    assert job.id not in failed_registry.get_job_ids() and get_queue().count == 1
    run_jobs()
    assert redis_client().get(redis_key("test-ran", "retried")) == b"1"
    assert failed_registry.count == 0
    again = _post(client, ward, f"{URL}/{job.id}/retry")  # no longer failed: said, not a 500
    assert again.status_code == 302
    assert "không còn trong danh sách lỗi" in client.get(URL, base_url=base_url(ward)).text


def test_delete_drops_the_job_and_its_record(client, failed_registry):
    ward = make_tenant()
    job = _fail(ward, "deleted")
    sign_in(client, ward, make_user(platform_admin=True))
    assert _post(client, ward, f"{URL}/{job.id}/delete").status_code == 302
    assert failed_registry.count == 0
    assert not Job.exists(job.id, connection=redis_client())


@pytest.mark.parametrize("role", ["board-head", "editor", "approver"])
def test_a_wards_own_administrators_get_403_and_change_nothing(client, failed_registry, role):
    ward = make_tenant()
    job = _fail(ward, f"guarded-{role}")
    sign_in(client, ward, make_user(roles={ward: [role]}))
    assert client.get(URL, base_url=base_url(ward)).status_code == 403
    dashboard = client.get("/admin/", base_url=base_url(ward))
    assert URL not in dashboard.text
    token = csrf_token(dashboard.text)
    for action in ("retry", "delete"):
        answer = client.post(f"{URL}/{job.id}/{action}", base_url=base_url(ward), data={"csrf_token": token})
        assert answer.status_code == 403
    assert job.id in failed_registry.get_job_ids()


def test_anonymous_visitors_are_sent_to_sign_in(client, failed_registry):
    ward = make_tenant()
    answer = client.get(URL, base_url=base_url(ward))
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]


@pytest.mark.validator
def test_the_screen_is_valid_accessible_html_in_both_languages(client, failed_registry, tmp_path):
    from tests.core.test_crawl import structure_problems, validation_errors

    ward = make_tenant()
    _fail(ward, "<valid & escaped>")
    sign_in(client, ward, make_user(platform_admin=True))
    pages = {
        f"{ward.slug}{prefix}{URL}": client.get(f"{prefix}{URL}", base_url=base_url(ward)).text
        for prefix in ("", "/en")
    }
    assert "&lt;valid &amp; escaped&gt;" in pages[f"{ward.slug}{URL}"]
    assert structure_problems(pages) == []
    assert validation_errors(pages, tmp_path) == []
