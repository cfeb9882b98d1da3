"""`tenants merge` on the demo: Phường 1 and Phường Thắng Tam (both with consultations, the city's
highlights and search entries) merged into a new ward, and what their visitors see afterwards."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.demo_reform import REFORM_RESOLUTIONS
from app.extensions import db
from tenants.context import tenant_scope
from tenants.merge_models import MergeProvenance
from tenants.resolver import tenant_by_slug

FORMER = ("phuong-1", "thang-tam")
NEW = "phuong-thu-nghiem"


def _resolve(resolutions: dict) -> list[str]:
    return [arg for table, how in resolutions.items() for arg in ("--resolve", f"{table}={how}")]


RESOLVE = _resolve(REFORM_RESOLUTIONS)

pytestmark = pytest.mark.usefixtures("demo")

# Every table with a tenant_id column, found here independently of the merge's own discovery.
TENANT_TABLES = """
SELECT table_name FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
"""


def _merge(merge_cli, *extra: str):
    result = merge_cli("--into", NEW, "--name-vi", "Phường Thử Nghiệm", *FORMER, *RESOLVE, *extra)
    assert result.exit_code == 0, result.output
    return result


def _rows_per_table(connection, tenant_ids: list[int]) -> dict[str, int]:
    """Row counts of every tenant table for `tenant_ids`, read as the owner (no RLS)."""
    connection.execute(sa.text("RESET ROLE"))
    try:
        counts = {}
        for (table,) in connection.execute(sa.text(TENANT_TABLES)):
            count = connection.scalar(
                sa.text(f"SELECT count(*) FROM {table} WHERE tenant_id = ANY(:ids)"), {"ids": tenant_ids}
            )
            if count:
                counts[table] = count
        return counts
    finally:
        connection.execute(sa.text("SET ROLE wardportal_app"))


def _former_ids() -> list[int]:
    return [tenant_by_slug(slug).id for slug in FORMER]


def _host(app, slug: str) -> str:
    return f"http://{slug}.{app.config['PORTAL_BASE_DOMAIN']}"


def _one(columns, slug: str, *where):
    """The first matching row's `columns` in portal `slug` (plain values, which outlive the merge)."""
    with tenant_scope(tenant_by_slug(slug)):
        return db.session.execute(sa.select(*columns).where(*where).order_by(*columns[:1])).first()


def test_every_tenant_table_is_moved_and_the_former_portals_are_suspended(merge_cli, database):
    former = _former_ids()
    before = _rows_per_table(database, former)
    assert {"consultations", "search_documents", "newsroom_articles", "documents", "memberships"} <= set(
        before
    )
    _merge(merge_cli)
    assert _rows_per_table(database, former) == {}, "rows left behind in the former portals"
    new = tenant_by_slug(NEW)
    after = _rows_per_table(database, [new.id])
    assert set(after) >= set(before)
    # Tables without clashes arrive whole; those with merged clashes arrive with fewer rows.
    # (The search index is rebuilt after the merge: entries of merged intro pages are gone.)
    for table in (
        "newsroom_articles",
        "newsroom_article_revisions",
        "consultations",
        "consultation_comments",
    ):
        assert after[table] == before[table], table
    # The new portal holds only moved rows (and its domains), each remembering where it came from.
    with tenant_scope(new):
        recorded = dict(
            db.session.execute(
                sa.select(MergeProvenance.table_name, sa.func.count()).group_by(MergeProvenance.table_name)
            ).all()
        )
    # (Not the search index: it is rebuilt after the merge, with entries of its own.)
    recorded.pop("search_documents")
    global_or_derived = ("tenant_domains", "search_documents", "merge_provenance", "merge_redirects")
    assert recorded == {t: n for t, n in after.items() if t not in global_or_derived}
    for slug in FORMER:
        old = tenant_by_slug(slug)
        assert old.status == "suspended"


