"""`/metrics`: the figures Prometheus reads, and who may read them (nobody unless configured)."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.config import ConfigurationError
from app.metrics import parse_networks
from tests.conftest import make_app
from tests.factories import base_url, make_tenant
from tests.support import run_jobs
from workers.queue import get_queue

TOKEN = "scrape-token-for-the-tests"


@pytest.fixture
def guarded(app, monkeypatch):
    """The metrics readable with TOKEN or from 10.1.2.0/24."""
    monkeypatch.setitem(app.config, "METRICS_TOKEN", TOKEN)
    monkeypatch.setitem(app.extensions, "wardportal.metrics_networks", parse_networks("10.1.2.0/24, ::1"))


def scrape(client, host: str = "http://localhost") -> dict:
    """Every sample of an authorised scrape, by name and labels."""
    answer = client.get("/metrics", base_url=host, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.status_code
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def test_unconfigured_metrics_answer_404_to_everyone(client):
    for address in ("127.0.0.1", "10.1.2.3"):
        answer = client.get("/metrics", environ_overrides={"REMOTE_ADDR": address})
        assert answer.status_code == 404 and "wardportal" not in answer.text


@pytest.mark.usefixtures("guarded")
def test_only_the_token_or_an_allowed_address_reads_them(client):
    ward = make_tenant()
    for headers, address, status in [
        ({}, "203.0.113.9", 404),
        ({"Authorization": "Bearer wrong"}, "203.0.113.9", 404),
        ({"Authorization": TOKEN}, "203.0.113.9", 404),  # the scheme is part of it
        ({"Authorization": f"Bearer {TOKEN}"}, "203.0.113.9", 200),
        ({}, "10.1.2.77", 200),
        ({}, "10.1.3.1", 404),
        ({}, "127.0.0.1", 404),
    ]:
        for host in (base_url(ward), "http://unknown.example.org"):
            answer = client.get(
                "/metrics", base_url=host, headers=headers, environ_overrides={"REMOTE_ADDR": address}
            )
            assert answer.status_code == status, (headers, address, host)
            if status == 200:
                assert answer.headers["Cache-Control"] == "no-store"
                assert "wardportal_http_requests_total" in answer.text
    english = client.get("/en/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert english.status_code == 404  # one address only, for one nginx rule


def test_behind_a_trusted_proxy_the_allowed_address_is_the_real_clients(monkeypatch):
    """A proxy on this machine forwarding a visitor does not make the visitor a local scraper."""
    proxied = make_app(PORTAL_TRUSTED_PROXIES=1, METRICS_ALLOWED_IPS="127.0.0.1")
    client = proxied.test_client()
    visitor = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert visitor.status_code == 404
    assert client.get("/metrics").status_code == 200  # the scraper itself, on this machine


def test_a_wrong_address_list_stops_the_start():
    with pytest.raises(ConfigurationError, match="METRICS_ALLOWED_IPS"):
        make_app(METRICS_ALLOWED_IPS="10.0.0.0/8, not-an-address")


@pytest.mark.usefixtures("guarded")
def test_requests_are_counted_by_portal_and_status(client):
    ward = make_tenant()
    before = scrape(client)
    assert client.get("/", base_url=base_url(ward)).status_code == 200
    assert client.get("/khong-co-trang-nay", base_url=base_url(ward)).status_code == 404
    assert client.get("/", base_url="http://unknown.example.org").status_code == 404
    after = scrape(client)

    def grew(name: str, **labels) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    assert grew("wardportal_http_requests_total", portal=ward.slug, status="200") == 1
    assert grew("wardportal_http_requests_total", portal=ward.slug, status="404") == 1
    assert grew("wardportal_http_requests_total", portal="-", status="404") == 1
    assert grew("wardportal_http_request_duration_seconds_count", portal=ward.slug) == 2
    assert not any(
        name == "wardportal_http_requests_total" and "unknown" in str(labels) for name, labels in after
    )


@pytest.mark.usefixtures("guarded")
def test_queue_depth_and_failed_jobs_are_shown(client):
    queue = get_queue()
    for job_id in queue.failed_job_registry.get_job_ids():
        queue.failed_job_registry.remove(job_id, delete_job=True)
    queue.enqueue("builtins.len", 42)  # fails: an int has no length
    queue.enqueue("builtins.len", "ok")
    figures = scrape(client)
    assert figures[("wardportal_queue_jobs", (("state", "queued"),))] == 2
    assert figures[("wardportal_redis_up", ())] == 1
    run_jobs()
    figures = scrape(client)
    assert figures[("wardportal_queue_jobs", (("state", "queued"),))] == 0
    assert figures[("wardportal_jobs_failed", ())] == 1
    for job_id in queue.failed_job_registry.get_job_ids():
        queue.failed_job_registry.remove(job_id, delete_job=True)
