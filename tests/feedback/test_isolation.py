"""Ward A's Q&A rows are not found on ward B: through every URL, form, feed and the API; and the
API matches its OpenAPI document."""

from __future__ import annotations

from tests.api.helpers import check_response, openapi_document
from tests.factories import base_url, make_tenant, make_user
from tests.feedback.helpers import lookup, make_category, make_item
from tests.support import csrf_token, sign_in


def test_every_url_of_another_ward_is_not_found(client):
    a, b = make_tenant(), make_tenant()
    item = make_item(a, published=True, subject="Câu hỏi riêng của phường A")
    make_item(b, published=True, subject="Câu của phường B")
    for path in (f"/hoi-dap/{item.id}", f"/api/v1/questions/{item.id}", f"/en/hoi-dap/{item.id}"):
        assert client.get(path, base_url=base_url(a)).status_code == 200, path
        assert client.get(path, base_url=base_url(b)).status_code == 404, path
    for path in (
        "/hoi-dap",
        "/hoi-dap/rss.xml",
        "/hoi-dap/atom.xml",
        "/api/v1/questions",
        "/hoi-dap/thong-ke",
        "/hoi-dap?q=rieng",
        "/sitemap.xml",
        "/",
    ):
        response = client.get(path, base_url=base_url(b))
        assert response.status_code == 200 and "Câu hỏi riêng của phường A" not in response.get_data(
            as_text=True
        )
        assert f'/hoi-dap/{item.id}"' not in response.get_data(as_text=True) or item.id == 0
    assert lookup(client, b, item.code, item.email).status_code == 404


def test_the_back_office_of_another_ward_finds_nothing(client):
    a, b = make_tenant(), make_tenant()
    item = make_item(
        a, subject="Hồ sơ phường A", attachment_key=f"{a.id}/x.pdf", attachment_type="application/pdf"
    )
    foreign_category = make_category(a)
    sign_in(client, b, make_user(roles={b: ["editor", "board-head"]}))
    assert "Hồ sơ phường A" not in client.get("/admin/feedback", base_url=base_url(b)).text
    assert (
        "Hồ sơ phường A"
        not in client.get(f"/admin/feedback?category={foreign_category}", base_url=base_url(b)).text
    )
    for path in (
        f"/admin/feedback/{item.id}",
        f"/admin/feedback/{item.id}/files/attachment",
        f"/admin/feedback-categories/{foreign_category}",
    ):
        assert client.get(path, base_url=base_url(b)).status_code == 404, path
    token = csrf_token(client.get("/admin/feedback/settings", base_url=base_url(b)).text)
    for action, data in (
        ("assign", {}),
        ("notes", {"body": "x"}),
        ("answer", {"answer": "x"}),
        ("publish", {}),
        ("withdraw", {}),
    ):
        response = client.post(
            f"/admin/feedback/{item.id}/{action}", base_url=base_url(b), data=data | {"csrf_token": token}
        )
        assert response.status_code == 404, action


def test_the_api_lists_published_answers_only_matching_the_document(client):
    ward = make_tenant()
    category = make_category(ward)
    shown = make_item(
        ward,
        published=True,
        category_id=category,
        subject="Đã công khai",
        show_name=True,
        name="Tên Được Hiện",
    )
    hidden = make_item(ward, answered=True, subject="Trả lời riêng")
    doc = openapi_document(client, ward)
    assert "/questions" in doc["paths"] and "/questions/{id}" in doc["paths"]
    listing = check_response(
        doc, "/api/v1/questions", client.get("/api/v1/questions", base_url=base_url(ward))
    )
    assert [i["id"] for i in listing["items"]] == [shown.id]
    assert listing["items"][0]["category"] == "Đất đai" and listing["items"][0]["asker"] == "Tên Được Hiện"
    one = check_response(
        doc,
        f"/api/v1/questions/{shown.id}",
        client.get(f"/api/v1/questions/{shown.id}", base_url=base_url(ward)),
    )
    assert one == listing["items"][0] and "rieng@example.org" not in str(listing)
    assert client.get(f"/api/v1/questions/{hidden.id}", base_url=base_url(ward)).status_code == 404
    english = client.get(f"/en/api/v1/questions?category={category}&q=cong+khai", base_url=base_url(ward))
    assert [i["id"] for i in check_response(doc, "/en/api/v1/questions", english)["items"]] == [shown.id]
    assert client.get("/api/v1/questions?q=khong+co", base_url=base_url(ward)).get_json()["items"] == []