def test_dry_run_lists_moves_and_conflicts_and_changes_nothing(merge_cli, database):
    former = _former_ids()
    before = _rows_per_table(database, former)
    result = merge_cli("--into", NEW, "--name-vi", "Phường Thử Nghiệm", *FORMER, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "newsroom_articles" in result.output and "consultations" in result.output
    assert "newsroom_sections:" in result.output and "resolved by merge (default)" in result.output
    assert "UNRESOLVED: add --resolve documents=" in result.output
    assert "royalty_monthly_plans" in result.output  # two plans for the same month
    assert "A real run would refuse" in result.output
    assert _rows_per_table(database, former) == before
    assert tenant_by_slug(NEW) is None
    assert tenant_by_slug("thang-tam").status == "active"


def test_a_real_run_refuses_while_a_conflict_is_unresolved(merge_cli, database):
    former = _former_ids()
    before = _rows_per_table(database, former)
    result = merge_cli("--into", NEW, "--name-vi", "Phường Thử Nghiệm", *FORMER)
    assert result.exit_code != 0
    assert "unresolved conflicts in" in result.output and "documents" in result.output
    assert _rows_per_table(database, former) == before
    assert tenant_by_slug(NEW) is None


def test_old_urls_answer_301_to_the_same_item_on_the_new_portal(app, client, merge_cli):
    from blueprints.consultations.models import Consultation
    from blueprints.documents.models import Document
    from blueprints.newsroom.models import Article, Section

    article = _one(
        (Article.id, Article.slug, Section.slug.label("section_slug")),
        "thang-tam",
        Article.state == "published",
        Article.section_id == Section.id,
    )
    document = _one((Document.id,), "thang-tam", Document.is_published)
    consultation = _one((Consultation.id,), "thang-tam", Consultation.is_published)
    section = article.section_slug
    _merge(merge_cli)
    old, new = _host(app, "thang-tam"), _host(app, NEW)
    for path in (
        f"/tin-tuc/{article.id}-{article.slug}",
        f"/van-ban/{document.id}",
        f"/lay-y-kien/{consultation.id}",
        f"/chuyen-muc/{section}",
        f"/en/tin-tuc/{article.id}-{article.slug}?x=1",
    ):
        answer = client.get(path, base_url=old)
        assert answer.status_code == 301, path
        assert answer.headers["Location"] == f"{new}{path}"
        assert client.get(path, base_url=new).status_code == 200, path
    page = client.get(f"/tin-tuc/{article.id}-{article.slug}", base_url=new).get_data(as_text=True)
    assert "Trước đây thuộc Phường Thắng Tam" in page
    english = client.get(f"/en/van-ban/{document.id}", base_url=new).get_data(as_text=True)
    assert "Formerly Thang Tam Ward" in english


def test_a_renamed_section_redirects_from_its_old_address(app, client, merge_cli):
    from blueprints.newsroom.models import Section

    (slug,) = _one((Section.slug,), "thang-tam", Section.parent_id.is_(None))
    _merge(merge_cli, "--resolve", "newsroom_sections=rename")
    old, new = _host(app, "thang-tam"), _host(app, NEW)
    for suffix in ("", "/rss.xml"):
        answer = client.get(f"/chuyen-muc/{slug}{suffix}", base_url=old)
        assert answer.status_code == 301
        assert answer.headers["Location"] == f"{new}/chuyen-muc/{slug}-thang-tam{suffix}"
        assert client.get(f"/chuyen-muc/{slug}-thang-tam{suffix}", base_url=new).status_code == 200
    # Phường 1's section came first and kept its address.
    assert client.get(f"/chuyen-muc/{slug}", base_url=_host(app, "phuong-1")).headers["Location"] == (
        f"{new}/chuyen-muc/{slug}"
    )


def test_search_highlights_and_consultations_follow_the_merge(app, client, merge_cli, database):
    from blueprints.aggregator.models import AggregatedItem
    from blueprints.newsroom.models import Section
    from blueprints.search.models import SearchDocument
    from tenants.children import active_children

    (title,) = _one((SearchDocument.title,), "thang-tam", SearchDocument.kind == "article")
    city = tenant_by_slug("vungtau")
    _merge(merge_cli, "--parent", "vungtau")
    new = tenant_by_slug(NEW)
    answer = client.get("/tim-kiem", query_string={"q": title}, base_url=_host(app, NEW))
    assert title in answer.get_data(as_text=True)
    with tenant_scope(new):  # the index was rebuilt: no entry names a section merged away
        sections = sa.select(Section.id)
        stale = sa.select(sa.func.count()).where(
            SearchDocument.section_id.is_not(None), SearchDocument.section_id.not_in(sections)
        )
        assert db.session.scalar(stale) == 0
    with tenant_scope(city):
        sources = set(db.session.scalars(sa.select(AggregatedItem.source_tenant_id)))
    assert new.id in sources and not {tenant_by_slug(s).id for s in FORMER} & sources
    children = {c.id for c in active_children(city.id)}
    assert new.id in children and tenant_by_slug("thang-tam").id not in children
    listing = client.get("/lay-y-kien", base_url=_host(app, NEW)).get_data(as_text=True)
    assert listing.count('href="/lay-y-kien/') >= 2


def test_the_new_parent_is_set_and_the_city_no_longer_lists_the_merged_wards(merge_cli, app):
    from tests.factories import make_tenant

    province = make_tenant(kind="city", slug="tinh-thu-nghiem")
    _merge(merge_cli, "--parent", province.slug)
    new = tenant_by_slug(NEW)
    assert new.parent_id == province.id
    from tenants.children import active_children

    assert [c.id for c in active_children(province.id)] == [new.id]


def test_a_person_with_roles_in_both_portals_is_a_conflict_until_told_to_keep_every_role(merge_cli, database):
    from tests.factories import make_user

    phuong_1, thang_tam = (tenant_by_slug(s) for s in FORMER)
    person = make_user(roles={phuong_1: ["editor"], thang_tam: ["approver", "editor"]})
    dry = merge_cli("--into", NEW, "--name-vi", "Phường Thử Nghiệm", *FORMER, "--dry-run")
    assert f"person #{person.id} has roles in Phường 1, Phường Thắng Tam" in dry.output
    assert "UNRESOLVED: add --resolve memberships=" in dry.output
    without = _resolve({t: how for t, how in REFORM_RESOLUTIONS.items() if t != "memberships"})
    refused = merge_cli("--into", NEW, "--name-vi", "Phường Thử Nghiệm", *FORMER, *without)
    assert refused.exit_code != 0 and "memberships" in refused.output
    _merge(merge_cli)
    from blueprints.auth.models import Membership

    with tenant_scope(tenant_by_slug(NEW)):
        roles = db.session.scalars(sa.select(Membership.role).where(Membership.user_id == person.id)).all()
    assert sorted(roles) == ["approver", "editor"]


def test_the_app_role_cannot_move_rows_by_saying_it_merges(database):
    phuong_1, thang_tam = (tenant_by_slug(s) for s in FORMER)
    savepoint = database.begin_nested()
    database.execute(
        sa.text("SELECT set_config('app.tenant_id', :t, true), set_config('app.merge', 'on', true)"),
        {"t": str(phuong_1.id)},
    )
    with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
        database.execute(
            sa.text("UPDATE documents SET tenant_id = :b WHERE tenant_id = :a"),
            {"a": phuong_1.id, "b": thang_tam.id},
        )
    savepoint.rollback()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--into", NEW, "phuong-1"), "give its name with --name-vi"),
        (("--into", NEW, "--name-vi", "X", "khong-co"), "no portal with slug 'khong-co'"),
        (("--into", "Phường_Mới", "--name-vi", "X", "phuong-1"), "must be lower-case letters"),
        (("--into", "thang-tam", "thang-tam", "phuong-1"), "cannot be merged into itself"),
        (
            ("--into", NEW, "--name-vi", "X", "--domain", "thang-tam.vungtau.localhost", "phuong-1"),
            "already serves",
        ),
        (("--into", NEW, "--name-vi", "X", "--resolve", "documents=drop", "phuong-1"), "TABLE=merge"),
        (("--into", NEW, "--name-vi", "X", "--resolve", "khong_co=merge", "phuong-1"), "no tenant table"),
    ],
)
def test_bad_requests_give_one_error_line_and_change_nothing(merge_cli, args, message):
    result = merge_cli(*args)
    assert result.exit_code != 0 and message in result.output
    assert tenant_by_slug(NEW) is None and tenant_by_slug("phuong-1").status == "active"


