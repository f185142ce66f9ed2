#!/usr/bin/env python3
"""Preview benchmark, whole processes: `ckstudio-cli preview` of ROWS rows x 5 columns to a file versus
Debian's clickhouse-client (native protocol) and curl (HTTP) writing the server's own output of the same
SELECT to a file. Starts its own clickhouse-server on free loopback ports in a temporary directory and fills
a TinyLog table (one read stream, so every reader gets the rows in the same order). The contenders run
interleaved, round by round; prints medians (wall and CPU), peak RSS, the ratios against clickhouse-client
and whether the files are byte-equal. Never a timed assertion: exit 1 only when an output differs or a
process fails.

usage: bench_preview_cli.py CKSTUDIO_CLI [RUNS] [ROWS] [--jsonl] [--other-cli=CKSTUDIO_CLI]
  --other-cli: another build (e.g. the main branch's) timed in the same rounds, as "other build"
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

CONFIG = """<yandex>
  <logger><level>warning</level><log>{d}/server.log</log><errorlog>{d}/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>{http}</http_port>
  <tcp_port>{tcp}</tcp_port>
  <path>{d}/data/</path>
  <tmp_path>{d}/tmp/</tmp_path>
  <user_files_path>{d}/user_files/</user_files_path>
  <format_schema_path>{d}/format_schemas/</format_schema_path>
  <users_config>{d}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <max_concurrent_queries>100</max_concurrent_queries>
  <mark_cache_size>104857600</mark_cache_size>
  <uncompressed_cache_size>104857600</uncompressed_cache_size>
</yandex>
"""
USERS = """<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>::/0</ip></networks><profile>default</profile>
    <quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
"""
# The columns of tests/bench/bench_preview.cpp (43.5 MB of TSV for 1M rows).
FILL = ("INSERT INTO bench.t SELECT number AS id, toString(number * 7919) AS s, "
        "toUInt32(number % 65536) AS small, concat('user_', toString(number % 1000)) AS u, "
        "toDate('2024-01-01') + number % 365 AS d FROM system.numbers LIMIT {rows}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find(program, extra=("/usr/sbin", "/usr/bin")):
    found = shutil.which(program) or next(
        (os.path.join(d, program) for d in extra if os.access(os.path.join(d, program), os.X_OK)), None)
    if not found:
        sys.exit(f"{program} is not installed (packaging/install-deps.sh installs it)")
    return found


class Server:
    def __init__(self, directory):
        self.dir = directory
        self.http = free_port()
        self.tcp = free_port()
        with open(os.path.join(directory, "config.xml"), "w") as f:
            f.write(CONFIG.format(d=directory, http=self.http, tcp=self.tcp))
        with open(os.path.join(directory, "users.xml"), "w") as f:
            f.write(USERS)
        self.log = open(os.path.join(directory, "stdout.log"), "w")
        self.process = subprocess.Popen(
            [find("clickhouse-server"), f"--config-file={directory}/config.xml"], cwd=directory,
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if self.query("SELECT 1").strip() == b"1":
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit("clickhouse-server did not come up; see its log in " + directory)

    def url(self):
        return f"http://127.0.0.1:{self.http}/"

    def query(self, sql):
        with urllib.request.urlopen(self.url(), data=sql.encode(), timeout=300) as answer:
            return answer.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def run(argv, stdout_path=None):
    """(wall s, cpu s, peak RSS bytes) of one whole process; exits when it fails."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    err = process.stderr.read()
    process.stderr.close()
    if stdout_path:
        out.close()
    if process.returncode != 0:
        sys.exit(f"{argv[0]} failed ({process.returncode}): {err.decode(errors='replace')[:800]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def same_file(a, b):
    if os.path.getsize(a) != os.path.getsize(b):
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def compare(title, contenders, runs, tmp):
    """contenders: [(name, argv, stdout?)]; the first is ours, the second the baseline."""
    results = {name: [] for name, _, _ in contenders}
    files = {}
    for round_ in range(runs):
        # Interleaved, and each round in a rotated order, so that a slow moment hits every contender alike.
        order = contenders[round_ % len(contenders):] + contenders[:round_ % len(contenders)]
        for name, argv, to_stdout in order:
            path = os.path.join(tmp, f"{title}-{name}.out")
            files[name] = path
            if to_stdout:
                results[name].append(run(argv, path))
            else:
                results[name].append(run([a.replace("{OUT}", path) for a in argv]))
    base_name = contenders[1][0]
    size = os.path.getsize(files[base_name])
    print(f"\n{title}: {size / 1e6:.1f} MB, {runs} runs each (interleaved), medians:")
    medians = {}
    for name, _, _ in contenders:
        wall = statistics.median(r[0] for r in results[name])
        cpu = statistics.median(r[1] for r in results[name])
        rss = statistics.median(r[2] for r in results[name])
        medians[name] = (wall, cpu, rss)
        print(f"  {name:<18} wall {wall * 1000:7.0f} ms (min {min(r[0] for r in results[name]) * 1000:5.0f})"
              f"  cpu {cpu * 1000:7.0f} ms  peak RSS {rss / 1e6:6.1f} MB = {rss / size:.2f} x the output")
    ours = contenders[0][0]
    for name, _, _ in contenders[1:]:
        print(f"  ratio {ours} / {name}: wall {medians[ours][0] / medians[name][0]:.2f}x, "
              f"cpu {medians[ours][1] / medians[name][1]:.2f}x")
    equal = True
    for name, _, _ in contenders[1:]:
        same = same_file(files[ours], files[name])
        equal = equal and same
        print(f"  {ours} output byte-equal to {name}'s: {'yes' if same else 'NO'}")
    return equal


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    cli = os.path.abspath(args[0])
    runs = int(args[1]) if len(args) > 1 else 7
    rows = int(args[2]) if len(args) > 2 else 1000000
    other = next((os.path.abspath(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--other-cli=")), None)
    client, curl = find("clickhouse-client"), find("curl")
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench_preview_cli.") as tmp:
        server = Server(tmp)
        try:
            server.query("CREATE DATABASE bench")
            server.query("CREATE TABLE bench.t (id UInt64, s String, small UInt32, u String, d Date) "
                         "ENGINE = TinyLog")
            server.query(FILL.format(rows=rows))
            version = server.query("SELECT version()").decode().strip()
            print(f"clickhouse-server {version}, {rows} rows x 5 columns, load average "
                  f"{os.getloadavg()[0]:.1f}")
            select = f"SELECT * FROM bench.t LIMIT {rows}"
            ck = [cli, "preview", "--clickhouse-url", server.url(), "--table", "bench.t", "--limit",
                  str(rows), "--output", "{OUT}", "--format"]
            def others(fmt):
                if not other:
                    return []
                return [("other build", [other] + ck[1:] + [fmt], False)]

            http = server.url() + "?" + urllib.parse.urlencode({"query": select + " FORMAT TabSeparated"})
            ok &= compare("tsv", [
                ("ckstudio-cli", ck + ["tsv"], False),
                ("clickhouse-client", [client, "--port", str(server.tcp), "--query",
                                       select + " FORMAT TabSeparated"], True),
                ("curl", [curl, "-sS", "--fail", "-o", "{OUT}", http], False),
            ] + others("tsv"), runs, tmp)
            if "--jsonl" in sys.argv:
                ok &= compare("jsonl", [
                    ("ckstudio-cli", ck + ["jsonl"], False),
                    ("clickhouse-client", [client, "--port", str(server.tcp), "--query",
                                           select + " FORMAT JSONEachRow"], True),
                ] + others("jsonl"), runs, tmp)
        finally:
            server.stop()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
