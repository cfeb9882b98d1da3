"""Editing units and board members: current values shown, rules kept, typed input kept, per portal."""

from __future__ import annotations

from app.extensions import db
from blueprints.newsroom.models import BoardMember, ContributingUnit
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import make_board
from tests.support import post_form, sign_in, signed_in_browser


def _unit_url(unit_id: int) -> str:
    return f"/admin/newsroom/people/units/{unit_id}"


def _member_url(member_id: int) -> str:
    return f"/admin/newsroom/people/members/{member_id}"


def _add(tenant, row):
    with tenant_scope(tenant):
        db.session.add(row)
        db.session.flush()
        return row.id


def _get(tenant, model, id_):
    with tenant_scope(tenant):
        db.session.expire_all()
        return db.session.get(model, (tenant.id, id_))


def _member(board, **fields) -> int:
    values = dict(
        full_name="Nguyễn Thị Lan",
        title_vi="Phó Trưởng ban",
        title_en="Deputy Head",
        unit_id=board.unit_id,
        on_board=True,
        position=2,
    )
    return _add(board.tenant, BoardMember(**{**values, **fields}))


UNIT_FORM = {
    "name_vi": "Phòng Văn hóa - Xã hội",
    "name_en": "Culture and Social Affairs",
    "kind": "department",
    "monthly_minimum": "2",
    "monthly_cap": "8",
    "position": "4",
}


def test_the_people_page_links_each_unit_and_person_to_its_edit_page(client):
    board = make_board()
    member_id = _member(board)
    sign_in(client, board.tenant, board.editor)
    page = client.get("/admin/newsroom/people", base_url=base_url(board.tenant)).text
    assert f'href="{_unit_url(board.unit_id)}"' in page
    assert f'href="{_member_url(member_id)}"' in page


def test_a_unit_is_renamed_requoted_reordered_and_deactivated(client):
    board = make_board()
    other_id = _add(
        board.tenant, ContributingUnit(name_vi="Đoàn Thanh niên", monthly_minimum=1, monthly_cap=2)
    )
    sign_in(client, board.tenant, board.head)
    form = client.get(_unit_url(board.unit_id), base_url=base_url(board.tenant))
    assert form.status_code == 200
    assert 'value="Office"' in form.text and 'checked id="is_active"' in form.text
    saved = post_form(client, board.tenant, _unit_url(board.unit_id), UNIT_FORM)
    assert saved.status_code == 302 and saved.location.endswith("/admin/newsroom/people#units-h")
    assert "Đã lưu đơn vị." in client.get(saved.location, base_url=base_url(board.tenant)).text
    unit = _get(board.tenant, ContributingUnit, board.unit_id)
    assert (
        unit.name_vi,
        unit.name_en,
        unit.monthly_minimum,
        unit.monthly_cap,
        unit.position,
        unit.is_active,
    ) == ("Phòng Văn hóa - Xã hội", "Culture and Social Affairs", 2, 8, 4, False)
    # Deactivated: still listed with its history, no longer offered when placing a person…
    people = client.get("/admin/newsroom/people", base_url=base_url(board.tenant)).text
    assert "Phòng Văn hóa - Xã hội" in people
    assert f'<option value="{board.unit_id}"' not in people and f'<option value="{other_id}"' in people
    # …nor accepted when someone tries anyway.
    refused = post_form(
        client,
        board.tenant,
        "/admin/newsroom/people/members",
        {"full_name": "Lê Văn Hùng", "title_vi": "Cộng tác viên", "unit_id": board.unit_id},
        form_url="/admin/",
    )
    assert refused.status_code == 422 and "Đơn vị không tồn tại." in refused.text


def test_a_wrong_unit_edit_is_refused_and_what_was_typed_is_kept(client):
    board = make_board()
    _add(board.tenant, ContributingUnit(name_vi="Hội Phụ nữ phường"))
    sign_in(client, board.tenant, board.editor)
    url = _unit_url(board.unit_id)
    for data, message in (
        (
            {**UNIT_FORM, "monthly_minimum": "6", "monthly_cap": "3"},
            "Mức tối đa không được nhỏ hơn mức tối thiểu.",
        ),
        ({**UNIT_FORM, "name_vi": "Hội Phụ nữ phường"}, "Đã có đơn vị mang tên này."),
        ({**UNIT_FORM, "monthly_cap": ""}, "Nhập số bài."),
        ({**UNIT_FORM, "position": ""}, "Nhập thứ tự hiển thị."),
    ):
        response = post_form(client, board.tenant, url, data)
        assert response.status_code == 422, data
        assert message in response.text and 'aria-invalid="true"' in response.text
        assert 'value="Culture and Social Affairs"' in response.text  # typed, not the stored "Office"
    unit = _get(board.tenant, ContributingUnit, board.unit_id)
    assert (unit.name_en, unit.is_active) == ("Office", True)


