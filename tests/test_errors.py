"""Error answers: a page in the user's language for browsers, a JSON body for the API."""

from fastapi.testclient import TestClient

from tests.support.factories import csrf_from


def test_an_unknown_page_is_a_404_page_in_bahasa_indonesia(client):
    page = client.get("/tidak-ada")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="id">' in page.text
    assert "Halaman atau data tidak ditemukan." in page.text
    assert "Kembali ke Beranda" in page.text


def test_an_unknown_api_path_is_a_404_json_body(client):
    response = client.get("/api/v1/tidak-ada")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "code": "error.not_found",
                                         "message": "Halaman atau data tidak ditemukan."}}


def test_a_json_client_gets_json_errors_outside_the_api(client):
    response = client.get("/tidak-ada", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "error.not_found"


def test_a_post_to_a_get_only_page_is_a_405_page_with_allow(client):
    response = client.post("/opds")
    assert response.status_code == 405
    assert "Metode permintaan tidak diizinkan." in response.text
    assert response.headers["allow"] == "GET"


def test_a_405_on_the_api_is_json_with_allow(client):
    response = client.delete("/api/v1/me")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "error.method_not_allowed"
    assert response.headers["allow"] == "GET"


def test_hostile_text_in_the_address_is_escaped(client):
    page = client.get("/<script>alert(1)</script>")
    assert page.status_code == 404
    assert "<script>" not in page.text
    assert "&lt;script&gt;" in page.text  # the address is shown back only escaped


def test_invalid_form_input_is_a_422_page_or_json_naming_the_field(client):
    token = csrf_from(client.get("/login").text)
    data = {"username": "x" * 300, "password": "p", "csrf_token": token}
    page = client.post("/login", data=data)
    assert page.status_code == 422
    assert "Isian tidak valid. Periksa kembali." in page.text
    api = client.post("/login", data=data, headers={"Accept": "application/json"})
    assert api.status_code == 422
    assert list(api.json()["error"]["fields"]) == ["username"]


def test_error_pages_are_in_english_after_choosing_english(client):
    page = client.get("/login")
    client.post("/language", data={"lang": "en", "next": "/", "csrf_token": csrf_from(page.text)})
    missing = client.get("/tidak-ada")
    assert missing.status_code == 404
    assert '<html lang="en">' in missing.text
    assert "The page or record was not found." in missing.text
    api = client.get("/api/v1/tidak-ada")
    assert api.json()["error"]["message"] == "The page or record was not found."


def test_security_headers_are_on_error_pages_too(client):
    page = client.get("/tidak-ada")
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_an_unexpected_error_is_a_500_page_without_the_details(app):
    def boom():
        raise RuntimeError("rahasia internal: password=hunter2")

    app.add_api_route("/boom", boom)
    app.add_api_route("/api/v1/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/boom")
        api = client.get("/api/v1/boom")
    assert page.status_code == 500
    assert "Terjadi kesalahan pada server. Data yang sudah tersimpan tetap aman." in page.text
    assert "hunter2" not in page.text
    assert api.status_code == 500
    assert api.json()["error"]["code"] == "error.internal"
    assert "hunter2" not in api.text
