"""End-to-end test of official results and follow-ups (issue 24) in Debian's Chromium through Playwright.

Run by scripts/portal-e2e.sh after portal_e2e.py, against a second spbe-serve started with --demo (a completed
previous period with official results and follow-ups, and the current period in penilaian mandiri). The flow: the
admin sees the demo's previous period carried into the current dashboard; downloads the results template (XLSX,
two sheets) and the CSV (formulas neutralised); imports a results workbook with one broken cell and sees the error
at that cell (hasil!C3) with nothing stored; imports the corrected workbook and sees the official index beside the
claimed and estimated ones, with the gaps; the follow-ups are created; a new operator of Dinas Kesehatan sees only
its OPD's follow-ups and marks one done; the admin opens the next period under the provisional Pemdi 2026 pack and
its dashboard shows the carried follow-ups (what was promised, what was done) named in the new framework. Every
page is screenshotted into E2E_OUT (results-NN-*.png) and checked with axe-core: no serious or critical violation.
"""

import io
import os
import sys
import zipfile

from playwright.sync_api import expect, sync_playwright

from portal_browser import PageChecks, sign_in, sign_out

BASE = os.environ["PORTAL_URL"]
OUT = os.environ["E2E_OUT"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]
PEMDI_PACK = os.environ["PEMDI_PACK"]

checks = PageChecks(OUT, "results")
check, problems, shots = checks.check, checks.problems, checks.shots


def login(page, username, password):
    return sign_in(page, BASE, username, password)


logout = sign_out


def cell(reference, text):
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{reference}" t="inlineStr"><is><t>{escaped}</t></is></c>'


def sheet(rows):
    body = "".join(
        f'<row r="{number}">' + "".join(cell(f"{chr(65 + column)}{number}", value)
                                        for column, value in enumerate(row) if value != "") + "</row>"
        for number, row in enumerate(rows, start=1))
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>')


