"""End-to-end test of the regency portal in a real browser (Debian's Chromium through Playwright).

Run by scripts/portal-e2e.sh, which builds and starts spbe-serve on a loopback port. The flow: the admin opens a
period, dates its stages (penilaian mandiri open), creates an OPD, its operator, a viewer and an assessor, and
assigns the OPD an indicator in the responsibility matrix; each new account chooses its own password at its first
sign-in; the operator downloads the template, uploads a broken copy of the example workbook and sees the cell
errors, uploads the example, sees the report, uploads it again and sees the change, sees what it owes, uploads an
evidence PDF and is refused an SVG, claims a level above its evidence and sees it flagged, finds the PDF's code in
its evidence checklist; the assessor reads the
evidence and the dashboard's claimed and estimated index and load per OPD and PJ; the
admin closes the stage and the operator's late upload is refused; in verifikasi internal the assessor returns the
evidence item and accepts the claim, and the operator, reopened, uploads a revision. Between, the operator
filters its findings by aspect and downloads them as XLSX, and sees the queue page of an upload that waits for an
evaluation slot (one evaluation at a time here, the slot held by a large upload through the API); the viewer
follows a heatmap cell to its findings. Every page is screenshotted into E2E_OUT and checked with axe-core: no
serious or critical violation.
"""

import datetime
import io
import json
import os
import re
import sys
import threading
import time
import urllib.request
import zipfile

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from portal_faults import big_inventory, multipart

BASE = os.environ["PORTAL_URL"]
OUT = os.environ["E2E_OUT"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]
WORKBOOK = os.environ["WORKBOOK"]
PASSWORD = "operator-password-1"

axe = Axe()
problems = []
shots = []
# Each account's password once it has chosen its own at its first sign-in.
passwords = {}


def check(page, name):
    """Screenshot the page and run axe on it."""
    path = os.path.join(OUT, f"{len(shots) + 1:02d}-{name}.png")
    page.screenshot(path=path, full_page=True)
    shots.append(path)
    # The portal's own markup must have no serious violation; the embedded engine report (.report-frame, rendered by
    # Reporting/HTMLReporter) is checked too, and its violations are listed apart for the report's owners.
    results = axe.run(page, context={"exclude": [[".report-frame"]]})
    for violation in results.response["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            problems.append(f"{name}: axe {violation['id']} ({violation['impact']}): {violation['help']}")
    if page.locator(".report-frame").count() > 0:
        report = axe.run(page, context={"include": [[".report-frame"]]})
        for violation in report.response["violations"]:
            if violation.get("impact") in ("serious", "critical"):
                print(f"{name}: engine report: axe {violation['id']} ({violation['impact']}): {violation['help']}")


def login(page, username, password):
    """Sign in; an account an admin created must choose its own password first, which it does here."""
    password = passwords.get(username, password)
    page.goto(f"{BASE}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    if page.url.endswith("/account/password"):
        check(page, f"first-sign-in-{username}")
        own = password + "-own"
        page.fill("#current", password)
        page.fill("#new", own)
        page.fill("#repeat", own)
        page.click("main button[type=submit]")
        passwords[username] = own


def day(offset):
    """A day relative to today in WIB (UTC+7), as the portal counts them."""
    now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)
    return (now.date() + datetime.timedelta(days=offset)).isoformat()


def set_stage(page, start, end):
    """As the admin: date the penilaian mandiri stage of the first period."""
    page.goto(f"{BASE}/admin/periods")
    page.click("a[href$='/stages']")
    page.fill("#penilaian-mandiri-start", start)
    page.fill("#penilaian-mandiri-end", end)
    page.click("form[action$='/stages'] button[type=submit]")


def evidence_pdf():
    path = os.path.join(OUT, "perizinan-sop.pdf")
    with open(path, "wb") as file:
        file.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def hostile_svg():
    path = os.path.join(OUT, "logo.svg")
    with open(path, "wb") as file:
        file.write(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    return path


def logout(page):
    page.click("header form button")


def broken_workbook():
    """The example workbook with one enum cell misspelled (applications!D3: umum -> umumm)."""
    source = zipfile.ZipFile(WORKBOOK)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b'<c r="D3" s="2" t="inlineStr"><is><t xml:space="preserve">umum</t>',
                                    b'<c r="D3" s="2" t="inlineStr"><is><t xml:space="preserve">umumm</t>', 1)
            target.writestr(item, data)
    path = os.path.join(OUT, "broken.xlsx")
    with open(path, "wb") as file:
        file.write(buffer.getvalue())
    return path


def api_upload(token, path, name, content):
    """Uploads `content` through the API; returns the seconds it took and the status."""
    body, content_type = multipart(name, content)
    request = urllib.request.Request(
        f"{BASE}{path}", data=body, method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=300) as response:
        json.load(response)
        return time.monotonic() - started, response.status


def queued_upload(page):
    """Holds the one evaluation slot with a large upload through the API, uploads the workbook in the browser
    meanwhile, and checks its queue page until it leads to the submission."""
    page.goto(f"{BASE}/account/tokens")
    page.fill("#name", "e2e")
    page.click("main button[type=submit]")
    token = page.locator("code.token").inner_text()
    page.goto(f"{BASE}/")
    upload_path = page.locator("form[action$='/upload']").get_attribute("action").replace(
        "/periods/", "/api/v1/periods/").replace("/upload", "/submissions")
    # A large inventory that takes at least 3 seconds to evaluate here.
    copies = 20
    while True:
        content = big_inventory(copies)
        took, _ = api_upload(token, upload_path, "besar.yaml", content)
        if took >= 3 or copies >= 1280:
            break
        copies *= 2
    holder = threading.Thread(target=api_upload, args=(token, upload_path, "besar.yaml", content + b"# again\n"))
    holder.start()
    time.sleep(0.5)
    page.set_input_files("#file", WORKBOOK)
    page.click("form[action$='/upload'] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/queue/"))
    expect(page.locator("main")).to_contain_text("antrean")
    assert page.locator("a[data-reload-after]").count() == 1, "the queue page does not look again by itself"
    check(page, "operator-queue")
    expect(page.locator("main > h1")).to_contain_text("#", timeout=300_000)
    holder.join()


