"""Benchmark of the public side under load, with the production server (gunicorn, 2 workers)
on loopback, against a prepared database (migrate + demo + generated procedures):

- feedback submissions per second (Open311 POST with an API key, N client threads; goal
  ≥ 200/s with zero errors);
- procedure search latency p50/p95 over the generated catalogue (GET /api/procedures?q=…;
  goal p95 < 20 ms), skipped with a message if the procedure catalogue is not installed;
- the same server's throughput on a trivial view (/feedback/healthz/) and on a small DB view
  (/open311/v2/services.json), so the ratio shows our overhead;
- then the server is killed with SIGKILL in the middle of a submission load, restarted, and
  every tracking code that was acknowledged (HTTP 201 received) is looked up.

    .venv/bin/python bench/public_load.py                    # SQLite, then PostgreSQL
    .venv/bin/python bench/public_load.py --databases sqlite --duration 10
    DATABASE_URL=postgres://… .venv/bin/python bench/public_load.py --databases current

PostgreSQL runs through scripts/with_postgres.sh (a throw-away server on a free port).
SQLite runs with the options a multi-process deployment needs, given in its DATABASE_URL:
WAL journal with synchronous=NORMAL, IMMEDIATE transactions and a busy timeout
(see SQLITE_OPTIONS); without them two workers writing at once get "database is locked".
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# WAL with synchronous=NORMAL: a commit is safe from a killed process (the SIGKILL test) and
# costs no fsync; only an OS crash or power cut may lose the last commits before a checkpoint.
SQLITE_OPTIONS = (
    "transaction_mode=IMMEDIATE&timeout=20"
    "&init_command=PRAGMA+journal_mode%3DWAL%3BPRAGMA+synchronous%3DNORMAL"
)
SERVICE_CODE = "bench-phan-anh"
SEARCHES = [
    "giay phep karaoke",
    "cap lai giay phep",
    "ho kinh doanh",
    "le hoi",
    "di tich",
    "thu vien",
    "bieu dien nghe thuat",
    "quang cao",
    "luu tru du lich",
    "the thao",
    "dang ky",
    "cong nhan",
    "gia dinh",
    "xuat ban",
    "trien lam",
    "9.0012",
    "huong dan vien",
    "co so",
    "nuoc ngoai",
    "đăng ký hoạt động",
]


# ---------------------------------------------------------------- preparing the database


def prepare(procedures: int) -> None:
    """Run inside the prepared environment (a subprocess): migrate, demo, catalogue, key."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    # The pages name their stylesheets through the manifest collectstatic writes.
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("demo", stdout=open(os.devnull, "w"))
    _bench_category()
    _generate_procedures(procedures)


def _bench_category() -> None:
    from quantri.feedback.models import FeedbackCategory
    from quantri.orgs.models import Agency

    FeedbackCategory.objects.get_or_create(
        code=SERVICE_CODE,
        defaults={"name": "Phản ánh (đo tải)", "unit": Agency.objects.get(code="SVHTTDL-HY-VP")},
    )