def test_visits_still_in_redis_follow_the_merge(merge_cli):
    from app.extensions import redis_client
    from blueprints.visits.counter import live_key, vietnam_today
    from blueprints.visits.services import visit_summary

    thang_tam, today = tenant_by_slug("thang-tam"), vietnam_today()
    with tenant_scope(thang_tam):
        before = visit_summary().today
    redis_client().incrby(live_key(thang_tam.id, today), 7)
    _merge(merge_cli)
    assert redis_client().get(live_key(thang_tam.id, today)) is None
    with tenant_scope(tenant_by_slug(NEW)):
        assert visit_summary().today >= before + 7


def test_stored_file_keys_in_their_columns_and_inside_json_name_the_new_portal(merge_cli, database):
    """A cover's key and sizes, an inline image's `key` and `sizes`: every stored-file key of the
    moved rows names the new portal, the files' new folder (a key left naming the former portal
    would answer 404 once the files have moved)."""
    old = tenant_by_slug("thang-tam").id
    name = "0123456789abcdef0123456789abcdef.jpg"
    database.execute(sa.text("RESET ROLE"))
    article = database.scalar(
        sa.text("SELECT min(id) FROM newsroom_articles WHERE tenant_id = :t"), {"t": old}
    )
    database.execute(
        sa.text(
            "UPDATE newsroom_articles SET cover_key = :key, cover_sizes = CAST(:sizes AS json) "
            "WHERE tenant_id = :t AND id = :a"
        ),
        {"key": f"{old}/{name}", "sizes": f'{{"800": "{old}/{name}"}}', "t": old, "a": article},
    )
    database.execute(
        sa.text(
            "INSERT INTO newsroom_article_images "
            "(tenant_id, article_id, key, content_type, width, height, sizes, uploaded_at) "
            "VALUES (:t, :a, :key, 'image/jpeg', 4, 4, CAST(:sizes AS json), now())"
        ),
        {"t": old, "a": article, "key": f"{old}/{name}", "sizes": f'{{"400": "{old}/{name}"}}'},
    )
    database.execute(sa.text("SET ROLE wardportal_app"))
    _merge(merge_cli)
    new = tenant_by_slug(NEW).id
    database.execute(sa.text("RESET ROLE"))
    try:
        cover = database.execute(
            sa.text("SELECT cover_key, cover_sizes::text FROM newsroom_articles WHERE id = :a"),
            {"a": article},
        ).one()
        image = database.execute(
            sa.text("SELECT key, sizes::text FROM newsroom_article_images WHERE article_id = :a"),
            {"a": article},
        ).one()
    finally:
        database.execute(sa.text("SET ROLE wardportal_app"))
    assert cover == (f"{new}/{name}", f'{{"800": "{new}/{name}"}}')
    assert image == (f"{new}/{name}", f'{{"400": "{new}/{name}"}}')
