from datetime import date, timedelta

from app.extensions import db
from blueprints.about.models import Contact, IntroSection, Leader, OrgChartUnit
from blueprints.about.services import org_chart
from tenants.context import tenant_scope
from tests.about.helpers import png_bytes
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, h1_count, post_form, sign_in


def _unit(tenant, name_vi, name_en, parent=None, **extra):
    with tenant_scope(tenant):
        unit = OrgChartUnit(name_vi=name_vi, name_en=name_en, parent_id=parent, **extra)
        db.session.add(unit)
        db.session.flush()
        return unit.id


def _contact(tenant, name, unit=None, checked_on=None, **extra):
    with tenant_scope(tenant):
        contact = Contact(
            name=name,
            position_vi=extra.pop("position_vi", "Chuyên viên"),
            position_en=extra.pop("position_en", "Officer"),
            unit_id=unit,
            phone="0254 3000 111",
            email="a@example.org",
            checked_on=checked_on or date.today(),
            **extra,
        )
        db.session.add(contact)
        db.session.flush()
        return contact.id


def test_organisation_chart_is_nested_lists_in_both_languages(client):
    ward = make_tenant()
    root = _unit(
        ward, "Ủy ban nhân dân phường", "Ward People's Committee", functions_vi="<p>Quản lý nhà nước</p>"
    )
    _unit(ward, "Văn phòng – Thống kê", "Office and Statistics", parent=root)
    page = client.get("/so-do-to-chuc", base_url=base_url(ward))
    assert page.status_code == 200
    assert h1_count(page.text) == 1
    vi_root = page.text.index("Ủy ban nhân dân phường")
    assert page.text.index('<ul class="org-chart">', vi_root) < page.text.index("Văn phòng – Thống kê")
    english = client.get("/en/so-do-to-chuc", base_url=base_url(ward))
    assert "Ward People&#39;s Committee" in english.text and "Office and Statistics" in english.text
    assert "Văn phòng – Thống kê" not in english.text


def test_org_chart_survives_a_cycle(app):
    ward = make_tenant()
    a = _unit(ward, "A", "A")
    b = _unit(ward, "B", "B", parent=a)
    with tenant_scope(ward):
        db.session.get(OrgChartUnit, (ward.id, a)).parent_id = b
        db.session.flush()
        roots = org_chart()
    names = {n.unit.name_vi for n in roots} | {c.unit.name_vi for n in roots for c in n.children}
    assert names == {"A", "B"}


def test_contacts_directory_in_english_and_filtered(client):
    ward = make_tenant()
    office = _unit(ward, "Văn phòng", "Office")
    _contact(ward, "Trần Thị Bình", office, position_vi="Chánh Văn phòng", position_en="Chief of Office")
    _contact(ward, "Lê Văn Cường", None, position_vi="Công chức Tư pháp", position_en="Justice officer")
    _contact(ward, "Người Ẩn", None, is_published=False)
    page = client.get("/lien-he", base_url=base_url(ward))
    assert page.status_code == 200 and h1_count(page.text) == 1
    assert "Trần Thị Bình" in page.text and "Chánh Văn phòng" in page.text and "Người Ẩn" not in page.text
    english = client.get("/en/lien-he", base_url=base_url(ward))
    assert (
        "Chief of Office" in english.text and "Justice officer" in english.text and "Office" in english.text
    )
    found = client.get("/lien-he?q=tu+phap", base_url=base_url(ward))
    assert "Lê Văn Cường" in found.text and "Trần Thị Bình" not in found.text
    by_unit = client.get(f"/lien-he?unit={office}", base_url=base_url(ward))
    assert "Trần Thị Bình" in by_unit.text and "Lê Văn Cường" not in by_unit.text


