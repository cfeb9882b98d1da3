import io

import sqlalchemy as sa

from app.extensions import db
from blueprints.programmes.figures import import_figures, parse_figures
from blueprints.programmes.models import ProcedureFigure
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import post_form, sign_in

GOOD = (
    "Kỳ,Lĩnh vực,Thủ tục,Tiếp nhận,Đúng hạn,Trễ hạn,Đang giải quyết\n"
    "2024-Q1,Hộ tịch,Đăng ký khai sinh,120,110,4,6\n"
    '2024-Q1,Đất đai,"Xác nhận tình trạng nhà, đất",30,25,1,4\n'
)


def figures(tenant):
    with tenant_scope(tenant):
        return {
            (f.period, f.field, f.procedure): (f.received, f.on_time, f.late, f.in_progress)
            for f in db.session.scalars(sa.select(ProcedureFigure))
        }


def upload(client, tenant, text: str | bytes, name="so-lieu.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return post_form(
        client,
        tenant,
        "/admin/procedure-figures",
        {"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_headers_without_diacritics_bom_and_semicolons_are_accepted():
    text = (
        "\ufeffky;linh vuc;thu tuc;tiep nhan;dung han;tre han;dang giai quyet\n2024-03;Chứng thực;;10;9;1;0\n"
    )
    rows, errors = parse_figures(text.encode("utf-8"))
    assert errors == []
    assert rows == [
        {
            "period": "2024-03",
            "field": "Chứng thực",
            "procedure": "",
            "received": 10,
            "on_time": 9,
            "late": 1,
            "in_progress": 0,
        }
    ]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_stored(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    bad = GOOD + (
        "2024-Q5,Hộ tịch,Kết hôn,1,1,0,0\n"
        "2024-Q1,,Khác,1,1,0,0\n"
        "2024-Q1,Hộ tịch,Trích lục,mười,1,0,0\n"
        "2024-Q1,Hộ tịch,Đăng ký khai sinh,1,1,0,0\n"
    )
    response = upload(client, ward, bad)
    assert response.status_code == 422
    assert "Dòng 4:" in response.text and "2024-Q5" in response.text
    assert "Dòng 5:" in response.text and "Thiếu lĩnh vực." in response.text
    assert "Dòng 6:" in response.text and "mười" in response.text
    assert "Dòng 7:" in response.text and "Trùng với dòng 2." in response.text
    assert figures(ward) == {}


def test_missing_columns_and_non_utf8_files_are_refused(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    missing = upload(client, ward, "Kỳ,Lĩnh vực,Tiếp nhận\n2024,Hộ tịch,5\n")
    assert missing.status_code == 422 and "Thiếu cột" in missing.text and "dung han" in missing.text
    latin = upload(client, ward, GOOD.encode("utf-16"))
    assert latin.status_code == 422 and "UTF-8" in latin.text
    assert figures(ward) == {}


def test_import_stores_and_a_second_import_replaces_the_same_rows(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["board-head"]}))
    assert upload(client, ward, GOOD).status_code == 302
    assert figures(ward)[("2024-Q1", "Hộ tịch", "Đăng ký khai sinh")] == (120, 110, 4, 6)
    again = (
        "Kỳ,Lĩnh vực,Thủ tục,Tiếp nhận,Đúng hạn,Trễ hạn,Đang giải quyết\n"
        "2024-Q1,Hộ tịch,Đăng ký khai sinh,121,111,4,6\n"
    )
    assert upload(client, ward, again).status_code == 302
    stored = figures(ward)
    assert len(stored) == 2 and stored[("2024-Q1", "Hộ tịch", "Đăng ký khai sinh")] == (121, 111, 4, 6)


def test_public_services_page_shows_this_portals_figures_only(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    with tenant_scope(ward_b):
        assert import_figures(GOOD.encode()).ok
        assert import_figures(GOOD.replace("2024-Q1", "2023-Q4").replace("120,110", "99,89").encode()).ok
        db.session.flush()
    page = client.get("/dich-vu-cong", base_url=base_url(ward_b))
    assert "Đăng ký khai sinh" in page.text and "<caption>" in page.text and "2024-Q1" in page.text
    assert ">150<" in page.text  # the total received
    older = client.get("/en/dich-vu-cong?period=2023-Q4", base_url=base_url(ward_b))
    assert ">99<" in older.text and "Resolved on time" in older.text
    other = client.get("/dich-vu-cong", base_url=base_url(ward_a))
    assert other.status_code == 200 and "Đăng ký khai sinh" not in other.text


def test_deleting_a_period_touches_only_this_portal(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    for ward in (ward_a, ward_b):
        with tenant_scope(ward):
            assert import_figures(GOOD.encode()).ok
            db.session.flush()
    sign_in(client, ward_a, make_user(roles={ward_a: ["editor"]}))
    response = post_form(
        client,
        ward_a,
        "/admin/procedure-figures/delete",
        {"period": "2024-Q1"},
        form_url="/admin/procedure-figures",
    )
    assert response.status_code == 302
    assert figures(ward_a) == {} and len(figures(ward_b)) == 2
