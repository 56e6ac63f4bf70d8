"""What the portal's browser tests against the demo pemda share: a screenshot and an axe-core check of each page,
and signing in and out."""

import os

from axe_playwright_python.sync_playwright import Axe


class PageChecks:
    """Screenshots each page checked into `out` as PREFIX-NN-NAME.png and keeps its serious or critical axe-core
    violations of the portal's own markup (the embedded engine report, .report-frame, is left out)."""

    def __init__(self, out, prefix):
        self.out = out
        self.prefix = prefix
        self.axe = Axe()
        self.problems = []
        self.shots = []

    def check(self, page, name):
        path = os.path.join(self.out, f"{self.prefix}-{len(self.shots) + 1:02d}-{name}.png")
        page.screenshot(path=path, full_page=True)
        self.shots.append(path)
        results = self.axe.run(page, context={"exclude": [[".report-frame"]]})
        for violation in results.response["violations"]:
            if violation.get("impact") in ("serious", "critical"):
                self.problems.append(f"{name}: axe {violation['id']} ({violation['impact']}): {violation['help']}")


def sign_in(page, base, username, password):
    """Signs in; an account an admin created chooses its own password first. Returns the password in use."""
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    if page.url.endswith("/account/password"):
        own = password + "-own"
        page.fill("#current", password)
        page.fill("#new", own)
        page.fill("#repeat", own)
        page.click("main button[type=submit]")
        return own
    return password


def sign_out(page):
    page.click("header form[action='/logout'] button")