ACTIONS = [
    "Cấp",
    "Cấp lại",
    "Điều chỉnh",
    "Gia hạn",
    "Thu hồi",
    "Đăng ký",
    "Công nhận",
    "Thẩm định",
    "Phê duyệt",
    "Xác nhận",
]
OBJECTS = [
    "giấy phép tổ chức biểu diễn nghệ thuật",
    "giấy phép kinh doanh dịch vụ karaoke",
    "giấy phép kinh doanh dịch vụ vũ trường",
    "giấy phép tổ chức lễ hội",
    "giấy phép triển lãm mỹ thuật",
    "giấy phép xuất bản bản tin",
    "giấy phép thành lập thư viện",
    "hoạt động của cơ sở lưu trú du lịch",
    "thẻ hướng dẫn viên du lịch",
    "cơ sở kinh doanh hoạt động thể thao",
    "câu lạc bộ thể dục thể thao",
    "di tích lịch sử - văn hóa cấp tỉnh",
    "dự án tu bổ di tích",
    "hiện vật bảo tàng",
    "biển hiệu quảng cáo",
    "băng rôn quảng cáo",
    "danh hiệu gia đình văn hóa",
    "cơ sở hỗ trợ nạn nhân bạo lực gia đình",
    "điểm du lịch",
    "khu du lịch cấp tỉnh",
]
CONTEXTS = [
    "cho tổ chức",
    "cho cá nhân",
    "cho hộ kinh doanh",
    "có yếu tố nước ngoài",
    "tại cấp tỉnh",
    "tại cấp xã",
    "trên địa bàn tỉnh",
    "theo đề nghị của doanh nghiệp",
    "trường hợp bị mất, hỏng",
    "khi thay đổi thông tin",
    "lần đầu",
    "định kỳ",
    "cho đơn vị sự nghiệp",
    "cho cơ sở tư nhân",
    "cho hội, hiệp hội",
    "cho nhà đầu tư",
    "theo hình thức trực tuyến",
    "tại Bộ phận một cửa",
    "cho người nước ngoài",
    "cho hợp tác xã",
    "trong khu công nghiệp",
    "cho cơ quan báo chí",
    "cho trường học",
    "cho doanh nghiệp nhỏ",
    "cho làng nghề",
]


def _generate_procedures(count: int) -> None:
    try:
        from quantri.procedures import services
        from quantri.procedures.models import Procedure
    except ImportError:
        return
    from django.db import transaction
    from tqdm import tqdm

    from quantri.orgs.models import Agency

    department = Agency.objects.get(code="SVHTTDL-HY")
    field_, _ = services.field_save(code="BENCH", name="Lĩnh vực đo tải")
    names = [f"{a} {o} {c}" for a in ACTIONS for o in OBJECTS for c in CONTEXTS]
    existing = Procedure.objects.filter(code__startswith="9.").count()
    with transaction.atomic():
        for i in tqdm(range(existing, count), desc="procedures", unit="", file=sys.stderr):
            services.procedure_save(
                data=services.ProcedureData(
                    code=f"9.{i:06d}",
                    name=names[i % len(names)],
                    field=field_,
                    level="province",
                    agency=department,
                    processing_days=5 + i % 20,
                    online_service=["full", "partial", "none"][i % 3],
                    is_published=True,
                ),
                user=None,
            )


