import io

import pytest
import sqlalchemy as sa

from app.extensions import db
from blueprints.programmes.models import Project, ScienceProgramme, StatisticsReport
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import h1_count, post_form, sign_in, signed_in_browser

PDF = b"%PDF-1.4\n%%EOF\n"
PUBLIC = ["/du-an", "/de-tai-khoa-hoc", "/thong-ke", "/dich-vu-cong", "/du-lich", "/lien-ket"]


def add_project(tenant, name="Nâng cấp đường hẻm 12"):
    with tenant_scope(tenant):
        project = Project(
            kind="project", name=name, goal="Chống ngập", budget_vnd=1_500_000_000, status="Đang thi công"
        )
        db.session.add(project)
        db.session.flush()
        return project.id


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_work_in_both_languages_with_one_h1(client, path):
    ward = make_tenant()
    for prefix in ("", "/en"):
        page = client.get(prefix + path, base_url=base_url(ward))
        assert page.status_code == 200
        assert h1_count(page.text) == 1
        assert f'lang="{"en" if prefix else "vi"}"' in page.text


def test_project_is_listed_and_shown_only_on_its_own_portal(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    project_id = add_project(ward_b, "Dự án riêng của phường B")
    listing = client.get("/du-an", base_url=base_url(ward_b))
    assert "Dự án riêng của phường B" in listing.text
    detail = client.get(f"/du-an/{project_id}", base_url=base_url(ward_b))
    assert detail.status_code == 200 and "1.500.000.000 đ" in detail.text
    assert "Dự án riêng của phường B" not in client.get("/du-an", base_url=base_url(ward_a)).text
    assert client.get(f"/du-an/{project_id}", base_url=base_url(ward_a)).status_code == 404
    assert client.get(f"/en/du-an/{project_id}", base_url=base_url(ward_a)).status_code == 404


def test_projects_filter_by_kind(client):
    ward = make_tenant()
    add_project(ward, "Dự án đầu tư X")
    with tenant_scope(ward):
        db.session.add(Project(kind="procurement", name="Gói thầu Y"))
        db.session.flush()
    page = client.get("/du-an?kind=procurement", base_url=base_url(ward))
    assert "Gói thầu Y" in page.text and "Dự án đầu tư X" not in page.text


@pytest.mark.parametrize(
    "screen",
    [
        "/admin/projects",
        "/admin/science-programmes",
        "/admin/statistics",
        "/admin/procedure-figures",
        "/admin/banners",
        "/admin/tourism",
        "/admin/links",
        "/admin/visits",
    ],
)
def test_back_office_screens_by_role(client, screen):
    ward = make_tenant()
    assert client.get(screen, base_url=base_url(ward)).status_code == 302  # to sign-in
    collaborator = make_user(roles={ward: ["collaborator", "approver"]})
    sign_in(client, ward, collaborator)
    assert client.get(screen, base_url=base_url(ward)).status_code == 403
    for role in ("editor", "board-head"):
        fresh = signed_in_browser(client.application, ward, make_user(roles={ward: [role]}))
        page = fresh.get(screen, base_url=base_url(ward))
        assert page.status_code == 200 and h1_count(page.text) == 1


def _editor_adds_project(client, fields: dict):
    """An editor of a new ward posts the new-project form: the ward and the response."""
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    return ward, post_form(client, ward, "/admin/projects/new", fields)


def test_editor_creates_edits_and_deletes_a_project(client):
    ward, response = _editor_adds_project(
        client,
        {
            "kind": "planning",
            "name": "Kế hoạch phát triển 2025",
            "goal": "Tăng trưởng",
            "budget_vnd": "2000000",
        },
    )
    assert response.status_code == 302
    with tenant_scope(ward):
        project = db.session.scalars(sa.select(Project)).one()
        assert (project.name, project.kind, project.budget_vnd) == (
            "Kế hoạch phát triển 2025",
            "planning",
            2_000_000,
        )
        project_id = project.id
    response = post_form(
        client, ward, f"/admin/projects/{project_id}", {"kind": "planning", "name": "Kế hoạch 2026"}
    )
    assert response.status_code == 302
    response = post_form(client, ward, f"/admin/projects/{project_id}/delete", {}, form_url="/admin/projects")
    assert response.status_code == 302
    with tenant_scope(ward):
        assert db.session.scalars(sa.select(Project)).all() == []


def test_invalid_form_keeps_input_and_ties_errors_to_fields(client):
    _, response = _editor_adds_project(
        client, {"kind": "project", "name": "", "goal": "Mục tiêu giữ lại", "budget_vnd": "-5"}
    )
    assert response.status_code == 422
    assert "Mục tiêu giữ lại" in response.text
    assert 'id="name-error"' in response.text and 'id="budget_vnd-error"' in response.text


def test_editor_cannot_reach_another_portals_rows(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    project_id = add_project(ward_b, "Của phường B")
    sign_in(client, ward_a, make_user(roles={ward_a: ["editor"]}))
    assert client.get(f"/admin/projects/{project_id}", base_url=base_url(ward_a)).status_code == 404
    response = post_form(
        client, ward_a, f"/admin/projects/{project_id}/delete", {}, form_url="/admin/projects/new"
    )
    assert response.status_code == 404
    with tenant_scope(ward_b):
        assert db.session.scalars(sa.select(Project.name)).all() == ["Của phường B"]


def test_science_programme_code_is_unique_per_portal(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["board-head"]}))
    data = {"code": "KH-01", "name": "Đề tài chuyển đổi số", "level": "Cấp thành phố"}
    assert post_form(client, ward, "/admin/science-programmes/new", data).status_code == 302
    again = post_form(client, ward, "/admin/science-programmes/new", data | {"name": "Khác"})
    assert again.status_code == 422 and "Mã số này đã được dùng." in again.text
    with tenant_scope(ward):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ScienceProgramme)) == 1
    page = client.get("/de-tai-khoa-hoc", base_url=base_url(ward))
    assert "Đề tài chuyển đổi số" in page.text and "KH-01" in page.text


def test_statistics_report_upload_and_download_stay_on_their_portal(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    sign_in(client, ward_b, make_user(roles={ward_b: ["editor"]}))
    rejected = post_form(
        client,
        ward_b,
        "/admin/statistics/new",
        {
            "title": "Báo cáo",
            "period": "Quý I/2024",
            "published_on": "2024-04-05",
            "file": (io.BytesIO(b"MZ not a document"), "virus.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert rejected.status_code == 422 and "Báo cáo" in rejected.text
    response = post_form(
        client,
        ward_b,
        "/admin/statistics/new",
        {
            "title": "Báo cáo quý I",
            "period": "Quý I/2024",
            "published_on": "2024-04-05",
            "file": (io.BytesIO(PDF), "bao-cao.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    with tenant_scope(ward_b):
        report_id = db.session.scalars(sa.select(StatisticsReport.id)).one()
    download = client.get(f"/thong-ke/{report_id}/tep", base_url=base_url(ward_b))
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/thong-ke/{report_id}/tep", base_url=base_url(ward_a)).status_code == 404
    assert "Báo cáo quý I" not in client.get("/thong-ke", base_url=base_url(ward_a)).text