def internal_review(page):
    """Verifikasi internal: the admin dates it and reopens uploads for DPMPTSP to revise; the assessor returns the
    evidence item and accepts the claim; the operator sees the request and uploads a revision, which waits again."""
    login(page, "admin", ADMIN_PASSWORD)
    page.goto(f"{BASE}/admin/periods")
    page.click("a[href$='/stages']")
    page.fill("#verifikasi-internal-start", day(0))
    page.fill("#verifikasi-internal-end", day(7))
    page.click("form[action$='/stages'] button[type=submit]")
    page.goto(f"{BASE}/admin/periods")
    page.click("a[href$='/stages']")
    opd = page.locator("#reopen-opd option", has_text="DPMPTSP").first.get_attribute("value")
    page.select_option("#reopen-opd", opd)
    page.fill("#reopen-until", day(7))
    page.fill("#reopen-reason", "Revisi data dukung hasil verifikasi internal")
    page.click("form[action$='/reopen'] button[type=submit]")
    logout(page)

    login(page, "asesor", PASSWORD)
    page.goto(f"{BASE}/dashboard")
    page.locator("body > main table a:has-text('DPMPTSP <Sleman>')").first.click()
    page.click("a:has-text('I47-L3-01')")
    page.check("input[name=verdict][value=revise]")
    page.select_option("#verdict-reason", "bukti-kedaluwarsa")
    page.fill("#verdict-note", "SOP bertanggal 2019 <belum diperbarui>; unggah SOP yang berlaku.")
    page.click("form[action$='/verdict'] button[type=submit]")
    expect(page.locator("#history + table")).to_contain_text("Dikembalikan untuk revisi")
    expect(page.locator("#history + table")).to_contain_text("SOP bertanggal 2019 <belum diperbarui>")
    assert page.locator("form[action$='/evidence']").count() == 0, "the assessor got an upload form"
    check(page, "assessor-evidence-returned")
    page.click("body > main a:has-text('DPMPTSP <Sleman>')")
    page.click("#claims + table a:has-text('I47')")
    page.check("input[name=verdict][value=accepted]")
    page.click("form[action$='/verdict'] button[type=submit]")
    expect(page.locator("#history + table")).to_contain_text("Diterima")
    check(page, "assessor-claim-accepted")
    logout(page)

    login(page, "op-dpmptsp", PASSWORD)
    queue = page.locator("#revisions + table")
    expect(queue).to_contain_text("I47-L3-01")
    expect(queue).to_contain_text("Bukti kedaluwarsa")
    expect(queue).to_contain_text("SOP bertanggal 2019 <belum diperbarui>")
    expect(queue).to_contain_text("Perlu revisi")
    assert page.locator("form[action$='/verdict']").count() == 0, "the operator got a verdict form"
    check(page, "operator-revision-request")
    page.select_option("#ev-indicator", "I47")
    page.select_option("#ev-level", "3")
    page.fill("#ev-title", "SOP layanan perizinan 2026")
    page.select_option("#ev-revises", "I47-L3-01")
    page.set_input_files("#ev-file", evidence_pdf())
    page.click("form[action$='/evidence'] button[type=submit]")
    expect(page.locator("main > h1")).to_contain_text("I47-L3-01")
    expect(page.locator("#history + table")).to_contain_text("Versi diunggah v2")
    check(page, "operator-revision-uploaded")
    page.goto(f"{BASE}/")
    expect(page.locator("#revisions + table")).to_contain_text("Direvisi, menunggu verifikasi")
    logout(page)

    login(page, "asesor", PASSWORD)
    page.goto(f"{BASE}/dashboard")
    expect(page.locator("#review + table")).to_contain_text("DPMPTSP <Sleman>")
    expect(page.locator("body > main")).to_contain_text("Indeks terverifikasi")
    check(page, "assessor-dashboard-reviewed")
    logout(page)


