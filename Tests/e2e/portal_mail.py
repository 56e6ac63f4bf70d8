"""The portal's e-mail against a real SMTP sink (aiosmtpd's Maildir handler), run by scripts/portal-mail.sh.

The portal holds the demo pemda and sends through the sink (--smtp-host/--smtp-port/--smtp-from). The admin creates
an operator for Dinkes and one for Diskominfo, and a Tim Asesor Internal account; each chooses its own password and
sets its e-mail address. The assessor returns Dinkes's screenshot set (I45-L3-01) for revision. Exactly one message
must arrive, to Dinkes's operator, naming the item and the reason, with nothing of Diskominfo's (its name, its
evidence codes) in its headers or text.
"""

import email
import html
import email.policy
import http.cookiejar
import os
import re
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1]
ADMIN_PASSWORD = sys.argv[2]
MAILDIR = sys.argv[3]
PASSWORD = "operator-password-1"


class Browser:
    """One signed-in account: its cookies and the CSRF token of its last page."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def get(self, path):
        with self.opener.open(BASE + path) as response:
            text = response.read().decode("utf-8")
        found = re.search(r'name="_csrf" value="([^"]+)"', text)
        self.csrf = found.group(1) if found else self.csrf
        return text

    def post(self, path, fields, csrf=True):
        if csrf:
            fields = dict(fields, _csrf=self.csrf)
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(BASE + path, data) as response:
            text = response.read().decode("utf-8")
            url = response.geturl()
        found = re.search(r'name="_csrf" value="([^"]+)"', text)
        self.csrf = found.group(1) if found else self.csrf
        return url, text

    def login(self, username, password):
        page = self.get("/login")
        token = re.search(r'name="_login" value="([^"]+)"', page).group(1)
        url, _ = self.post("/login", {"_login": token, "username": username, "password": password}, csrf=False)
        if url.endswith("/account/password"):
            self.post("/account/password", {"current": password, "new": password + "-own", "repeat": password + "-own"})


def main():
    admin = Browser()
    admin.login("admin", ADMIN_PASSWORD)
    accounts = admin.get("/admin/accounts")
    opds = dict(re.findall(r'<option value="(\d+)">([a-z0-9._-]+): ', accounts))
    ids = {code: value for value, code in opds.items()}
    names = {}
    for code in ("dinkes", "diskominfo"):
        names[code] = html.unescape(re.search(rf'<option value="{ids[code]}">{code}: ([^<]+)</option>', accounts).group(1))
    for username, role, opd in (("op-dinkes", "operator", ids["dinkes"]), ("op-kominfo", "operator", ids["diskominfo"]),
                                ("asesor", "assessor", "")):
        admin.post("/admin/accounts", {"username": username, "display_name": username, "password": PASSWORD,
                                       "role": role, "opd_id": opd})
    browsers = {}
    for username in ("op-dinkes", "op-kominfo", "asesor"):
        browser = Browser()
        browser.login(username, PASSWORD)
        browser.get("/account/notifications")
        browser.post("/account/email", {"email": f"{username}@pemda.example.go.id"})
        browsers[username] = browser
    admin.get("/account/notifications")
    admin.post("/account/email", {"email": "admin@pemda.example.go.id"})

    assessor = browsers["asesor"]
    target = None
    for evidence in range(1, 40):
        try:
            page = assessor.get(f"/evidence/{evidence}")
        except urllib.error.HTTPError:
            continue
        if "I45-L3-01" in page and f'action="/evidence/{evidence}/verdict"' in page:
            target = evidence
            break
    assert target, "Dinkes's I45-L3-01 is not in the demo"
    assessor.post(f"/evidence/{target}/verdict",
                  {"verdict": "revise", "reason": "bukti-tidak-sesuai", "note": "Lampirkan layar transaksi selesai."})

    new = os.path.join(MAILDIR, "new")
    deadline = time.time() + 15
    while time.time() < deadline and not (os.path.isdir(new) and os.listdir(new)):
        time.sleep(0.2)
    time.sleep(1)  # a second message, if one were (wrongly) sent
    files = sorted(os.listdir(new)) if os.path.isdir(new) else []
    problems = []
    if len(files) != 1:
        problems.append(f"{len(files)} messages arrived, expected 1")
    for name in files:
        with open(os.path.join(new, name), "rb") as file:
            message = email.message_from_bytes(file.read(), policy=email.policy.default)
        recipients = message.get_all("X-RcptTo", [])
        text = f"{message['Subject']}\n{message.get_content()}"
        print(f"message to {message['To']} (envelope {recipients}): {message['Subject']}")
        if message["To"] != "op-dinkes@pemda.example.go.id" or recipients != ["op-dinkes@pemda.example.go.id"]:
            problems.append(f"sent to {message['To']} / {recipients}")
        for expected in ("I45-L3-01", "Bukti tidak sesuai", "Lampirkan layar transaksi selesai.", names["dinkes"]):
            if expected not in text:
                problems.append(f"the message lacks {expected!r}")
        for foreign in (names["diskominfo"], "diskominfo", "I10-L3-01", "I01-L3-01", "I16-L4-01"):
            if foreign.lower() in text.lower():
                problems.append(f"the message carries another OPD's data: {foreign!r}")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