def catalogue_installed() -> bool:
    return (ROOT / "quantri" / "procedures" / "models.py").exists()


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers in its own process group, so SIGKILL reaches them all."""

    def __init__(self, env: dict, port: int):
        self.env, self.port, self.process = env, port, None
        self.shares: list[tuple[float, float]] = []  # (CPU s, wall s) of each measured phase

    def start(self) -> None:
        command = [
            str(BIN / "gunicorn"),
            "config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--log-level",
            "warning",
            "--backlog",
            "2048",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=open(self.env["BENCH_LOG"], "a"),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/feedback/healthz/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start; see " + self.env["BENCH_LOG"])

    def cpu_seconds(self) -> float:
        """CPU time used so far by the master and its workers (its process group), from
        /proc: unlike requests per second it does not change when other programs share the
        machine."""
        ticks, total = os.sysconf("SC_CLK_TCK"), 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == self.process.pid:  # process group id
                total += int(fields[11]) + int(fields[12])  # utime + stime
        return total / ticks

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


# ---------------------------------------------------------------- the clients


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def post_request(port: int, api_key: str, n: int) -> tuple[int, bytes]:
    body = urllib.parse.urlencode(
        {
            "api_key": api_key,
            "service_code": SERVICE_CODE,
            "description": f"Phản ánh đo tải số {n}: biển quảng cáo che khuất đèn tín hiệu.",
            "email": f"nguoi{n}@example.vn",
        }
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            "/open311/v2/requests.json",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class Tally:
    ok: int = 0
    errors: int = 0
    latencies: list = field(default_factory=list)
    codes: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def run_load(seconds: float, threads: int, call, stop: threading.Event | None = None) -> Tally:
    """`threads` clients call `call(n)` back to back for `seconds`: (ok, latency, code)."""
    tally, stop = Tally(), stop or threading.Event()
    deadline = time.monotonic() + seconds
    counter = iter(range(10**9))

    def client():
        while not stop.is_set() and time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                ok, code = call(next(counter))
            except (OSError, http.client.HTTPException):  # cut off by the kill
                ok, code = False, None
            elapsed = time.perf_counter() - start
            with tally.lock:
                if ok:
                    tally.ok += 1
                    tally.latencies.append(elapsed)
                    if code:
                        tally.codes.append(code)
                else:
                    tally.errors += 1

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return tally


def submit_call(port: int, api_key: str):
    def call(n):
        status, body = post_request(port, api_key, n)
        if status != 201:
            return False, None
        return True, json.loads(body)[0]["service_request_id"]

    return call


def get_call(port: int, paths: list[str]):
    def call(n):
        status, _body = get(port, paths[n % len(paths)])
        return status == 200, None

    return call


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def count_found(port: int, codes: list[str]) -> int:
    found = 0
    for start in range(0, len(codes), 150):
        batch = ",".join(codes[start : start + 150])
        status, body = get(port, f"/open311/v2/requests.json?service_request_id={batch}")
        assert status == 200, body[:200]
        found += len(json.loads(body))
    return found


# ---------------------------------------------------------------- one database


def bench_database(label: str, database_url: str, options) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="quantri-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": database_url.replace("{workdir}", str(workdir)),
        "QUANTRI_VAR_DIR": str(workdir),
        "SECRET_KEY": "bench-" + os.urandom(8).hex(),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "QUANTRI_LOCAL_HTTP": "1",  # plain http on loopback: no redirect to https
        "QUANTRI_FEEDBACK_RATE_LIMIT": "0",  # read by config.settings
        # The per-key limit stays on (it is part of a submission's cost) but out of reach.
        "QUANTRI_OPEN311_RATE_LIMIT": str(10**9),
        "BENCH_LOG": str(workdir / "server.log"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    try:
        return _bench(label, env, options)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _bench(label: str, env: dict, options) -> dict:
    say(f"[{label}] preparing the database (migrate, demo, {options.procedures} procedures)…")
    subprocess.run(
        [sys.executable, __file__, "--prepare", str(options.procedures)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    api_key = subprocess.run(
        [str(BIN / "quantri"), "apikey", "create", "--name", "bench"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    server = Server(env, free_port())
    server.start()
    result = {"database": label}
    try:
        result |= _phases(server, api_key, options)
    finally:
        server.stop()
    return result


def measure(server: Server, seconds: float, threads: int, call) -> tuple[Tally, float]:
    """A load phase, and the server's CPU milliseconds per successful request. The server's
    CPU seconds beside the phase's wall seconds are kept in `server.shares`: the clients
    share the cores with it, so CPU far under cores × wall means other programs took the
    rest, and per-request CPU figures from such a crowded machine run high."""
    before, started = server.cpu_seconds(), time.monotonic()
    tally = run_load(seconds, threads, call)
    used, wall = server.cpu_seconds() - before, time.monotonic() - started
    server.shares.append((used, wall))
    return tally, (1000 * used / tally.ok if tally.ok else float("nan"))


def _phases(server: Server, api_key: str, options) -> dict:
    port, seconds, threads = server.port, options.duration, options.threads
    warm_up(port, api_key, threads)
    say(f"  trivial view, {threads} clients, {seconds:.0f} s…")
    trivial, trivial_cpu = measure(server, seconds, threads, get_call(port, ["/feedback/healthz/"]))
    trivial_share = server.shares[-1]
    say(f"  services.json, {threads} clients, {seconds:.0f} s…")
    services, services_cpu = measure(
        server, seconds, threads, get_call(port, ["/open311/v2/services.json"])
    )
    say(f"  feedback submissions, {threads} clients, {seconds:.0f} s…")
    submissions, submit_cpu = measure(server, seconds, threads, submit_call(port, api_key))
    submit_share = server.shares[-1]
    search, search_cpu = None, None
    if catalogue_installed():
        say(f"  procedure search, 1 client, {seconds:.0f} s…")
        paths = [f"/api/procedures?q={urllib.parse.quote(q)}" for q in SEARCHES]
        search, search_cpu = measure(server, seconds, 1, get_call(port, paths))
    else:
        say("  procedure search skipped: quantri/procedures/models.py is not there")
    killed = _kill_test(server, api_key, threads)
    acknowledged = submissions.codes + killed["codes"]
    say(f"  looking up {len(acknowledged)} acknowledged codes…")
    found = count_found(port, acknowledged)
    return {
        "trivial_rps": trivial.ok / seconds,
        "trivial_errors": trivial.errors,
        "trivial_cpu_ms": trivial_cpu,
        "services_rps": services.ok / seconds,
        "services_errors": services.errors,
        "services_cpu_ms": services_cpu,
        "submit_rps": submissions.ok / seconds,
        "submit_errors": submissions.errors,
        "submit_cpu_ms": submit_cpu,
        "trivial_cpu_wall": "{:.1f} / {:.1f}".format(*trivial_share),
        "submit_cpu_wall": "{:.1f} / {:.1f}".format(*submit_share),
        "submit_ceiling": os.cpu_count() * 1000 / submit_cpu,
        "submit_p50_ms": 1000 * percentile(submissions.latencies, 0.50),
        "submit_p95_ms": 1000 * percentile(submissions.latencies, 0.95),
        "search_p50_ms": 1000 * percentile(search.latencies, 0.50) if search else None,
        "search_p95_ms": 1000 * percentile(search.latencies, 0.95) if search else None,
        "search_cpu_ms": search_cpu,
        "search_errors": search.errors if search else None,
        "search_count": search.ok if search else 0,
        "killed_acknowledged": len(killed["codes"]),
        "killed_failed": killed["failed"],
        "acknowledged": len(acknowledged),
        "found": found,
        "load_average": os.getloadavg()[0],
    }


def warm_up(port: int, api_key: str, threads: int) -> None:
    """Each worker imports and caches much on its first requests (a second or two): not
    what a running server costs, so it is left out of the figures."""
    say("  warming up…")
    paths = ["/feedback/healthz/", "/open311/v2/services.json", "/api/procedures?q=le+hoi"]
    run_load(3, threads, get_call(port, paths))
    run_load(2, threads, submit_call(port, api_key))


def _kill_test(server: Server, api_key: str, threads: int) -> dict:
    """Submissions for a few seconds, SIGKILL mid-load, restart. Requests cut off by the kill
    fail on the client and were never acknowledged; those acknowledged must all be stored."""
    say("  SIGKILL mid-load, restart…")
    stop = threading.Event()
    outcome = {}

    def load():
        outcome["tally"] = run_load(30, threads, submit_call(server.port, api_key), stop)

    loader = threading.Thread(target=load)
    loader.start()
    time.sleep(2 + random.random())
    server.kill()
    time.sleep(0.5)
    stop.set()
    loader.join()
    server.start()
    warm_up(server.port, api_key, threads)
    tally = outcome["tally"]
    return {"codes": tally.codes, "failed": tally.errors}


# ---------------------------------------------------------------- report


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def table(results: list[dict]) -> str:
    def fmt(value, spec):
        return "—" if value is None else format(value, spec)

    rows = [
        ("trivial view /feedback/healthz/ (req/s)", "trivial_rps", ".0f"),
        ("  errors", "trivial_errors", "d"),
        ("  server CPU per request (ms)", "trivial_cpu_ms", ".2f"),
        ("  server CPU / wall of the phase (s)", "trivial_cpu_wall", "s"),
        ("Open311 services.json (req/s)", "services_rps", ".0f"),
        ("  errors", "services_errors", "d"),
        ("  server CPU per request (ms)", "services_cpu_ms", ".2f"),
        ("feedback submissions (per s, goal ≥ 200)", "submit_rps", ".0f"),
        ("  errors (goal 0)", "submit_errors", "d"),
        ("  latency p50 (ms)", "submit_p50_ms", ".1f"),
        ("  latency p95 (ms)", "submit_p95_ms", ".1f"),
        ("  server CPU per submission (ms)", "submit_cpu_ms", ".2f"),
        ("  server CPU / wall of the phase (s)", "submit_cpu_wall", "s"),
        ("  ceiling if the server had every core (/s)", "submit_ceiling", ".0f"),
        ("  submissions / trivial view (per s)", "ratio", ".2f"),
        ("  trivial / submission CPU (goal ≥ 0.3)", "cpu_ratio", ".2f"),
        ("procedure search p50 (ms)", "search_p50_ms", ".1f"),
        ("procedure search p95 (ms, goal < 20)", "search_p95_ms", ".1f"),
        ("  server CPU per search (ms)", "search_cpu_ms", ".2f"),
        ("  searches / errors", "search_summary", "s"),
        ("SIGKILL: acknowledged during the kill run", "killed_acknowledged", "d"),
        ("SIGKILL: requests refused or cut off", "killed_failed", "d"),
        ("acknowledged codes in all", "acknowledged", "d"),
        ("  found after restart (goal: all)", "found", "d"),
        ("machine load average at the end", "load_average", ".1f"),
    ]
    for result in results:
        result["ratio"] = (
            result["submit_rps"] / result["trivial_rps"] if result["trivial_rps"] else None
        )
        result["cpu_ratio"] = (
            result["trivial_cpu_ms"] / result["submit_cpu_ms"] if result["submit_cpu_ms"] else None
        )
        result["search_summary"] = (
            f"{result['search_count']} / {result['search_errors']}"
            if result["search_errors"] is not None
            else None
        )
    width = max(len(r[0]) for r in rows) + 2
    lines = [f"{'':<{width}}" + "".join(f"{r['database']:>14}" for r in results)]
    for label, key, spec in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{fmt(r[key], spec):>14}" for r in results))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--databases",
        nargs="+",
        default=["sqlite", "postgres"],
        choices=["sqlite", "postgres", "current"],
    )
    parser.add_argument("--duration", type=float, default=20, help="seconds per phase")
    parser.add_argument("--threads", type=int, default=8, help="concurrent clients")
    parser.add_argument("--procedures", type=int, default=5000)
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    options = parser.parse_args()
    if options.prepare is not None:
        prepare(options.prepare)
        return
    results = []
    for database in options.databases:
        results += _run(database, options)
    if options.json:
        print(json.dumps(results))
    else:
        print(
            f"gunicorn, 2 workers, loopback; {options.threads} clients; {os.cpu_count()} CPUs; "
            f"{options.duration:.0f} s per phase"
        )
        print(table(results))


def _run(database: str, options) -> list[dict]:
    if database == "sqlite":
        return [
            bench_database(
                "SQLite", f"sqlite:///{{workdir}}/bench.sqlite3?{SQLITE_OPTIONS}", options
            )
        ]
    if database == "current":
        url = os.environ.get("DATABASE_URL", "")
        label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        return [bench_database(label, url or "sqlite:///{workdir}/bench.sqlite3", options)]
    command = [
        str(ROOT / "scripts" / "with_postgres.sh"),
        sys.executable,
        __file__,
        "--databases",
        "current",
        "--json",
        "--duration",
        str(options.duration),
        "--threads",
        str(options.threads),
        "--procedures",
        str(options.procedures),
    ]
    output = subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