def main():
    os.makedirs(OUT, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        page = context.new_page()

        page.goto(f"{BASE}/login")
        check(page, "login")
        login(page, "admin", ADMIN_PASSWORD)
        page.goto(f"{BASE}/admin/periods")
        page.fill("#name", "Evaluasi SPBE 2026")
        page.fill("#evaluation_date", "2026-06-30")
        page.click("main button[type=submit]")
        check(page, "admin-periods")
        set_stage(page, day(-3), day(10))
        check(page, "admin-stages")
        page.goto(f"{BASE}/admin/opds")
        page.fill("#code", "dpmptsp")
        page.fill("#name", "DPMPTSP <Sleman>")
        page.click("main button[type=submit]")
        expect(page.locator("main table")).to_contain_text("DPMPTSP <Sleman>")
        check(page, "admin-opds")
        page.goto(f"{BASE}/admin/accounts")
        page.fill("#username", "op-dpmptsp")
        page.fill("#display_name", "Operator DPMPTSP")
        page.fill("#password", PASSWORD)
        page.select_option("#role", "operator")
        page.select_option("#opd_id", label="dpmptsp: DPMPTSP <Sleman>")
        page.click("main button[type=submit]")
        page.fill("#username", "viewer")
        page.fill("#display_name", "Asesor")
        page.fill("#password", PASSWORD)
        page.select_option("#role", "viewer")
        page.click("main button[type=submit]")
        page.fill("#username", "asesor")
        page.fill("#display_name", "Tim Asesor Internal")
        page.fill("#password", PASSWORD)
        page.select_option("#role", "assessor")
        page.click("main button[type=submit]")
        expect(page.locator("main table")).to_contain_text("op-dpmptsp")
        check(page, "admin-accounts")
        page.goto(f"{BASE}/admin/periods")
        page.click("a[href$='/responsibilities']")
        page.select_option("select[name=lead-I47]", label="dpmptsp")
        page.fill("input[name=pj-I47]", "Lina Kartika")
        page.click("form[action$='/responsibilities'] button[type=submit]")
        check(page, "admin-matrix")
        logout(page)

        login(page, "op-dpmptsp", PASSWORD)
        expect(page.locator("main > h1")).to_contain_text("DPMPTSP <Sleman>")
        check(page, "operator-opd-empty")
        with page.expect_download() as download:
            page.click("a[href$='template.xlsx']")
        template = download.value.path()
        with open(template, "rb") as file:
            assert file.read(2) == b"PK", "the template is not an XLSX file"

        page.set_input_files("#file", broken_workbook())
        page.click("form[action$='/upload'] button[type=submit]")
        errors = page.locator("div.error table")
        expect(errors).to_contain_text("umumm")
        expect(errors).to_contain_text("D3")
        check(page, "operator-upload-errors")

        page.set_input_files("#file", WORKBOOK)
        page.click("form[action$='/upload'] button[type=submit]")
        expect(page.locator("main > h1")).to_contain_text("#")
        check(page, "operator-report")
        page.goto(f"{BASE}/")
        page.set_input_files("#file", WORKBOOK)
        page.click("form[action$='/upload'] button[type=submit]")
        expect(page.locator(".report-frame").first).to_be_visible()
        check(page, "operator-report-second")
        page.click("main a[href$='/findings']")
        expect(page.locator("main > h1")).to_contain_text("Temuan")
        check(page, "operator-findings")
        page.select_option("#aspect", index=1)
        page.click("main form.inline-form button[type=submit]")
        expect(page).to_have_url(re.compile(r"aspect="))
        check(page, "operator-findings-aspect")
        with page.expect_download() as download:
            page.click("main a[href*='findings.xlsx']")
        with open(download.value.path(), "rb") as file:
            assert file.read(2) == b"PK", "the findings download is not an XLSX file"
        queued_upload(page)
        page.goto(f"{BASE}/")
        expect(page.locator("section.stages")).to_contain_text("Penilaian mandiri")
        expect(page.locator("section.stages")).to_contain_text("10 hari lagi")
        expect(page.locator("body > main")).to_contain_text("Layanan Publik Sektor 3")
        page.select_option("#ev-indicator", "I47")
        page.select_option("#ev-level", "3")
        page.fill("#ev-title", "SOP layanan perizinan")
        page.set_input_files("#ev-file", hostile_svg())
        page.click("form[action$='/evidence'] button[type=submit]")
        expect(page.locator("body > main")).to_contain_text("tidak diizinkan")
        check(page, "operator-evidence-svg-refused")
        page.goto(f"{BASE}/")
        page.select_option("#ev-indicator", "I47")
        page.select_option("#ev-level", "3")
        page.fill("#ev-title", "SOP layanan perizinan")
        page.set_input_files("#ev-file", evidence_pdf())
        page.click("form[action$='/evidence'] button[type=submit]")
        expect(page.locator("main > h1")).to_contain_text("I47-L3-01")
        check(page, "operator-evidence")
        page.goto(f"{BASE}/")
        page.select_option("#claim-indicator", "I47")
        page.select_option("#claim-level", "4")
        page.fill("#claim-fact", "SOP perizinan ditetapkan dengan Perbup 12/2026; layanan daring sejak Maret 2026.")
        page.fill("#claim-analysis", "Layanan terintegrasi dengan sistem nasional, memenuhi kriteria tingkat 4.")
        page.fill("#claim-evidence", "I47-L3-01")
        page.click("form[action$='/claims'] button[type=submit]")
        expect(page.locator("#claims + table")).to_contain_text("tanpa data dukung tingkat 4")
        check(page, "operator-claim")
        page.click("#evidence + p a[href$='/checklist']")
        row = page.locator(".checklist tr", has=page.locator("a:has-text('I47-L3-01')"))
        expect(row).to_contain_text("I47")
        expect(row).to_contain_text("Menunggu verifikasi")
        expect(page.locator(".checklist")).to_contain_text("belum diunggah")
        check(page, "operator-checklist")
        page.click(".checklist a:has-text('I47-L3-01')")
        expect(page.locator("main > h1")).to_contain_text("I47-L3-01")
        page.goto(f"{BASE}/lang?to=en&back=/")
        check(page, "operator-opd-english")
        page.goto(f"{BASE}/lang?to=id&back=/")
        response = page.goto(f"{BASE}/dashboard")
        assert response.status == 403, f"an operator opened the dashboard: {response.status}"
        page.goto(f"{BASE}/")
        logout(page)

        login(page, "viewer", PASSWORD)
        expect(page.locator("main > h1")).to_contain_text("Dasbor")
        expect(page.locator("main")).to_contain_text("Sudah mengirim")
        check(page, "viewer-dashboard")
        page.click("table.heatmap a >> nth=0")
        expect(page).to_have_url(re.compile(r"/findings\?aspect="))
        check(page, "viewer-findings-from-heatmap")
        logout(page)

        login(page, "asesor", PASSWORD)
        expect(page.locator("body > main")).to_contain_text("Beban dan kemajuan per PJ")
        expect(page.locator("body > main")).to_contain_text("Lina Kartika")
        expect(page.locator("body > main")).to_contain_text("Indeks pemda: klaim dan perkiraan")
        check(page, "assessor-dashboard")
        page.locator("body > main table a:has-text('DPMPTSP <Sleman>')").first.click()
        expect(page.locator("body > main")).to_contain_text("I47-L3-01")
        assert page.locator("form[action$='/evidence']").count() == 0, "the assessor got an upload form"
        check(page, "assessor-opd")
        logout(page)

        login(page, "admin", ADMIN_PASSWORD)
        set_stage(page, day(-20), day(-1))
        check(page, "admin-stage-closed")
        logout(page)
        login(page, "op-dpmptsp", PASSWORD)
        expect(page.locator("section.stages")).to_contain_text("unggahan dikunci")
        assert page.locator("form[action$='/upload']").count() == 0, "the upload form is shown after the deadline"
        check(page, "operator-stage-closed")
        status = page.evaluate(
            """async () => {
                const csrf = document.querySelector("header input[name=_csrf]").value;
                const body = new FormData();
                body.append("_csrf", csrf);
                body.append("file", new Blob(["x"]), "late.yaml");
                const url = location.pathname + "/upload";
                return (await fetch(url, {method: "POST", body})).status;
            }"""
        )
        assert status == 423, f"a late upload was not refused: {status}"
        logout(page)
        internal_review(page)
        browser.close()

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(shots)} pages checked; screenshots in {OUT}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
