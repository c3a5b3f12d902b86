"""Account pages and API: invite with a one-time link, deactivate, reset, role, last login."""

import re

from tests.support.factories import csrf_from, login

NEW_PASSWORD = "sandi-baru-yang-panjang"


def test_an_invitation_link_lets_the_officer_set_a_password_and_log_in(client, world, as_user):
    planner = as_user("planner")
    form = planner.get("/accounts/new")
    assert form.status_code == 200 and "Petugas OPD" in form.text
    page = planner.post("/accounts/new", data={
        "username": "siti", "full_name": "Siti Aminah", "role": "officer",
        "opd_code": "OPD-B", "phone": "08123"})
    assert page.status_code == 200
    link = re.search(r'id="one-time-link" class="mono" readonly value="([^"]+)"',
                     page.text).group(1)
    assert link.startswith("http://127.0.0.1:8000/account/link/")  # SURVEI_BASE_URL
    message = re.search(r'<textarea id="link-message" readonly rows="9">(.*?)</textarea>',
                        page.text, re.S).group(1)
    assert "Yth. Siti Aminah," in message and "Nama pengguna: siti" in message
    assert link in message
    path = link.removeprefix("http://127.0.0.1:8000")
    set_page = client.get(path)
    assert set_page.status_code == 200
    done = client.post(path, data={"password": NEW_PASSWORD, "password2": NEW_PASSWORD,
                                   "csrf_token": csrf_from(set_page.text)},
                       follow_redirects=False)
    assert done.headers["location"] == "/"  # signed in: no second login
    assert "Siti Aminah" in client.get("/").text
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/").text)})
    assert login(client, "siti", NEW_PASSWORD).status_code == 303
    listed = planner.get("/accounts?q=siti")
    row = re.search(r'<tr data-username="siti">(.*?)</tr>', listed.text, re.S).group(1)
    assert "Siti Aminah" in row and "OPD-B" in row and "WITA" in row  # last login shown


def test_the_invite_form_explains_its_problems(world, as_user):
    page = as_user("planner").post("/accounts/new", data={"username": "x", "role": "officer"})
    assert page.status_code == 422
    assert "Nama pengguna 3–64 karakter" in page.text
    assert "Petugas OPD harus terikat pada satu OPD." in page.text
    taken = as_user("planner").post("/accounts/new", data={"username": "viewer", "role": "viewer"})
    assert taken.status_code == 409


def test_deactivating_an_officer_logs_them_out_everywhere(world, as_user):
    officer = as_user("officer_a")
    assert officer.get("/api/v1/me").status_code == 200
    planner = as_user("planner")
    done = planner.post(f"/accounts/{world.users['officer_a'].id}/deactivate",
                        follow_redirects=True)
    assert "Akun dinonaktifkan; sesi dan tokennya telah dicabut." in done.text
    assert officer.get("/api/v1/me").status_code == 401
    assert officer.get("/", follow_redirects=False).headers["location"] == "/login"


def test_a_reset_link_is_shown_once_for_copying(world, as_user):
    page = as_user("planner").post(f"/accounts/{world.users['viewer'].id}/reset")
    assert page.status_code == 200
    assert "Tautan atur ulang kata sandi untuk viewer siap dikirim." in page.text
    assert "/account/link/" in page.text


def test_planners_see_but_cannot_change_admin_accounts_and_roles(world, as_user):
    planner = as_user("planner")
    admin_id = world.users["admin"].id
    page = planner.get(f"/accounts/{admin_id}")
    assert page.status_code == 200 and "Anda tidak dapat mengubah akun ini" in page.text
    assert f"/accounts/{admin_id}/deactivate" not in page.text
    assert planner.post(f"/accounts/{admin_id}/deactivate").status_code == 403
    viewer_id = world.users["viewer"].id
    assert planner.post(f"/accounts/{viewer_id}/role", data={"role": "planner"}).status_code \
        == 403
    admin = as_user("admin")
    done = admin.post(f"/accounts/{viewer_id}/role", data={"role": "planner"},
                      follow_redirects=True)
    assert "Peran akun diubah." in done.text and "Perencana" in done.text


def test_the_api_twin(world, as_user):
    planner = as_user("planner")
    invited = planner.post("/api/v1/accounts", json={"username": "rudi", "role": "viewer"})
    assert invited.status_code == 201
    body = invited.json()
    assert body["account"]["role"] == "viewer" and "/account/link/" in body["link"]
    user_id = body["account"]["id"]
    patched = planner.patch(f"/api/v1/accounts/{user_id}", json={"full_name": "Rudi H",
                                                                 "phone": "0811"})
    assert patched.json()["full_name"] == "Rudi H"
    assert planner.post(f"/api/v1/accounts/{user_id}/deactivate").json()["active"] is False
    listed = planner.get("/api/v1/accounts?active=0").json()
    assert [a["username"] for a in listed] == ["rudi"]
    assert planner.post(f"/api/v1/accounts/{user_id}/role",
                        json={"role": "planner"}).status_code == 403
    assert as_user("viewer").get("/api/v1/accounts").status_code == 403


def test_links_are_built_from_the_base_url_never_from_the_host_header(world, as_user):
    planner = as_user("planner")
    viewer_id = world.users["viewer"].id
    forged = {"Host": "penipu.example", "X-Forwarded-Host": "penipu.example"}
    page = planner.post(f"/accounts/{viewer_id}/reset", headers=forged)
    api = planner.post(f"/api/v1/accounts/{viewer_id}/reset", headers=forged)
    assert page.status_code == 200 and api.status_code == 200
    assert "penipu.example" not in page.text and "penipu.example" not in api.text
    assert api.json()["link"].startswith("http://127.0.0.1:8000/account/link/")
    assert page.headers["referrer-policy"] == "no-referrer"  # the page carries the token


def test_patch_changes_only_the_fields_sent(world, as_user):
    planner = as_user("planner")
    user_id = world.users["officer_a"].id
    full = planner.patch(f"/api/v1/accounts/{user_id}", json={
        "full_name": "Andi", "phone": "0812 3456", "nip": "198001012005011001"})
    assert full.status_code == 200
    renamed = planner.patch(f"/api/v1/accounts/{user_id}", json={"full_name": "Andi S"})
    body = renamed.json()
    assert body["full_name"] == "Andi S" and body["opd_code"] == "OPD-A"
    assert body["phone"] == "0812 3456" and body["nip"] == "198001012005011001"
    cleared = planner.patch(f"/api/v1/accounts/{user_id}", json={"phone": None}).json()
    assert cleared["phone"] is None and cleared["nip"] == "198001012005011001"
    assert cleared["full_name"] == "Andi S"