def workbook(results, outcomes):
    """A results workbook written as a person's spreadsheet program would: sheets hasil and bukti."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{relationships}"><sheets>'
            '<sheet name="hasil" sheetId="1" r:id="rId1"/><sheet name="bukti" sheetId="2" r:id="rId2"/></sheets>'
            '</workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{relationships}/worksheet" Target="worksheets/sheet2.xml"/>'
            '</Relationships>'))
        archive.writestr("xl/worksheets/sheet1.xml",
                         sheet([["indikator", "nama", "tingkat", "opd", "catatan", "rekomendasi"]] + results))
        archive.writestr("xl/worksheets/sheet2.xml", sheet([["opd", "kode", "judul", "hasil", "catatan"]] + outcomes))
    return buffer.getvalue()


def import_file(page, name, data):
    page.set_input_files("#result-file", files=[{"name": name, "mimeType": "application/octet-stream",
                                                 "buffer": data}])
    page.click("form[action$='/results/import'] button[type=submit]")


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(accept_downloads=True)
        login(page, "admin", ADMIN_PASSWORD)

        # The demo's completed period is carried into the current one's dashboard.
        page.goto(f"{BASE}/dashboard")
        expect(page.locator("#carried")).to_contain_text("Evaluasi SPBE 2025 (demo, selesai)")
        expect(page.locator("#follow-ups")).to_contain_text("selesai")
        check(page, "demo-dashboard-carried")
        page.click("a[href='/results']")
        expect(page.locator("h1")).to_contain_text("Hasil resmi")
        check(page, "current-results-empty")

        # The templates: an XLSX of two sheets, and CSV files.
        with page.expect_download() as download:
            page.click("a[href$='/results/template.xlsx']")
        names = zipfile.ZipFile(download.value.path()).read("xl/workbook.xml").decode()
        assert 'name="hasil"' in names and 'name="bukti"' in names, names
        with page.expect_download() as download:
            page.click("a[href$='/results/bukti.csv']")
        assert open(download.value.path(), encoding="utf-8-sig").readline().startswith("opd,kode,judul,hasil")

        results = [["I10", "", "3", "", "SK ada, evaluasi berkala belum.", "Tetapkan evaluasi tahunan Tim Koordinasi."],
                   ["I45", "", "lima", "dinkes", "", "Lengkapi bukti layanan rujukan sampai transaksi selesai."]]
        outcomes = [["dinkes", "I45-L3-01", "", "revisi", "Tangkapan layar berhenti di halaman masuk."],
                    ["diskominfo", "I10-L3-01", "", "diterima", ""]]
        import_file(page, "hasil-resmi.xlsx", workbook(results, outcomes))
        expect(page.locator("#import-errors")).to_contain_text("hasil-resmi.xlsx: hasil!C3")
        expect(page.locator("#import-errors")).to_contain_text("tingkat 'lima' bukan angka 1 sampai 5")
        expect(page.locator("#official-index")).to_contain_text("0 / 47")
        check(page, "import-broken-cell")

        results[1][2] = "2"
        import_file(page, "hasil-resmi.xlsx", workbook(results, outcomes))
        expect(page.locator("#official-index")).to_contain_text("2 / 47")
        expect(page.locator("#r-I10")).to_contain_text("klaim 4, hasil 3")
        expect(page.locator("#r-I10")).to_have_class("gap")
        expect(page.locator("#evidence")).to_contain_text("I45-L3-01")
        check(page, "results-imported")

        page.goto(f"{BASE}/follow-ups")
        expect(page.locator("table.follow-ups")).to_contain_text("Tetapkan evaluasi tahunan Tim Koordinasi.")
        expect(page.locator("table.follow-ups")).to_contain_text("Revisi bukti I45-L3-01")
        check(page, "follow-ups-created")

        # A new operator of Dinas Kesehatan sees only its OPD's follow-ups and marks the returned item done.
        page.goto(f"{BASE}/admin/accounts")
        page.fill("#username", "op-dinkes-hasil")
        page.fill("#display_name", "Operator Dinkes")
        page.fill("#password", "operator-password-2")
        page.select_option("#role", "operator")
        page.select_option("#opd_id", label="dinkes: Dinas Kesehatan")
        page.click("form[action='/admin/accounts'] button[type=submit]")
        logout(page)
        login(page, "op-dinkes-hasil", "operator-password-2")
        page.goto(f"{BASE}/follow-ups")
        rows = page.locator("table.follow-ups tbody tr")
        expect(rows.filter(has_text="Tim Koordinasi")).to_have_count(0)
        item = rows.filter(has_text="Revisi bukti I45-L3-01").filter(has_text="Evaluasi SPBE (demo)").first
        item.locator("select[name=status]").select_option("done")
        item.locator("input[name=note]").fill("Rangkaian tangkapan layar lengkap diunggah.")
        item.locator("button[type=submit]").click()
        done = page.locator("table.follow-ups tbody tr").filter(has_text="Rangkaian tangkapan layar lengkap diunggah.")
        expect(done).to_contain_text("selesai")
        check(page, "operator-follow-up-done")
        logout(page)

        # The next period, under the provisional Pemdi pack, carries what was promised and shows what was done.
        login(page, "admin", ADMIN_PASSWORD)
        page.goto(f"{BASE}/admin/periods")
        form = page.locator("form[action='/admin/periods']")
        form.locator("input[name=name]").fill("Evaluasi Pemdi 2027")
        form.locator("input[name=evaluation_date]").fill("2027-06-30")
        form.locator("input[name=pack]").fill(PEMDI_PACK)
        form.locator("button[type=submit]").click()
        page.click("a:has-text('Evaluasi Pemdi 2027')")
        carried = page.locator("#follow-ups")
        expect(carried).to_contain_text("Dijanjikan pada Evaluasi SPBE (demo)")
        expect(carried).to_contain_text("Rangkaian tangkapan layar lengkap diunggah.")
        expect(carried).to_contain_text("→ pemdi-2026 I17 (partial)")
        check(page, "next-period-carried")
        page.goto(f"{BASE}/follow-ups")
        check(page, "follow-ups-across-frameworks")
        browser.close()

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(shots)} results pages checked; screenshots in {OUT}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
