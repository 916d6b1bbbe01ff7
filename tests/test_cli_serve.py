"""`mingel serve --host 0.0.0.0` in embedded mode: prints the addresses to open on a
phone, and answers on them instead of "Bad Request (400)"; says who may sign up. A real
server in a real process on a fresh data directory."""

import http.client
import os
import queue
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest

from mingel import config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(data_dir, **extra) -> dict[str, str]:
    """The environment of a fresh install: no database URL, no hosts set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINGEL_", "DATABASE_"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return {**env, "MINGEL_DATA_DIR": str(data_dir), **extra}


def pump(stream, into: queue.Queue) -> None:
    """Hands the lines of `stream` over to `into`, so the reader can wait with a timeout."""
    for line in stream:
        into.put(line)


@contextmanager
def serving(data_dir, **env):
    """Runs `mingel serve --host 0.0.0.0`, waits for it to answer; yields (port, output,
    data_dir), the output being what it printed up to its sign-up line, the last one it
    prints before serving (or up to a pause of a few seconds after the address line, when
    it prints none)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mingel", "serve", "--host", "0.0.0.0", "--port", str(port)],
        env=clean_env(data_dir, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: queue.Queue[str] = queue.Queue()
    threading.Thread(target=pump, args=(process.stdout, printed), daemon=True).start()
    lines = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            started = any("Ctrl+C" in line for line in lines)
            try:
                line = printed.get(timeout=5 if started else deadline - time.monotonic())
            except queue.Empty:
                break
            lines.append(line)
            if line.strip() in (config.SIGNUP_WARNING, config.SIGNUP_LOCAL_NOTE):
                break
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port, "".join(lines), data_dir
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(tmp_path):
    with serving(tmp_path / "data") as started:
        yield started


def status(port: int, host_header: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/accounts/login/", headers={"Host": f"{host_header}:{port}"})
    return connection.getresponse().status


def test_serving_every_interface_answers_on_the_printed_address(served):
    port, output, _data = served
    urls = re.findall(r"On your network \(a phone on the same Wi-Fi\): (http://\S+)", output)
    assert urls, output
    address = re.match(r"http://([\d.]+):", urls[0]).group(1)
    assert status(port, address) == 200
    assert status(port, socket.gethostname()) == 200
    assert status(port, "localhost") == 200
    assert status(port, "evil.example") == 400  # still not any name at all


def test_serving_runs_the_task_worker_in_the_same_process(served):
    """The digest check that `serve` queues on start is run by the worker inside it, and
    the check queues the next one: nobody had to start a second command."""
    _port, _output, data = served
    done, waiting = [], []
    with sqlite3.connect(data / "mingel.sqlite3", timeout=10) as db:
        for _ in range(100):
            rows = db.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult "
                "WHERE task_path = 'mingel.followups.tasks.digests_send'"
            ).fetchall()
            done = [row for row in rows if row[0] == "SUCCESSFUL"]
            waiting = [row for row in rows if row[0] == "READY"]
            if done:
                break
            time.sleep(0.1)
    assert len(done) == 1 and len(waiting) == 1


def test_on_the_network_only_this_machine_may_sign_up_by_default(served):
    port, output, _data = served
    lines = output.splitlines()
    assert lines[-1] == (
        "Sign-up works only on this machine; other devices can log in "
        "(set MINGEL_SIGNUP=open to let them sign up too)."
    )
    assert "Anyone on this network" not in output
    # This machine (the test talks to 127.0.0.1) still gets the sign-up form.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/accounts/signup/", headers={"Host": f"localhost:{port}"})
    assert connection.getresponse().status == 200


def test_open_sign_up_on_the_network_warns_in_one_line(tmp_path):
    with serving(tmp_path / "data", MINGEL_SIGNUP="open") as (_, output, _data):
        pass
    warning = (
        "Anyone on this network can open Mingel and sign up; set MINGEL_SIGNUP=closed to stop that."
    )
    assert output.splitlines()[-1] == warning
    assert output.count("sign up") == 1


def test_hosted_mode_on_every_interface_names_the_setting_it_needs(monkeypatch):
    from mingel.cli import network_lines

    monkeypatch.setenv("MINGEL_SERVE_HOST", "0.0.0.0")
    monkeypatch.setenv("DATABASE_URL", "postgres://db.internal/mingel")
    monkeypatch.delenv("MINGEL_ALLOWED_HOSTS", raising=False)
    assert network_lines(8000) == [
        "Hosted mode: set MINGEL_ALLOWED_HOSTS to the names this server answers to."
    ]
    monkeypatch.setenv("MINGEL_ALLOWED_HOSTS", "mingel.example")
    assert network_lines(8000) == []
