"""Fault tests of the portal, as a process: kill -9 while an upload is being received and while one is being
evaluated, and a full disk (a small tmpfs). After each, the portal restarts (or keeps serving), its database passes
SQLite's integrity check, every submission's files are there, the OPD's previous submission is still current, and
a new upload is accepted again. Run by scripts/portal-faults.sh (SPBE_SERVE: the executable; needs root for the
tmpfs mount, else that part says why it is skipped)."""

import copy
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import yaml

SERVE = os.environ.get("SPBE_SERVE", "spbe-serve")
PORT = int(os.environ.get("PORTAL_FAULTS_PORT", "18095"))
URL = f"http://127.0.0.1:{PORT}"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "kabupaten-bantul", "dinkes.yaml")


def seed(data):
    out = subprocess.run(
        [SERVE, "seed-load", "--data", data, "--opds", "3", "--periods", "1", "--readers", "1"],
        check=True, capture_output=True, text=True).stdout.split("\n")
    period = next(line.split()[1] for line in out if line.startswith("period "))
    operators = [line.split()[1:] for line in out if line.startswith("operator ")]
    reader = next(line.split()[1] for line in out if line.startswith("reader "))
    opd, token = operators[1]  # an OPD, not the pemda's own inventory
    return period, opd, token, reader


def start(data):
    log = open(os.path.join(os.path.dirname(data), "server.log"), "a")
    server = subprocess.Popen([SERVE, "--data", data, "--port", str(PORT)], stdout=log, stderr=log)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{URL}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise SystemExit("the portal did not start")


def kill(server):
    server.send_signal(signal.SIGKILL)
    server.wait()


def multipart(name, content):
    boundary = "faults-5f2a"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def upload(period, opd, token, name, content, timeout=120):
    body, content_type = multipart(name, content)
    request = urllib.request.Request(
        f"{URL}/api/v1/periods/{period}/opds/{opd}/submissions", data=body, method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, None


def current(period, opd, reader):
    request = urllib.request.Request(
        f"{URL}/api/v1/periods/{period}/dashboard", headers={"Authorization": f"Bearer {reader}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.load(response)["opds"]
    return next(row["submission_id"] for row in rows if str(row["opd_id"]) == str(opd))


def check_store(data):
    """SQLite's integrity check passes and every file a submission names is in blobs/."""
    db = sqlite3.connect(os.path.join(data, "portal.sqlite"))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity check failed"
    columns = "content_hash, report_json_hash, report_html_hash, report_sarif_hash, evidence_html_hash"
    for row in db.execute(f"SELECT id, {columns} FROM submission"):
        for blob in row[1:]:
            assert os.path.exists(os.path.join(data, "blobs", blob)), f"submission {row[0]} lacks blob {blob}"
    count = db.execute("SELECT count(*) FROM submission").fetchone()[0]
    db.close()
    return count


def big_inventory(copies):
    """The example OPD inventory with its applications repeated `copies` times: slow enough to evaluate that a
    kill lands during the evaluation."""
    with open(EXAMPLE, encoding="utf-8") as file:
        inventory = yaml.safe_load(file)
    applications = inventory["applications"]
    inventory["applications"] = [
        dict(copy.deepcopy(application), id=f"{application['id']}-{number}")
        for number in range(copies) for application in applications]
    return yaml.safe_dump(inventory, allow_unicode=True, sort_keys=False).encode()


def kill_during_upload(work):
    data = os.path.join(work, "upload", "data")
    period, opd, token, reader = seed(data)
    server = start(data)
    before, count = current(period, opd, reader), check_store(data)
    body, content_type = multipart("dinkes.yaml", open(EXAMPLE, "rb").read())
    connection = socket.create_connection(("127.0.0.1", PORT))
    connection.sendall(
        (f"POST /api/v1/periods/{period}/opds/{opd}/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
         f"Authorization: Bearer {token}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n")
        .encode() + body[: len(body) // 2])
    time.sleep(0.3)
    kill(server)
    connection.close()
    server = start(data)
    assert current(period, opd, reader) == before, "the previous submission is no longer current"
    assert check_store(data) == count, "a submission was stored from half an upload"
    assert os.listdir(os.path.join(data, "tmp")) == [], "the staged upload was left behind"
    status, _ = upload(period, opd, token, "dinkes.yaml", open(EXAMPLE, "rb").read())
    assert status == 201, f"an upload after the restart answered {status}"
    kill(server)
    print("kill -9 during an upload: previous submission current, nothing stored, tmp/ emptied, uploads work")


def kill_during_evaluation(work):
    data = os.path.join(work, "evaluation", "data")
    period, opd, token, reader = seed(data)
    server = start(data)
    copies = 20
    while True:
        content = big_inventory(copies)
        started = time.monotonic()
        status, _ = upload(period, opd, token, "besar.yaml", content)
        took = time.monotonic() - started
        assert status == 201, f"the large inventory answered {status}"
        if took > 1.0 or copies >= 640:
            break
        copies *= 2
    before, count = current(period, opd, reader), check_store(data)
    content = big_inventory(copies) + b"# changed\n"
    body, content_type = multipart("besar.yaml", content)
    connection = socket.create_connection(("127.0.0.1", PORT))
    connection.sendall(
        (f"POST /api/v1/periods/{period}/opds/{opd}/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
         f"Authorization: Bearer {token}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n")
        .encode() + body)
    time.sleep(took / 2)
    kill(server)
    connection.close()
    server = start(data)
    assert current(period, opd, reader) == before, "the previous submission is no longer current"
    assert check_store(data) == count, "a submission was stored from an interrupted evaluation"
    status, _ = upload(period, opd, token, "dinkes.yaml", open(EXAMPLE, "rb").read())
    assert status == 201, f"an upload after the restart answered {status}"
    kill(server)
    print(f"kill -9 during an evaluation ({took:.2f} s, {copies} copies of the applications): previous submission "
          "current, nothing stored, uploads work")


def full_disk(work):
    disk = os.path.join(work, "disk")
    os.makedirs(disk)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk], capture_output=True)
    if mounted.returncode != 0:
        print("full disk: skipped, a tmpfs cannot be mounted here (needs root): "
              + mounted.stderr.decode().strip())
        return
    try:
        data = os.path.join(disk, "data")
        period, opd, token, reader = seed(data)
        server = start(data)
        before, count = current(period, opd, reader), check_store(data)
        filler = os.path.join(disk, "filler")
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True)
        status, _ = upload(period, opd, token, "dinkes.yaml", open(EXAMPLE, "rb").read() + b"# full\n")
        assert status >= 500, f"an upload on a full disk answered {status}"
        assert urllib.request.urlopen(f"{URL}/healthz", timeout=5).status == 200, "the portal stopped answering"
        assert current(period, opd, reader) == before, "the previous submission is no longer current"
        os.remove(filler)
        assert check_store(data) == count, "a submission was stored on a full disk"
        status, _ = upload(period, opd, token, "dinkes.yaml", open(EXAMPLE, "rb").read() + b"# room again\n")
        assert status == 201, f"an upload once there is room again answered {status}"
        assert current(period, opd, reader) != before, "the new upload did not become current"
        kill(server)
        print("full disk (24 MiB tmpfs): the upload refused with a server error, previous submission current, "
              "nothing stored; accepted once there is room")
    finally:
        subprocess.run(["umount", disk], capture_output=True)


def main():
    work = tempfile.mkdtemp(prefix="spbe-faults-")
    try:
        kill_during_upload(work)
        kill_during_evaluation(work)
        full_disk(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
