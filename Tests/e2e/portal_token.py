"""Signs in to a running portal as a user and prints a new API token of that account (as a user does under
"Token API"): used by scripts that drive the API. Usage: portal_token.py URL USERNAME PASSWORD"""

import http.cookiejar
import json
import re
import sys
import urllib.parse
import urllib.request


def main(url, username, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(f"{url}/login").read().decode()
    login_token = re.search(r'name="_login" value="([^"]+)"', login).group(1)
    form = urllib.parse.urlencode({"_login": login_token, "username": username, "password": password}).encode()
    opener.open(urllib.request.Request(f"{url}/login", data=form, method="POST"))
    page = opener.open(f"{url}/account/tokens").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    request = urllib.request.Request(
        f"{url}/api/v1/tokens", data=json.dumps({"name": "ci"}).encode(), method="POST",
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
    print(json.load(opener.open(request))["token"])


if __name__ == "__main__":
    main(*sys.argv[1:4])
