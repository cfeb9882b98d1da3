"""The monthly plan: drafted and published by the board, mailed once, on collaborators' dashboards."""

from __future__ import annotations

import re

from app import mail
from blueprints.royalties.months import Month
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import make_board
from tests.royalties.helpers import add_collaborator_member
from tests.support import post_form, run_jobs, sign_in, signed_in_browser


def _create_plan(client, board, title="Kế hoạch tin bài tháng này"):
    with tenant_scope(board.tenant):
        month = Month.of()
    response = post_form(
        client,
        board.tenant,
        "/admin/plans/",
        {"year": month.year, "month": month.month, "title": title, "intro": "Bám sát nhiệm vụ trọng tâm."},
    )
    assert response.status_code == 302, response.text
    return int(re.search(r"/admin/plans/(\d+)", response.headers["Location"]).group(1)), month


def test_board_drafts_publishes_and_collaborators_are_mailed_once(app, client):
    board = make_board()
    add_collaborator_member(board)
    sign_in(client, board.tenant, board.editor)
    plan_id, month = _create_plan(client, board)
    url = f"/admin/plans/{plan_id}"
    due = month.first_day.replace(day=15).isoformat()
    for title, units in (
        ("Cải cách hành chính", [board.unit_id]),
        ("An sinh xã hội", []),
        ("Chủ đề của đơn vị khác", [999999]),
    ):
        added = post_form(
            client,
            board.tenant,
            f"{url}/topics",
            {"title": title, "due_date": due, "unit_ids": units},
            form_url=url,
        )
        assert added.status_code == 302
    wrong = post_form(
        client,
        board.tenant,
        f"{url}/topics",
        {"title": "", "due_date": "", "description": "Giữ lại"},
        form_url=url,
    )
    assert wrong.status_code == 422 and "Nhập chủ đề." in wrong.text and "Giữ lại" in wrong.text

    # A draft: the collaborator can neither see it nor tell it exists.
    writer = signed_in_browser(app, board.tenant, board.collaborator)
    assert writer.get(url, base_url=base_url(board.tenant)).status_code == 404
    assert (
        "Ban biên tập chưa ban hành kế hoạch"
        in writer.get("/admin/newsroom/", base_url=base_url(board.tenant)).text
    )

    published = post_form(client, board.tenant, f"{url}/publish", {}, form_url=url)
    assert published.status_code == 302
    assert (
        post_form(client, board.tenant, f"{url}/publish", {}, form_url=url).status_code == 302
    )  # twice: one mail job
    run_jobs()
    run_jobs()
    recipients = sorted(m["To"] for m in mail.outbox)
    assert recipients == sorted([board.collaborator.email, board.other_collaborator.email])
    body = mail.outbox[0].get_content()
    assert "Cải cách hành chính" in body and "An sinh xã hội" in body and f"/admin/plans/{plan_id}" in body

    page = writer.get(url, base_url=base_url(board.tenant))
    assert (
        page.status_code == 200 and "Cải cách hành chính" in page.text and "Ban hành và gửi" not in page.text
    )
    dashboard = writer.get("/admin/newsroom/", base_url=base_url(board.tenant)).text
    assert "Kế hoạch tin bài tháng này" in dashboard and "Cải cách hành chính" in dashboard
    english = writer.get("/en/admin/newsroom/", base_url=base_url(board.tenant)).text
    assert "This month&#39;s article plan" in english or "This month's article plan" in english


def test_only_the_board_head_and_editors_manage_plans(app):
    board = make_board()
    head = signed_in_browser(app, board.tenant, board.head)
    plan_id, month = _create_plan(head, board)
    duplicate = post_form(
        head, board.tenant, "/admin/plans/", {"year": month.year, "month": month.month, "title": "Lần hai"}
    )
    assert duplicate.status_code == 422 and "Tháng này đã có kế hoạch." in duplicate.text
    for person in (board.collaborator, board.approver):
        browser = signed_in_browser(app, board.tenant, person)
        assert browser.get("/admin/plans/", base_url=base_url(board.tenant)).status_code == 200
        for path, data in (
            ("/admin/plans/", {"year": 2030, "month": 1, "title": "x"}),
            (f"/admin/plans/{plan_id}/topics", {"title": "x", "due_date": "2030-01-02"}),
            (f"/admin/plans/{plan_id}/publish", {}),
        ):
            assert post_form(browser, board.tenant, path, data, form_url="/admin/").status_code == 403, (
                person,
                path,
            )
    anonymous = app.test_client()
    assert anonymous.get("/admin/plans/", base_url=base_url(board.tenant)).status_code == 302  # sign in first
