"""End-to-end test of the regency portal in a real browser (Debian's Chromium through Playwright).

Run by scripts/portal-e2e.sh, which builds and starts spbe-serve on a loopback port. The flow: the admin opens a
period and creates an OPD, its operator and a viewer; the operator downloads the template, uploads a broken copy
of the example workbook and sees the cell errors, uploads the example, sees the report, uploads it again and sees
the change, its findings filtered by aspect and their XLSX download, and the queue page of an upload that waits
for an evaluation slot (the portal runs one evaluation at a time here, the slot held by a large upload through
the API); the viewer sees the dashboard and follows a heatmap cell to its findings. Every page is screenshotted into E2E_OUT and checked with axe-core:
no serious or critical violation.
"""

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
    page.goto(f"{BASE}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")


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
    upload_path = page.locator("main form[enctype]").get_attribute("action").replace(
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
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/queue/"))
    expect(page.locator("main")).to_contain_text("antrean")
    assert page.locator("meta[http-equiv=refresh]").count() == 1, "the queue page does not reload itself"
    check(page, "operator-queue")
    expect(page.locator("main > h1")).to_contain_text("#", timeout=300_000)
    holder.join()


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
        expect(page.locator("main table")).to_contain_text("op-dpmptsp")
        check(page, "admin-accounts")
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
        page.click("main form button[type=submit]")
        errors = page.locator("div.error table")
        expect(errors).to_contain_text("umumm")
        expect(errors).to_contain_text("D3")
        check(page, "operator-upload-errors")

        page.set_input_files("#file", WORKBOOK)
        page.click("main form button[type=submit]")
        expect(page.locator("main > h1")).to_contain_text("#")
        check(page, "operator-report")
        page.goto(f"{BASE}/")
        page.set_input_files("#file", WORKBOOK)
        page.click("main form button[type=submit]")
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
        browser.close()

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(shots)} pages checked; screenshots in {OUT}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
