"""End-to-end test of the submission pack and interview preparation in Debian's Chromium (Playwright).

Run by scripts/portal-e2e.sh after portal_e2e.py, against a second portal started with --demo (a period in penilaian
mandiri, Diskominfo's claim on I10 with its evidence, Dinkes's returned screenshot set). The flow: the admin opens the
submission pack from the dashboard, copies a penjelasan with its button, downloads the ZIP and checks its entries and
the document's indicators, prints the document to an A4 PDF; the admin creates a Dinkes operator; the admin schedules
an interview with Dinkes on I45, reads its talking points (the returned item), records a promise of evidence to follow
with a due date and takes notes; the operator sees the promise in its OPD's queue beside the revision request, and the
schedule lists only its own OPD's interview. Every page is screenshotted into E2E_OUT and checked with axe-core.
"""

import datetime
import io
import os
import re
import sys
import zipfile

from playwright.sync_api import expect, sync_playwright

from portal_browser import PageChecks, sign_in, sign_out

BASE = os.environ["PORTAL_URL"]
OUT = os.environ["E2E_OUT"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]
PASSWORD = "operator-password-1"

checks = PageChecks(OUT, "pack")
check, problems, shots = checks.check, checks.problems, checks.shots


def login(page, username, password):
    return sign_in(page, BASE, username, password)


logout = sign_out


def day(offset):
    return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()


def current_period(page):
    """The path of the current period (the dashboard's), `/periods/ID`: the demo's completed one comes before it."""
    page.goto(f"{BASE}/dashboard")
    href = page.locator("main a[href$='/submission-pack']").first.get_attribute("href")
    return href[: -len("/submission-pack")]


def submission_pack(page, context):
    """The pack page, the copy button, the ZIP and the printable document."""
    page.goto(f"{BASE}/dashboard")
    page.click("main a[href$='/submission-pack']")
    expect(page.locator("main > h1")).to_contain_text("Paket pengiriman")
    section = page.locator("#pack-I10")
    expect(section).to_contain_text("I10-L3-01_")
    expect(section).to_contain_text("SK Bupati tentang Tim Koordinasi SPBE")
    check(page, "submission-pack")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=BASE)
    section.locator("button.copy").click()
    expect(section.locator("button.copy")).to_have_text("Tersalin")
    copied = page.evaluate("navigator.clipboard.readText()")
    if not copied.startswith("SK Bupati tentang Tim Koordinasi SPBE ditetapkan"):
        problems.append(f"the copy button copied {copied[:60]!r}")
    with page.expect_download() as download:
        page.click("main a[href$='submission-pack.zip']")
    with open(download.value.path(), "rb") as file:
        archive = zipfile.ZipFile(io.BytesIO(file.read()))
    names = sorted(archive.namelist())
    evidence = [name for name in names if name.startswith("data-dukung/")]
    if "dokumen-pengiriman.html" not in names or not any(re.match(r"data-dukung/I10-L3-01_[A-Za-z0-9_-]+\.pdf$", n) for n in evidence):
        problems.append(f"the ZIP's entries: {names}")
    if any(not re.match(r"data-dukung/I\d\d-L\d-\d\d_[A-Za-z0-9_-]+\.[a-z]+$", name) for name in evidence):
        problems.append(f"a non-canonical evidence name in the ZIP: {evidence}")
    document = archive.read("dokumen-pengiriman.html").decode("utf-8")
    indicators = sorted(set(re.findall(r'id="pack-(I\d+)"', document)))
    if len(indicators) < 40 or "I10" not in indicators or "I45" not in indicators:
        problems.append(f"the document's indicators: {indicators}")
    if "Tingkat yang dipilih" not in document or "@page { size: A4" not in document:
        problems.append("the document lacks the level or its A4 print style")
    print(f"ZIP: {len(names)} entries ({len(evidence)} data dukung); document: {len(indicators)} indicators")
    page.goto(f"{BASE}{current_period(page)}/submission-pack.html")
    check(page, "submission-pack-printable")
    page.emulate_media(media="print")
    page.pdf(path=os.path.join(OUT, "pack-document.pdf"), format="A4", print_background=True)
    page.emulate_media(media="screen")


def create_operator(page):
    """The admin creates Dinkes's operator."""
    page.goto(f"{BASE}/admin/accounts")
    page.fill("#username", "op-dinkes")
    page.fill("#display_name", "Operator Dinkes")
    page.fill("#password", PASSWORD)
    page.select_option("#role", "operator")
    value = page.locator("#opd_id option", has_text="dinkes:").first.get_attribute("value")
    page.select_option("#opd_id", value)
    page.click("main button[type=submit]")
    expect(page.locator("main table")).to_contain_text("op-dinkes")


def interview(page, period):
    """The admin schedules Dinkes's interview on I45, reads its talking points, records a promise and notes."""
    page.goto(f"{BASE}{period}/interviews")
    value = page.locator("#interview-opd option", has_text="dinkes:").first.get_attribute("value")
    page.select_option("#interview-opd", value)
    page.select_option("#interview-indicator", "I45")
    page.fill("#interview-date", day(20))
    page.fill("#interview-time", "09:30")
    page.fill("#interview-place", "https://meet.example.go.id/spbe-dinkes")
    page.fill("#interview-attendees", "Kepala Dinas Kesehatan\nOperator SIMRS\nTim Asesor Internal")
    page.click("form[action$='/interviews'] button[type=submit]")
    expect(page.locator("#points + ul")).to_contain_text("I45-L3-01")
    expect(page.locator("#points + ul")).to_contain_text("dikembalikan: Bukti tidak sesuai")
    page.fill("#commitment-text", "Rangkaian tangkapan layar rujukan daring sampai transaksi selesai")
    page.fill("#commitment-due", day(25))
    page.click("form[action$='/commitments'] button[type=submit]")
    page.fill("#interview-notes", "Dinkes menjelaskan alur rujukan; tangkapan layar lengkap menyusul.")
    page.click("form[action$='/notes'] button[type=submit]")
    expect(page.locator("main")).to_contain_text("Rangkaian tangkapan layar rujukan daring")
    check(page, "interview")
    page.goto(f"{BASE}{period}/interviews")
    check(page, "interview-schedule")


def operator_queue(page, period):
    """The operator sees the promise beside the revision request, and its own interview in the schedule."""
    login(page, "op-dinkes", PASSWORD)
    expect(page.locator("#revisions + table")).to_contain_text("I45-L3-01")
    expect(page.locator("#commitments + table")).to_contain_text("Rangkaian tangkapan layar rujukan daring")
    expect(page.locator("#commitments + table")).to_contain_text(day(25))
    check(page, "operator-queue")
    page.goto(f"{BASE}{period}/interviews")
    expect(page.locator("main table tbody tr")).to_have_count(1)
    check(page, "operator-schedule")
    page.goto(f"{BASE}/account/notifications")
    check(page, "operator-notifications")


def main():
    os.makedirs(OUT, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        login(page, "admin", ADMIN_PASSWORD)
        submission_pack(page, context)
        create_operator(page)
        period = current_period(page)
        interview(page, period)
        logout(page)
        operator_queue(page, period)
        browser.close()
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    print(f"{len(shots)} pages checked; screenshots in {OUT}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
