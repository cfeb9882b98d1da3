"""A portal's English name and footer: edited in its back office, shown on its English pages,
kept current like content, and never anyone else's."""

from __future__ import annotations

from tests.factories import base_url, make_tenant, make_user
from tests.support import post_form, sign_in

URL = "/admin/ban-dich/ten-cong"
FOOTER = {
    "owner": "Ủy ban nhân dân phường Thắng Tam",
    "responsible": "Trưởng Ban biên tập",
    "address": "1 Lê Lợi, Vũng Tàu",
    "phone": "0254 3000 000",
    "email": "thangtam@example.org",
    "name_en": "Thang Tam Ward",
    "owner_en": "People's Committee of Thang Tam Ward",
    "responsible_en": "Head of the Editorial Board",
    "address_en": "",
}


def _dashboard_state(client, ward) -> str:
    html = client.get("/admin/ban-dich", base_url=base_url(ward)).text
    section = html.split('id="portal-h"')[1].split("</section>")[0]
    return section


def test_the_english_footer_shows_english_and_marks_what_has_none(client):
    ward, other = make_tenant(), make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    answer = post_form(client, ward, URL, FOOTER)
    assert answer.status_code == 302
    english = client.get("/en/", base_url=base_url(ward)).text
    footer = english.split('<footer class="site-footer"')[1]
    assert "Thang Tam Ward" in footer
    assert "<dd>People&#39;s Committee of Thang Tam Ward</dd>" in footer
    assert '<dd lang="vi">1 Lê Lợi, Vũng Tàu</dd>' in footer  # no English address: marked Vietnamese
    vietnamese = client.get("/", base_url=base_url(ward)).text.split('<footer class="site-footer"')[1]
    assert "<dd>Ủy ban nhân dân phường Thắng Tam</dd>" in vietnamese
    assert "Thang Tam" not in client.get("/en/", base_url=base_url(other)).text  # another portal


def test_the_portals_texts_go_out_of_date_when_the_vietnamese_changes(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    post_form(client, ward, URL, {**FOOTER, "address_en": "1 Le Loi Street, Vung Tau"})
    assert "translation-current" in _dashboard_state(client, ward)
    post_form(
        client, ward, URL, {**FOOTER, "address_en": "1 Le Loi Street, Vung Tau", "owner": "UBND phường"}
    )
    assert "translation-outdated" in _dashboard_state(client, ward)
    post_form(
        client,
        ward,
        URL,
        {**FOOTER, "address_en": "1 Le Loi Street, Vung Tau", "owner": "UBND phường", "reviewed": "y"},
    )
    assert "translation-current" in _dashboard_state(client, ward)
    post_form(client, ward, URL, {**FOOTER, "owner_en": ""})
    assert "translation-missing" in _dashboard_state(client, ward)


def test_a_bad_email_is_refused_and_the_form_keeps_what_was_typed(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    answer = post_form(client, ward, URL, {**FOOTER, "email": "not an address"})
    assert answer.status_code == 422
    assert "People&#39;s Committee of Thang Tam Ward" in answer.text


def test_approvers_may_not_change_the_portals_texts(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["approver"]}))
    assert client.get(URL, base_url=base_url(ward)).status_code == 403
