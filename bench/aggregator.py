"""What the city board's sync costs with 1,000 ward portals. Prints figures; not a test.

Builds a throw-away database on the configured server (DATABASE_URL, else the embedded one) by
the migrations, then bulk-inserts its own fixtures as the owner: one parent, BENCH_WARDS wards
(default 1,000) each with BENCH_ARTICLES articles (default 5: two published highlights, one
published ordinary article, two drafts), their `updated_at` spread over the last 30 days. Then,
through the app (its unprivileged role, row-level security on), times:
1. a full rebuild (no watermarks: every ward read, every highlight copied);
2. an incremental run with nothing changed;
3. an incremental run after BENCH_CHANGED (default 100) articles changed in as many wards
   (edits, un-highlights and unpublishes mixed) — the target is under 2 s;
4. a full rebuild again (everything present: hashes compared, nothing written).
The database is dropped at the end.
"""

from __future__ import annotations

import os
import time

import sqlalchemy as sa
from throwaway import throwaway_app

WARDS = int(os.environ.get("BENCH_WARDS", "1000"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "5"))
CHANGED = int(os.environ.get("BENCH_CHANGED", "100"))


def fixtures(owner: sa.Engine) -> int:
    """The parent and its wards, with articles, in a handful of set-based INSERTs."""
    with owner.begin() as conn:
        parent = conn.scalar(
            sa.text(
                "INSERT INTO tenants (slug, name_vi, name_en, kind, "
                "status, default_locale, timezone, theme, contact)"
                " VALUES ('bench-city', 'Thành phố Bench', 'Bench "
                "City', 'city', 'active', 'vi', 'Asia/Ho_Chi_Minh',"
                " 'city', '{}') RETURNING id"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO tenant_domains (tenant_id, hostname, is_primary)"
                " VALUES (:p, 'bench.localhost', true)"
            ),
            {"p": parent},
        )
        conn.execute(
            sa.text(
                "INSERT INTO tenants (slug, name_vi, name_en, kind, "
                "parent_id, status, default_locale, timezone, theme,"
                " contact) SELECT 'phuong-' || g, 'Phường ' || g, 'Ward ' || g, 'ward', :p, 'active', 'vi',"
                " 'Asia/Ho_Chi_Minh', 'ward', '{}' FROM generate_series(1, :n) g"
            ),
            {"p": parent, "n": WARDS},
        )
        conn.execute(
            sa.text(
                "INSERT INTO tenant_domains (tenant_id, hostname, is_primary)"
                " SELECT id, slug || '.bench.localhost', true FROM tenants WHERE parent_id = :p"
            ),
            {"p": parent},
        )
        conn.execute(
            sa.text(
                "INSERT INTO newsroom_articles (tenant_id, title, "
                "slug, summary, body, kind, state, tags, is_highlight,"
                " cover_sizes, cover_caption, cover_alt, source_name, "
                "source_url, source_author, created_at, updated_at,"
                " published_at, version)"
                " SELECT t.id, 'Tin ' || a || ' của ' || t.name_vi, "
                "'tin-' || a, 'Tóm tắt tin ' || a, '<p>Nội dung</p>',"
                " 'news', CASE WHEN a <= 3 THEN 'published' ELSE "
                "'draft' END, '[]', a <= 2, '{}', '', '', '', '', '',"
                " now() - interval '40 days', now() - ((t.id * 7 + a * 13) % 43200) * interval '1 minute',"
                " CASE WHEN a <= 3 THEN now() - interval '35 days' END, 1"
                " FROM tenants t CROSS JOIN generate_series(1, :k) a WHERE t.parent_id = :p"
            ),
            {"p": parent, "k": ARTICLES},
        )
    return parent


def change_some(owner: sa.Engine, parent: int) -> None:
    """CHANGED articles in as many wards: most edited, some un-highlighted, some unpublished."""
    with owner.begin() as conn:
        conn.execute(
            sa.text(
                "WITH picked AS (SELECT DISTINCT ON (a.tenant_id) a.tenant_id, a.id FROM newsroom_articles a"
                " JOIN tenants t ON t.id = a.tenant_id WHERE t.parent_id = :p AND a.is_highlight"
                " ORDER BY a.tenant_id, a.id LIMIT :n), numbered "
                "AS (SELECT *, row_number() OVER () r FROM picked)"
                " UPDATE newsroom_articles a SET updated_at = now(), title = a.title || ' (sửa)',"
                " is_highlight = (n.r % 10 <> 0), state = CASE WHEN "
                "n.r % 10 = 5 THEN 'unpublished' ELSE a.state END"
                " FROM numbered n WHERE a.tenant_id = n.tenant_id AND a.id = n.id"
            ),
            {"p": parent, "n": CHANGED},
        )


def timed(app, parent: int, label: str, rebuild: bool = False) -> None:
    from app.extensions import db
    from blueprints.aggregator.sync import sync_parent
    from tenants.context import tenant_scope
    from tenants.resolver import tenant_by_id

    with app.app_context():
        info = tenant_by_id(parent)
        started = time.perf_counter()
        with tenant_scope(info):
            result = sync_parent(rebuild=rebuild)
            db.session.commit()
        elapsed = time.perf_counter() - started
        db.session.remove()
    print(f"{label:<48} {elapsed:7.3f} s   {result.as_dict()}")


def main() -> None:
    with throwaway_app("aggregator", AGGREGATOR_OVERLAP_SECONDS=300) as app:
        owner = sa.create_engine(app.config["DATABASE_URL"])
        try:
            started = time.perf_counter()
            parent = fixtures(owner)
            with owner.begin() as conn:
                conn.execute(sa.text("ANALYZE"))
            print(f"fixtures: {WARDS} wards x {ARTICLES} articles in {time.perf_counter() - started:.1f} s")
            timed(app, parent, "full rebuild (empty city)", rebuild=True)
            timed(app, parent, "incremental, nothing changed")
            change_some(owner, parent)
            timed(app, parent, f"incremental, {CHANGED} articles changed")
            timed(app, parent, "incremental, nothing changed since")
            timed(app, parent, "full rebuild (city up to date)", rebuild=True)
        finally:
            owner.dispose()


if __name__ == "__main__":
    main()
