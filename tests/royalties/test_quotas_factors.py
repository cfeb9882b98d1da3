"""The quota board, the cap on submission (warn or refuse) and the factor set on approval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.extensions import db
from blueprints.newsroom.models import ArticleState, ContributingUnit
from blueprints.royalties.models import OverCapPolicy, RoyaltySettings
from blueprints.royalties.months import Month
from blueprints.royalties.quotas import quota_board
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import load, make_article, make_board
from tests.royalties.helpers import with_rates
from tests.support import post_form, sign_in, signed_in_browser

S = ArticleState


def _cap(board, cap: int, policy: str = OverCapPolicy.WARN) -> None:
    with tenant_scope(board.tenant):
        unit = db.session.get(ContributingUnit, (board.tenant.id, board.unit_id))
        unit.monthly_minimum, unit.monthly_cap = min(1, cap), cap
        RoyaltySettings.for_current_tenant().over_cap_policy = policy
        db.session.flush()


def _submitted_now(board, count: int) -> None:
    for _ in range(count):
        article_id = make_article(board, S.SUBMITTED)
        with tenant_scope(board.tenant):
            load(board, article_id).submitted_at = datetime.now(UTC)
            db.session.flush()


def test_quota_board_counts_by_vietnam_month_and_marks_units_behind(client):
    board = make_board()
    july_first_vn = datetime(2024, 6, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 July in Vietnam
    for state, at in (
        (S.SUBMITTED, july_first_vn),
        (S.APPROVED, july_first_vn),
        (S.PUBLISHED, july_first_vn),
        (S.SUBMITTED, july_first_vn - timedelta(hours=1)),
        (S.DRAFT, july_first_vn),
    ):
        article_id = make_article(board, state)
        with tenant_scope(board.tenant):
            article = load(board, article_id)
            article.submitted_at = at
            if state in (S.APPROVED, S.PUBLISHED):
                article.approved_at = at
            if state == S.PUBLISHED:
                article.published_at = at
            db.session.flush()
    with tenant_scope(board.tenant):
        july = {row.unit.id: row for row in quota_board(Month(2024, 7))}[board.unit_id]
        june = {row.unit.id: row for row in quota_board(Month(2024, 6))}[board.unit_id]
    assert (july.submitted, july.approved, july.published) == (3, 2, 1)
    assert (june.submitted, june.approved, june.published) == (1, 0, 0)
    assert june.behind and not july.behind  # the default minimum is 3
    sign_in(client, board.tenant, board.approver)
    page = client.get("/admin/quotas?year=2024&month=6", base_url=base_url(board.tenant))
    assert page.status_code == 200
    assert 'class="rb-behind"' in page.text and "Chưa đủ: còn thiếu 2 bài" in page.text


def test_over_the_cap_the_portal_warns_and_lets_it_through(client):
    board = make_board()
    _cap(board, 2)
    _submitted_now(board, 2)
    article = make_article(board, S.DRAFT)
    sign_in(client, board.tenant, board.collaborator)
    detail = f"/admin/newsroom/articles/{article}"
    response = post_form(
        client, board.tenant, f"{detail}/do/submit", {"comment": ""}, follow_redirects=True, form_url=detail
    )
    assert response.status_code == 200
    assert "đã vượt mức tối đa 2 bài trong tháng" in response.text
    with tenant_scope(board.tenant):
        assert load(board, article).state == S.SUBMITTED


def test_over_the_cap_the_portal_refuses_when_set_to(client):
    board = make_board()
    _cap(board, 2, OverCapPolicy.REFUSE)
    _submitted_now(board, 1)
    first = make_article(board, S.DRAFT)
    second = make_article(board, S.DRAFT)
    sign_in(client, board.tenant, board.collaborator)
    ok = post_form(
        client,
        board.tenant,
        f"/admin/newsroom/articles/{first}/do/submit",
        {"comment": ""},
        form_url="/admin/",
    )
    assert ok.status_code == 302  # the second of two is still within the cap
    detail = f"/admin/newsroom/articles/{second}"
    refused = post_form(client, board.tenant, f"{detail}/do/submit", {"comment": ""}, form_url=detail)
    assert refused.status_code == 422
    assert "đã gửi đủ 2 bài trong tháng, không thể gửi thêm" in refused.text
    with tenant_scope(board.tenant):
        assert load(board, second).state == S.DRAFT
    # From the editing form too: the text is kept, the unit field is marked.
    edit = f"/admin/newsroom/articles/{second}/edit"
    page = client.get(edit, base_url=base_url(board.tenant))
    version = page.text.split('name="version" type="hidden" value="')[1].split('"')[0]
    saved = post_form(
        client,
        board.tenant,
        edit,
        {
            "version": version,
            "title": "Tin thứ ba trong tháng",
            "body": "<p>Nội dung</p>",
            "kind": "news",
            "section_id": board.section_id,
            "unit_id": board.unit_id,
            "source_type": "original",
            "author_ids": board.collaborator.id,
            "save_and_submit": "1",
        },
    )
    assert saved.status_code == 422
    assert "không thể gửi thêm" in saved.text and 'value="Tin thứ ba trong tháng"' in saved.text
    with tenant_scope(board.tenant):
        assert load(board, second).title == "Tin thứ ba trong tháng"
        assert load(board, second).state == S.DRAFT


def test_who_may_see_the_quota_board_and_change_its_setting(app):
    board = make_board()
    url = base_url(board.tenant)
    for person, sees, sets in (
        (board.collaborator, 403, 403),
        (board.approver, 200, 403),
        (board.editor, 200, 302),
        (board.head, 200, 302),
    ):
        browser = signed_in_browser(app, board.tenant, person)
        assert browser.get("/admin/quotas", base_url=url).status_code == sees
        response = post_form(
            browser, board.tenant, "/admin/quotas/settings", {"over_cap_policy": "refuse"}, form_url="/admin/"
        )
        assert response.status_code == sets, person
    with tenant_scope(board.tenant):
        assert RoyaltySettings.for_current_tenant().over_cap_policy == "refuse"


def _approve(client, board, article, factor: str):
    detail = f"/admin/newsroom/articles/{article}"
    return post_form(
        client, board.tenant, f"{detail}/do/approve", {"comment": "", "factor": factor}, form_url="/admin/"
    )


def test_the_approver_sets_a_factor_within_the_kinds_range(client):
    board = with_rates(make_board())
    news = make_article(board, S.SUBMITTED)
    translated = make_article(board, S.SUBMITTED, kind="translated")
    sign_in(client, board.tenant, board.approver)
    page = client.get(f"/admin/newsroom/articles/{news}", base_url=base_url(board.tenant))
    assert "hệ số từ 1.00 đến 10.00" in page.text
    too_high = _approve(client, board, news, "10.5")
    assert too_high.status_code == 422
    assert (
        "Hệ số của thể loại này phải từ 1.00 đến 10.00." in too_high.text and 'value="10.5"' in too_high.text
    )
    missing = _approve(client, board, news, "")
    assert missing.status_code == 422 and "Nhập hệ số nhuận bút" in missing.text
    assert _approve(client, board, translated, "7").status_code == 422  # 65 % of 10 at most
    with tenant_scope(board.tenant):
        assert load(board, news).state == S.SUBMITTED and load(board, news).royalty_factor is None
    assert _approve(client, board, news, "10").status_code == 302
    assert _approve(client, board, translated, "6.5").status_code == 302
    with tenant_scope(board.tenant):
        assert load(board, news).royalty_factor == Decimal("10.00")
        assert load(board, translated).royalty_factor == Decimal("6.50")
        assert load(board, news).state == S.APPROVED


def test_a_collaborator_cannot_approve_even_with_a_valid_factor(client):
    board = with_rates(make_board())
    article = make_article(board, S.SUBMITTED)
    sign_in(client, board.tenant, board.collaborator)
    assert _approve(client, board, article, "5").status_code == 403
    with tenant_scope(board.tenant):
        assert load(board, article).royalty_factor is None
