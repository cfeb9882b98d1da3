"""The command line: idempotent, one-line errors, non-zero exits."""

import json

import pytest

from app.extensions import db
from blueprints.auth.models import Membership
from tenants.context import tenant_scope
from tenants.resolver import tenant_by_slug


@pytest.fixture
def cli(app):
    return app.test_cli_runner()


def test_create_is_idempotent_and_list_json_shows_it(cli):
    args = [
        "tenants",
        "create",
        "phuong-thu",
        "--name-vi",
        "Phường Thử",
        "--name-en",
        "Test Ward",
        "--domain",
        "phuong-thu.test.localhost",
    ]
    first = cli.invoke(args=args)
    assert first.exit_code == 0 and "created" in first.output
    again = cli.invoke(args=args)
    assert again.exit_code == 0 and "unchanged" in again.output
    listing = json.loads(cli.invoke(args=["tenants", "list", "--json"]).output)
    row = next(r for r in listing if r["slug"] == "phuong-thu")
    assert row == {
        "slug": "phuong-thu",
        "kind": "ward",
        "status": "active",
        "name_vi": "Phường Thử",
        "name_en": "Test Ward",
        "domains": ["phuong-thu.test.localhost"],
    }


def test_default_domain_follows_the_base_domain(cli, app):
    cli.invoke(args=["tenants", "create", "phuong-mac-dinh", "--name-vi", "Phường Mặc Định"])
    assert (
        tenant_by_slug("phuong-mac-dinh").primary_host
        == f"phuong-mac-dinh.{app.config['PORTAL_BASE_DOMAIN']}"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tenants", "create", "Phường Sai", "--name-vi", "X"], "slug"),
        (["tenants", "create", "ok-slug", "--name-vi", "X", "--theme", "nope"], "theme"),
        (["tenants", "create", "ok-slug", "--name-vi", "X", "--parent", "missing"], "no tenant"),
        (["tenants", "add-domain", "missing", "x.test.localhost"], "no tenant"),
        (["tenants", "suspend", "missing"], "no tenant"),
        (["users", "create", "--email", "not-an-email", "--password", "long enough pw"], "not a valid"),
        (["users", "create", "--email", "a@example.org", "--password", "short"], "at least"),
        (["users", "grant", "--email", "nobody@example.org", "--tenant", "x", "--role", "editor"], "no user"),
    ],
)
def test_bad_values_give_a_one_line_error_and_a_non_zero_exit(cli, args, message):
    result = cli.invoke(args=args)
    assert result.exit_code != 0
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(error_lines) == 1 and message in error_lines[0]


def test_an_unknown_role_is_refused_by_the_option_itself(cli):
    result = cli.invoke(
        args=["users", "grant", "--email", "a@example.org", "--tenant", "x", "--role", "king"]
    )
    assert result.exit_code == 2 and "king" in result.output


def test_domains_aliases_and_their_owner(cli):
    cli.invoke(args=["tenants", "create", "phuong-a", "--name-vi", "A", "--domain", "a.test.localhost"])
    cli.invoke(args=["tenants", "create", "phuong-b", "--name-vi", "B", "--domain", "b.test.localhost"])
    alias = cli.invoke(args=["tenants", "add-domain", "phuong-a", "A-Old.Test.Localhost."])
    assert alias.exit_code == 0 and "a-old.test.localhost added as alias" in alias.output
    taken = cli.invoke(args=["tenants", "add-domain", "phuong-b", "a-old.test.localhost"])
    assert taken.exit_code == 1 and "already belongs to tenant 'phuong-a'" in taken.output
    promoted = cli.invoke(args=["tenants", "add-domain", "phuong-a", "a-old.test.localhost", "--primary"])
    assert "as primary" in promoted.output
    assert tenant_by_slug("phuong-a").primary_host == "a-old.test.localhost"


def test_suspend_and_resume(cli):
    cli.invoke(args=["tenants", "create", "phuong-s", "--name-vi", "S", "--domain", "s.test.localhost"])
    assert "suspended" in cli.invoke(args=["tenants", "suspend", "phuong-s"]).output
    assert "unchanged" in cli.invoke(args=["tenants", "suspend", "phuong-s"]).output
    assert tenant_by_slug("phuong-s").status == "suspended"
    cli.invoke(args=["tenants", "resume", "phuong-s"])
    assert tenant_by_slug("phuong-s").status == "active"


def test_users_create_and_grant_are_idempotent(cli):
    cli.invoke(args=["tenants", "create", "phuong-u", "--name-vi", "U", "--domain", "u.test.localhost"])
    created = cli.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Le.Van.B@Example.org",
            "--password",
            "a long password",
            "--name",
            "Lê Văn B",
        ]
    )
    assert created.exit_code == 0 and "le.van.b@example.org: created" in created.output
    assert (
        "unchanged"
        in cli.invoke(
            args=["users", "create", "--email", "le.van.b@example.org", "--password", "another password"]
        ).output
    )
    for _ in range(2):
        granted = cli.invoke(
            args=[
                "users",
                "grant",
                "--email",
                "le.van.b@example.org",
                "--tenant",
                "phuong-u",
                "--role",
                "approver",
            ]
        )
        assert granted.exit_code == 0
    assert "already granted" in granted.output
    with tenant_scope(tenant_by_slug("phuong-u")):
        assert [m.role for m in db.session.scalars(db.select(Membership))] == ["approver"]