def test_back_office_flags_stale_contacts_and_checking_clears_it(client):
    ward = make_tenant()
    old = _contact(ward, "Phạm Cũ", checked_on=date.today() - timedelta(days=400))
    _contact(ward, "Võ Mới", checked_on=date.today() - timedelta(days=10))
    editor = make_user(roles={ward: ["editor"]})
    sign_in(client, ward, editor)
    page = client.get("/admin/contacts", base_url=base_url(ward))
    assert page.status_code == 200
    assert page.text.count("Quá hạn kiểm tra") == 1
    response = client.post(
        f"/admin/contacts/{old}/checked", base_url=base_url(ward), data={"csrf_token": csrf_token(page.text)}
    )
    assert response.status_code == 302
    assert "Quá hạn kiểm tra" not in client.get("/admin/contacts", base_url=base_url(ward)).text


def test_editor_creates_a_contact_and_errors_keep_input(client):
    ward = make_tenant()
    unit = _unit(ward, "Văn phòng", "Office")
    editor = make_user(roles={ward: ["board-head"]})
    sign_in(client, ward, editor)
    bad = post_form(
        client,
        ward,
        "/admin/contacts/new",
        {
            "name": "Đỗ Văn Em",
            "position_vi": "",
            "position_en": "Officer",
            "unit_id": str(unit),
            "email": "not-an-email",
        },
    )
    assert bad.status_code == 422
    assert 'value="Đỗ Văn Em"' in bad.text and "aria-invalid" in bad.text
    ok = post_form(
        client,
        ward,
        "/admin/contacts/new",
        {
            "name": "Đỗ Văn Em",
            "position_vi": "Công chức",
            "position_en": "Officer",
            "unit_id": str(unit),
            "email": "em@example.org",
            "is_published": "y",
        },
    )
    assert ok.status_code == 302
    assert "Đỗ Văn Em" in client.get("/lien-he", base_url=base_url(ward)).text


def test_leader_with_photo_and_rejected_fake_image(client):
    ward = make_tenant()
    editor = make_user(roles={ward: ["editor"]})
    sign_in(client, ward, editor)
    data = {
        "name": "Nguyễn Văn Lãnh",
        "title_vi": "Chủ tịch UBND phường",
        "title_en": "Chairman",
        "biography_vi": "<p>Sinh năm 1975.<script>alert(1)</script></p>",
        "duties_vi": "<ul><li>Phụ trách chung</li></ul>",
        "is_published": "y",
    }
    fake = post_form(client, ward, "/admin/leaders/new", data, {"photo": (b"not an image", "photo.jpg")})
    assert fake.status_code == 422 and "ảnh hợp lệ" in fake.text and 'value="Nguyễn Văn Lãnh"' in fake.text
    ok = post_form(client, ward, "/admin/leaders/new", data, {"photo": (png_bytes(), "photo.png")})
    assert ok.status_code == 302
    page = client.get("/lanh-dao", base_url=base_url(ward))
    assert "Nguyễn Văn Lãnh" in page.text and "Phụ trách chung" in page.text and "<script>" not in page.text
    assert h1_count(page.text) == 1
    with tenant_scope(ward):
        leader = db.session.query(Leader).one()
    photo = client.get(f"/lanh-dao/{leader.id}/anh", base_url=base_url(ward))
    assert photo.status_code == 200 and photo.mimetype == "image/png"
    assert photo.headers["X-Content-Type-Options"] == "nosniff"
    english = client.get("/en/lanh-dao", base_url=base_url(ward))
    assert "Chairman" in english.text


