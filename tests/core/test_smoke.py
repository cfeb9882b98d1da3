from tests.factories import base_url, make_tenant


def test_home_page_names_the_tenant(client):
    ward = make_tenant(name_vi="Phường Thắng Tam", name_en="Thang Tam Ward")
    page = client.get("/", base_url=base_url(ward))
    assert page.status_code == 200
    assert "Phường Thắng Tam" in page.text
    english = client.get("/en/", base_url=base_url(ward))
    assert "Thang Tam Ward" in english.text
