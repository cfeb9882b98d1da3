"""What production runs: gunicorn with gunicorn.conf.py, and a start refused without its settings."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from app import create_app
from app.config import ConfigurationError, check_environment
from tests.conftest import _RUN_SETTINGS

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 48


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({}, "DATABASE_URL, REDIS_URL, SECRET_KEY"),
        ({"DATABASE_URL": "postgresql://db/x"}, "REDIS_URL, SECRET_KEY"),
        ({"DATABASE_URL": "postgresql://db/x", "REDIS_URL": "redis://r"}, "SECRET_KEY"),
    ],
)
def test_production_names_every_missing_setting(given, missing):
    with pytest.raises(ConfigurationError) as raised:
        check_environment({"WARDPORTAL_ENV": "production", **given})
    assert f"WARDPORTAL_ENV=production and {missing} not set" in str(raised.value)
    assert "docs/deploy.md" in str(raised.value)


def test_production_refuses_a_short_secret_and_an_unknown_environment():
    settings = {"WARDPORTAL_ENV": "production", "DATABASE_URL": "postgresql://db/x", "REDIS_URL": "redis://r"}
    with pytest.raises(ConfigurationError, match="SECRET_KEY is shorter than 32"):
        check_environment({**settings, "SECRET_KEY": "short"})
    check_environment({**settings, "SECRET_KEY": STRONG_KEY})  # all given: starts
    with pytest.raises(ConfigurationError, match="not 'prod'"):
        check_environment({"WARDPORTAL_ENV": "prod"})
    check_environment({})  # development, the default, may lean on the embedded servers


def test_the_app_factory_refuses_before_starting_any_embedded_server(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ConfigurationError, match="DATABASE_URL, REDIS_URL, SECRET_KEY"):
        create_app(
            {"WARDPORTAL_ENV": "production", "DATABASE_URL": None, "REDIS_URL": None, "SECRET_KEY": None}
        )
    assert list(tmp_path.iterdir()) == []  # no server started, no secret written


def _bare_environment(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")}
    return {**env, "WARDPORTAL_ENV": "production", **extra}


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "workers", "worker"],
        [sys.executable, "-m", "workers", "cron"],
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"],
    ],
    ids=["worker", "cron", "web"],
)
def test_each_production_process_stops_at_once_saying_why(command):
    result = subprocess.run(
        command, cwd=ROOT, env=_bare_environment(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert (
        "wardportal: WARDPORTAL_ENV=production and DATABASE_URL, REDIS_URL, SECRET_KEY not set"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def gunicorn(app, tmp_path):
    """gunicorn with gunicorn.conf.py and two workers, on the tests' database and Redis."""
    port = _free_port()
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    (metrics_dir / "counter_999999.db").write_bytes(b"a previous run's figures")
    env = _bare_environment(
        **{
            key: str(value)
            for key, value in _RUN_SETTINGS.items()
            if value is not None and key != "SECRET_KEY"
        },
        SECRET_KEY=STRONG_KEY,
        WEB_CONCURRENCY="2",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        PROMETHEUS_MULTIPROC_DIR=str(metrics_dir),
        METRICS_TOKEN="gunicorn-test-token",
        LOG_FORMAT="json",
    )
    log = tmp_path / "gunicorn.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # until a worker has built the app (or the server died)
            assert server.poll() is None, log.read_text()
            try:
                if _get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield base, metrics_dir, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_without_a_version_and_adds_up_every_workers_figures(gunicorn):
    base, metrics_dir, log = gunicorn
    assert not (metrics_dir / "counter_999999.db").exists()  # emptied at start
    for _ in range(12):
        status, headers, _body = _get(f"{base}/", Host="nobody.example.org", Connection="close")
        assert status == 404
        assert headers["Server"] == "gunicorn"
    status, _headers, _body = _get(f"{base}/metrics")
    assert status == 404  # no token, and no allowed address configured
    for _ in range(4):  # whichever worker answers, it reports both workers' requests
        status, _headers, text = _get(f"{base}/metrics", Authorization="Bearer gunicorn-test-token")
        assert status == 200
        samples = {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text)
            for s in family.samples
        }
        # the twelve, and the refused scrape (a plain 404 too)
        assert samples[("wardportal_http_requests_total", (("portal", "-"), ("status", "404")))] == 13
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]  # LOG_FORMAT=json
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)


def test_the_install_step_compiles_every_catalogue(tmp_path):
    from babel.support import Translations

    from app.catalogues import compile_catalogues

    for package in ("app", "blueprints/admin"):
        source = ROOT / package / "translations/en/LC_MESSAGES/messages.po"
        target = tmp_path / package / "translations/en/LC_MESSAGES/messages.po"
        target.parent.mkdir(parents=True)
        target.write_bytes(source.read_bytes())
    written = compile_catalogues(tmp_path)
    assert sorted(p.relative_to(tmp_path).parts[0] for p in written) == ["app", "blueprints"]
    english = Translations.load(str(tmp_path / "blueprints/admin/translations"), ["en"])
    assert english.gettext("Công việc nền bị lỗi") == "Failed background jobs"
    setup = (ROOT / "setup.py").read_text()  # `pip install` runs it in its build step
    assert "compile_catalogues(ROOT)" in setup and '"build_py": BuildWithCatalogues' in setup