def test_a_member_changes_position_and_unit_and_leaves_the_public_board(client):
    board = make_board()
    new_unit = _add(board.tenant, ContributingUnit(name_vi="Phòng Kinh tế", name_en="Economy"))
    member_id = _member(board)
    sign_in(client, board.tenant, board.head)
    assert "Nguyễn Thị Lan" in client.get("/ban-bien-tap", base_url=base_url(board.tenant)).text
    form = client.get(_member_url(member_id), base_url=base_url(board.tenant))
    assert form.status_code == 200 and 'value="Phó Trưởng ban"' in form.text and 'value="2"' in form.text
    assert f'<option selected value="{board.unit_id}">' in form.text
    saved = post_form(
        client,
        board.tenant,
        _member_url(member_id),
        {
            "full_name": "Nguyễn Thị Lan",
            "title_vi": "Trưởng ban",
            "title_en": "Head",
            "unit_id": new_unit,
            "position": "0",
        },
    )
    assert saved.status_code == 302
    assert "Đã lưu thông tin người." in client.get(saved.location, base_url=base_url(board.tenant)).text
    member = _get(board.tenant, BoardMember, member_id)
    assert (member.title_vi, member.title_en, member.unit_id, member.on_board, member.position) == (
        "Trưởng ban",
        "Head",
        new_unit,
        False,
        0,
    )
    assert "Nguyễn Thị Lan" not in client.get("/ban-bien-tap", base_url=base_url(board.tenant)).text


def test_a_member_keeps_a_deactivated_unit_but_cannot_be_moved_into_one_or_into_another_wards(client):
    board, other = make_board(), make_board()
    closed = _add(board.tenant, ContributingUnit(name_vi="Phòng đã sáp nhập", is_active=False))
    member_id = _member(board, unit_id=closed)
    sign_in(client, board.tenant, board.editor)
    url = _member_url(member_id)
    form = client.get(url, base_url=base_url(board.tenant)).text
    assert f'<option selected value="{closed}">' in form  # the current unit stays selectable
    data = {"full_name": "Nguyễn Thị Lan", "title_vi": "Ủy viên", "on_board": "y", "position": "1"}
    assert post_form(client, board.tenant, url, {**data, "unit_id": closed}).status_code == 302
    assert _get(board.tenant, BoardMember, member_id).unit_id == closed
    member_two = _member(board, full_name="Trần Văn Bình")
    url_two = _member_url(member_two)
    for unit_id in (closed, other.unit_id):
        refused = post_form(
            client, board.tenant, url_two, {**data, "full_name": "Trần Văn Bình", "unit_id": unit_id}
        )
        assert refused.status_code == 422 and "Đơn vị không tồn tại." in refused.text
        assert 'value="Ủy viên"' in refused.text
    assert _get(board.tenant, BoardMember, member_two).unit_id == board.unit_id
    assert _get(board.tenant, BoardMember, member_id).title_vi == "Ủy viên"


def test_only_the_board_head_and_editors_edit_units_and_people(app, client):
    board = make_board()
    member_id = _member(board)
    for url in (_unit_url(board.unit_id), _member_url(member_id)):
        anonymous = client.get(url, base_url=base_url(board.tenant))
        assert anonymous.status_code == 302 and "/login" in anonymous.location
        for person, code in (("collaborator", 403), ("approver", 403), ("editor", 200), ("head", 200)):
            browser = signed_in_browser(app, board.tenant, getattr(board, person))
            assert browser.get(url, base_url=base_url(board.tenant)).status_code == code, (url, person)
            if code == 403:
                posted = post_form(
                    browser,
                    board.tenant,
                    url,
                    {**UNIT_FORM, "full_name": "X", "title_vi": "Y"},
                    form_url="/admin/",
                )
                assert posted.status_code == 403, (url, person)
    assert _get(board.tenant, ContributingUnit, board.unit_id).name_vi != UNIT_FORM["name_vi"]
    assert _get(board.tenant, BoardMember, member_id).full_name == "Nguyễn Thị Lan"


def test_another_wards_units_and_people_are_not_found(client):
    a, b = make_board(), make_board()
    member_id = _member(a)
    sign_in(client, b.tenant, b.head)
    for url, data in (
        (_unit_url(a.unit_id), UNIT_FORM),
        (_member_url(member_id), {"full_name": "Kẻ Lạ", "title_vi": "X", "position": "0"}),
    ):
        assert client.get(url, base_url=base_url(b.tenant)).status_code == 404
        assert post_form(client, b.tenant, url, data, form_url="/admin/").status_code == 404
        assert client.get(f"/en{url}", base_url=base_url(b.tenant)).status_code == 404
    assert _get(a.tenant, ContributingUnit, a.unit_id).name_en == "Office"
    assert _get(a.tenant, BoardMember, member_id).full_name == "Nguyễn Thị Lan"


def test_the_edit_pages_speak_english_under_en(client):
    board = make_board()
    member_id = _member(board)
    sign_in(client, board.tenant, board.editor)
    unit_page = client.get(f"/en{_unit_url(board.unit_id)}", base_url=base_url(board.tenant)).text
    assert "<h1>Edit unit</h1>" in unit_page and "Save changes" in unit_page
    assert f'action="/en{_unit_url(board.unit_id)}"' in unit_page
    member_page = client.get(f"/en{_member_url(member_id)}", base_url=base_url(board.tenant)).text
    assert "<h1>Edit person</h1>" in member_page and "Display order" in member_page
