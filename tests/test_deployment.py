"""The production set-up as docs/deployment.md describes it: `check --deploy` passes with the
production environment, the guide's gunicorn command serves styled pages, and every `quantri …`
command the guide shows exists and accepts its arguments."""

import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "deployment.md"
BIN = Path(sys.executable).parent


def production_env(**extra: str) -> dict[str, str]:
    """DEBUG=0, a random SECRET_KEY and ALLOWED_HOSTS: nothing else of the caller's."""
    return {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "quantri.example.gov.vn,127.0.0.1",
        **extra,
    }


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_the_deployment_check_passes_with_the_production_environment():
    result = run(
        str(BIN / "quantri"), "check", "--deploy", "--fail-level", "WARNING", env=production_env()
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_local_http_turns_off_the_https_only_settings_for_the_demo():
    show = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "config.settings"}
    production = run(sys.executable, "-c", show, env=production_env(**env))
    demo = run(sys.executable, "-c", show, env=production_env(QUANTRI_LOCAL_HTTP="1", **env))
    assert production.stdout.split() == ["True", "31536000", "True"], production.stderr
    assert demo.stdout.split() == ["False", "0", "False"], demo.stderr


def guide_commands() -> list[list[str]]:
    """Each `quantri …` command line in the guide: in code blocks, `ExecStart=` lines and
    inline code, cut before shell redirections and comments."""
    text = GUIDE.read_text()
    commands = []
    for match in re.finditer(r"(?:^|bin/|`)quantri[ \t]+([a-z][^\n`'#>&]*)", text, re.MULTILINE):
        words = shlex.split(re.sub(r"\$\([^)]*\)", "DATE", match.group(1)))
        commands.append(words)
    return commands


def test_every_quantri_command_in_the_guide_exists_and_takes_its_arguments():
    commands = guide_commands()
    assert {"backup", "restore", "migrate", "collectstatic", "check", "remind"} <= {
        words[0] for words in commands
    }
    known = get_commands()
    for words in commands:
        name = words[0].replace("-", "_")
        assert name in known, f"quantri {name} in docs/deployment.md is not a command"
        parser = load_command_class(known[name], name).create_parser("quantri", name)
        parser.parse_args(words[1:])  # a wrong option or sub-command raises CommandError


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def guide_gunicorn(port: int) -> list[str]:
    line = next(line for line in GUIDE.read_text().splitlines() if "gunicorn config.wsgi" in line)
    words = shlex.split(line.split("gunicorn", 1)[1])
    bind = words.index("--bind")
    words[bind + 1] = f"127.0.0.1:{port}"
    return [str(BIN / "gunicorn"), *words]


def fetch(url: str) -> tuple[int, dict, bytes]:
    # nginx's header: gunicorn believes it from loopback, as behind the real proxy.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def wait_for(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"gunicorn did not answer {url}")


def test_the_production_command_serves_styled_pages(tmp_path):
    env = production_env(QUANTRI_VAR_DIR=str(tmp_path))
    # As the guide does before starting: the page header names the agency from the database.
    migrated = run(str(BIN / "quantri"), "migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr
    collected = run(str(BIN / "quantri"), "collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    port = free_port()
    server = subprocess.Popen(
        guide_gunicorn(port), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/login/", server)
        status, headers, page = fetch(f"{base}/login/")
        assert status == 200 and "Content-Security-Policy" in headers
        stylesheet = re.search(rb'<link rel="stylesheet" href="([^"]+)"', page).group(1).decode()
        status, headers, css = fetch(base + stylesheet)
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert b"{" in css and "max-age=315360000" in headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=30)
