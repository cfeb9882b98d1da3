"""The sync: only published highlights cross, edits and withdrawals follow, the parent's curation
survives, runs are idempotent and an interrupted run loses nothing."""

from __future__ import annotations

import pytest

from app.extensions import db
from blueprints.aggregator import sync as sync_module
from blueprints.aggregator.models import ItemState
from blueprints.aggregator.tasks import sync_everything
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.aggregator.helpers import act, edit, highlight, items, make_city, sync
from tests.news.helpers import publish
from tests.newsroom.helpers import make_article
from tests.support import run_jobs

S = ArticleState


def test_only_published_highlights_reach_the_parent():
    city = make_city()
    ward = city.wards[0]
    shown = highlight(ward, title="Lễ hội Nghinh Ông")
    publish(ward, title="Tin thường, không nổi bật")
    for state in (S.DRAFT, S.SUBMITTED, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED, S.ARCHIVED):
        make_article(ward, state, title=f"Nổi bật nhưng {state}", is_highlight=True)
    sync(city)
    copies = items(city)
    assert [(c.source_tenant_id, c.source_article_id, c.title) for c in copies] == [
        (ward.tenant.id, shown, "Lễ hội Nghinh Ông")
    ]
    item = copies[0]
    assert item.state == ItemState.LIVE and item.source_name == ward.tenant.name_vi
    assert item.canonical_url.startswith(f"http://{ward.tenant.primary_host}/tin-tuc/{shown}-")


def test_edits_and_withdrawals_follow_through_the_triggered_job():
    city = make_city()
    ward = city.wards[0]
    article_id = highlight(ward, title="Khai mạc hội chợ")
    run_jobs()
    sync(city)
    edit(ward, article_id, title="Khai mạc hội chợ xuân 2027")
    run_jobs()  # the edit's signal queued a sync of the parent after the ward's commit
    assert [c.title for c in items(city)] == ["Khai mạc hội chợ xuân 2027"]
    act(ward, article_id, "unpublish", reason="Sai thông tin")
    run_jobs()
    assert [c.state for c in items(city)] == [ItemState.WITHDRAWN]
    act(ward, article_id, "publish")
    run_jobs()
    assert [c.state for c in items(city)] == [ItemState.LIVE]
    act(ward, article_id, "archive")
    run_jobs()
    assert [c.state for c in items(city)] == [ItemState.WITHDRAWN]


def test_unhighlighting_withdraws_the_copy_on_the_cron_run():
    """The newsroom announces a save only when its text changed; a save that only clears the
    highlight flag still moves `updated_at`, and cron's every-minute run catches it."""
    city = make_city()
    ward = city.wards[0]
    article_id = highlight(ward)
    sync(city)
    edit(ward, article_id, is_highlight=False)
    sync_everything()
    assert [c.state for c in items(city)] == [ItemState.WITHDRAWN]


def test_hidden_stays_hidden_and_pinned_stays_pinned_after_an_edit():
    city = make_city()
    ward = city.wards[0]
    article_id = highlight(ward)
    sync(city)
    from blueprints.aggregator.curation import curate, load_item

    item_id = items(city)[0].id
    with tenant_scope(city.parent):
        curate(load_item(item_id), "hide", None)
        curate(load_item(item_id), "pin", None)
        curate(load_item(item_id), "move", None, position=-3)
        db.session.commit()
    edit(ward, article_id, title="Tiêu đề mới sau khi bị ẩn")
    run_jobs()
    item = items(city)[0]
    assert (item.title, item.hidden, item.pinned, item.position) == (
        "Tiêu đề mới sau khi bị ẩn",
        True,
        True,
        -3,
    )


def test_running_twice_changes_nothing_and_duplicates_nothing():
    city = make_city()
    for ward in city.wards:
        highlight(ward)
        highlight(ward)
    first = sync(city)
    before = [(c.id, c.content_hash, c.synced_at) for c in items(city)]
    second = sync(city)
    assert first["added"] == 4 and (second["added"], second["updated"], second["withdrawn"]) == (0, 0, 0)
    assert [(c.id, c.content_hash, c.synced_at) for c in items(city)] == before
    rebuilt = sync(city, rebuild=True)
    assert (rebuilt["added"], rebuilt["updated"], rebuilt["withdrawn"]) == (0, 0, 0)
    assert len(items(city)) == 4


def test_an_interrupted_run_leaves_nothing_half_done_and_the_rerun_takes_everything(monkeypatch):
    city = make_city()
    for ward in city.wards:
        for _ in range(3):
            highlight(ward)
    real = sync_module.item_values
    calls = {"n": 0}

    def dies_after_two(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 2:
            raise RuntimeError("worker killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(sync_module, "item_values", dies_after_two)
    with pytest.raises(RuntimeError):
        sync(city)
    assert items(city) == []  # rolled back: no copy, and no watermark moved
    monkeypatch.setattr(sync_module, "item_values", real)
    result = sync(city)
    assert result["added"] == 6
    assert len({(c.source_tenant_id, c.source_article_id) for c in items(city)}) == len(items(city)) == 6


def test_incremental_runs_read_only_what_changed(app):
    city = make_city()
    ward = city.wards[0]
    first = highlight(ward)
    sync(city)
    app.config["AGGREGATOR_OVERLAP_SECONDS"] = 0
    try:
        assert sync(city)["read"] == 0
        edit(ward, first, title="Đã sửa")
        assert sync(city)["read"] == 1
    finally:
        app.config.pop("AGGREGATOR_OVERLAP_SECONDS")


def test_a_portal_that_leaves_the_parent_takes_its_items_with_it():
    from blueprints.aggregator.parents import set_parent

    city = make_city()
    leaving, staying = city.wards
    highlight(leaving)
    highlight(staying)
    sync(city)
    set_parent(leaving.tenant.slug, None)
    db.session.commit()
    run_jobs()
    states = {c.source_tenant_id: c.state for c in items(city)}
    assert states == {leaving.tenant.id: ItemState.WITHDRAWN, staying.tenant.id: ItemState.LIVE}


def test_a_suspended_only_child_is_withdrawn_by_cron():
    from tenants.provisioning import set_status

    city = make_city(1)
    ward = city.wards[0]
    highlight(ward)
    sync(city)
    set_status(ward.tenant.slug, "suspended")
    db.session.commit()
    assert city.parent.id in sync_everything()
    assert [c.state for c in items(city)] == [ItemState.WITHDRAWN]