def test_introduction_sections_and_map(client):
    ward = make_tenant()
    editor = make_user(roles={ward: ["editor"]})
    sign_in(client, ward, editor)
    ok = post_form(
        client,
        ward,
        "/admin/introduction/map",
        {
            "body_vi": "<p>Phía bắc giáp Phường 2.</p>",
            "body_en": "<p>Borders Ward 2 to the north.</p>",
            "image_alt_vi": "Bản đồ địa giới phường",
            "image_alt_en": "Boundary map of the ward",
        },
        {"image": (png_bytes(), "map.png")},
    )
    assert ok.status_code == 302
    post_form(
        client, ward, "/admin/introduction/history", {"body_vi": "<p>Thành lập năm 1982.</p>", "body_en": ""}
    )
    page = client.get("/gioi-thieu", base_url=base_url(ward))
    assert page.status_code == 200 and h1_count(page.text) == 1
    assert "Phía bắc giáp Phường 2." in page.text and 'alt="Bản đồ địa giới phường"' in page.text
    english = client.get("/en/gioi-thieu", base_url=base_url(ward))
    assert "Borders Ward 2" in english.text and 'alt="Boundary map of the ward"' in english.text
    assert (
        '<div lang="vi"><p>Thành lập năm 1982.</p></div>' in english.text
    )  # no English yet: marked Vietnamese
    assert client.get("/gioi-thieu/anh/map", base_url=base_url(ward)).mimetype == "image/png"
    assert client.get("/gioi-thieu/anh/nothing", base_url=base_url(ward)).status_code == 404


def test_who_may_edit_the_introduction(client):
    ward = make_tenant()
    collaborator = make_user(roles={ward: ["collaborator"]})
    approver = make_user(roles={ward: ["approver"]})
    assert client.get("/admin/contacts", base_url=base_url(ward)).status_code == 302  # to sign-in
    for user in (collaborator, approver):
        sign_in(client, ward, user)
        for url in ("/admin/introduction", "/admin/units/new", "/admin/leaders/new", "/admin/contacts"):
            assert client.get(url, base_url=base_url(ward)).status_code == 403, url
        client.delete_cookie("session", domain=ward.primary_host)


def test_isolation_between_wards(client):
    a, b = make_tenant(), make_tenant()
    unit_b = _unit(b, "Đơn vị B", "Unit B")
    contact_b = _contact(b, "Bí Mật B", unit_b)
    with tenant_scope(b):
        leader_b = Leader(
            name="Lãnh Đạo B", title_vi="Chủ tịch", photo_key=f"{b.id}/x.png", photo_type="image/png"
        )
        db.session.add(leader_b)
        db.session.add(
            IntroSection(
                kind="map", body_vi="<p>Bản đồ B</p>", image_key=f"{b.id}/m.png", image_type="image/png"
            )
        )
        db.session.flush()
        leader_b = leader_b
    for url in ("/gioi-thieu", "/so-do-to-chuc", "/lanh-dao", "/lien-he", f"/lien-he?unit={unit_b}"):
        page = client.get(url, base_url=base_url(a))
        assert page.status_code == 200
        assert "Bí Mật B" not in page.text and "Lãnh Đạo B" not in page.text and "Đơn vị B" not in page.text
    assert client.get(f"/lanh-dao/{leader_b}/anh", base_url=base_url(a)).status_code == 404
    assert client.get("/gioi-thieu/anh/map", base_url=base_url(a)).status_code == 404
    editor_a = make_user(roles={a: ["editor"]})
    sign_in(client, a, editor_a)
    for url in (
        f"/admin/units/{unit_b}",
        f"/admin/leaders/{leader_b}",
        f"/admin/contacts/{contact_b}",
        f"/admin/leaders/{leader_b}/photo",
    ):
        assert client.get(url, base_url=base_url(a)).status_code == 404, url
    token = csrf_token(client.get("/admin/contacts/new", base_url=base_url(a)).text)
    assert (
        client.post(
            f"/admin/contacts/{contact_b}/checked", base_url=base_url(a), data={"csrf_token": token}
        ).status_code
        == 404
    )
    # a ward-A contact cannot be attached to ward B's unit through the form
    response = post_form(
        client,
        a,
        "/admin/contacts/new",
        {"name": "X", "position_vi": "Y", "position_en": "Y", "unit_id": str(unit_b)},
    )
    assert response.status_code == 422
