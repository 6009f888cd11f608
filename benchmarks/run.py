"""Drives the benchmark: warm-up, then alternating rounds of wrk runs, then the results table.

wrk (Debian's package) generates the load: it is a real, well-known HTTP load generator written
in C, so the client costs little CPU on a two-core machine and its latency percentiles are
trustworthy. Each run uses one wrk thread and 8 connections.

Besides throughput and latency, each run records the CPU time the application's JVM and the
PostgreSQL server processes spent per request (from /proc, on Linux): on a shared two-core
machine it varies less than throughput, and it shows which side a scenario's time goes to.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BASE = "http://127.0.0.1:8088"
ROUNDS = int(os.environ.get("ROUNDS", "2"))
SECONDS_PER_RUN = int(os.environ.get("SECONDS_PER_RUN", "7"))
WARMUP_SECONDS = int(os.environ.get("WARMUP_SECONDS", "150"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "8"))
IMPLEMENTATIONS = ["restless", "manual", "sdr"]
JSON_API = "application/vnd.api+json"


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        return json.loads(response.read())


def reset_data():
    request = urllib.request.Request(BASE + "/bench/reset", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def wait_until_up():
    deadline = time.time() + 600
    while time.time() < deadline:
        try:
            return get("/bench/size")
        except Exception:
            time.sleep(1)
    sys.exit("the benchmark application did not start; see benchmarks/target/app.log")


def scenarios(people):
    deep_offset = people // 20  # page number of the last page of 20: 5,000 with 100,000 people
    deep_id = people - 20
    cursor = get("/bench/cursor?id=%d" % deep_id)["cursor"]
    return [
        ("GET one by random id", {
            "restless": random_get("/api/people/%d", people, JSON_API),
            "manual": random_get("/manual/people/%d", people, JSON_API),
            "sdr": random_get("/sdr/people/%d", people, "application/hal+json"),
        }),
        ("GET page of 20", {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20", JSON_API),
            "manual": static("GET", "/manual/people?page%5Bsize%5D=20", JSON_API),
            "sdr": static("GET", "/sdr/people?size=20", "application/hal+json"),
        }),
        ("page of 20 without total", {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20&page%5Btotal%5D=false", JSON_API),
            "manual": static("GET", "/manual/people?page%5Bsize%5D=20&page%5Btotal%5D=false", JSON_API),
            "sdr": static("GET", "/sdr/people?size=20", "application/hal+json"),
        }),
        ("filtered, sorted page", {
            "restless": static("GET", "/api/people?filter%5Bobjects%5D=" + quote('[{"name":"age","op":"gt","val":60}]')
                               + "&sort=-birthDate,name&page%5Bsize%5D=20", JSON_API),
            "manual": static("GET", "/manual/people?minAge=60&page%5Bsize%5D=20", JSON_API),
            "sdr": static("GET", "/sdr/people/search/findByAgeGreaterThan?age=60&sort=birthDate,desc&sort=name,asc&size=20",
                          "application/hal+json"),
        }),
        ("page with to-one + to-many include", {
            "restless": static("GET", "/api/computers?page%5Bsize%5D=20&include=owner,owner.computers", JSON_API),
            "manual": static("GET", "/manual/computers?page%5Bsize%5D=20&include=owner,owner.computers", JSON_API),
            "sdr": static("GET", "/sdr/computers?size=20&projection=withOwner", "application/hal+json"),
        }),
        ("offset page 5,000", {
            "restless": static("GET", "/api/people?page%%5Bnumber%%5D=%d&page%%5Bsize%%5D=20" % deep_offset, JSON_API),
            "manual": static("GET", "/manual/people?page%%5Bnumber%%5D=%d&page%%5Bsize%%5D=20" % deep_offset, JSON_API),
            "sdr": static("GET", "/sdr/people?page=%d&size=20" % (deep_offset - 1), "application/hal+json"),
        }),
        ("cursor page at the same depth", {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20&page%5Bafter%5D=" + cursor, JSON_API),
            "manual": static("GET", "/manual/people?page%5Bsize%5D=20&page%5Bafter%5D=" + cursor, JSON_API),
            "sdr": static("GET", "/sdr/people/search/findFirst20ByIdGreaterThanOrderByIdAsc?id=%d" % deep_id,
                          "application/hal+json"),
        }),
        ("POST", {
            "restless": post("/api/people", JSON_API, JSON_API, True),
            "manual": post("/manual/people", JSON_API, JSON_API, True),
            "sdr": post("/sdr/people", "application/json", "application/hal+json", False),
        }),
        ("PATCH with If-Match", {
            "restless": patch("/api/people/%d", JSON_API, people, True, True),
            "manual": patch("/manual/people/%d", JSON_API, people, True, True),
            "sdr": patch("/sdr/people/%d", "application/json", people, False, False),
        }),
    ]


def quote(text):
    return urllib.request.quote(text, safe="")


def random_get(path, people, accept):
    return """
math.randomseed(os.time())
request = function()
  return wrk.format("GET", string.format("%s", math.random(1, %d)), {["Accept"] = "%s"})
end""" % (path, people, accept)


def static(method, path, accept):
    return """
request = function()
  return wrk.format("%s", "%s", {["Accept"] = "%s"})
end""" % (method, path, accept)


def post(path, content_type, accept, json_api):
    if json_api:
        body = '{"data":{"type":"people","attributes":{"name":"Bench %s-%d","email":"b@example.com","age":%d,"city":"Oslo","active":true}}}'
    else:
        body = '{"name":"Bench %s-%d","email":"b@example.com","age":%d,"city":"Oslo","active":true}'
    return """
counter = 0
stamp = tostring(os.time())
request = function()
  counter = counter + 1
  local body = string.format('%s', stamp, counter, 20 + counter %% 50)
  return wrk.format("POST", "%s", {["Content-Type"] = "%s", ["Accept"] = "%s"}, body)
end""" % (body, path, content_type, accept)


def patch(path, content_type, people, json_api, if_match):
    # the age changes on every request, so each PATCH writes a row
    if json_api:
        body = '{"data":{"type":"people","id":"%d","attributes":{"age":%d}}}'
        args = "id, 20 + counter % 60"
    else:
        body = '{"age":%d}'
        args = "20 + counter % 60"
    headers = '["Content-Type"] = "%s", ["Accept"] = "%s"' % (content_type, "*/*")
    if if_match:
        headers += ', ["If-Match"] = "*"'
    return """
math.randomseed(os.time())
counter = 0
request = function()
  counter = counter + 1
  local id = math.random(1, %d)
  local body = string.format('%s', %s)
  return wrk.format("PATCH", string.format("%s", id), {%s}, body)
end""" % (people, body, args, path, headers)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def process_times(pids):
    """CPU seconds (user and system) of each process that is still running, by pid."""
    ticks = os.sysconf("SC_CLK_TCK")
    times = {}
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            times[pid] = (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, ValueError, IndexError):
            pass
    return times


def database_pids():
    pids = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                with open("/proc/%s/comm" % entry) as handle:
                    if handle.read().strip() == "postgres":
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


def cpu_snapshot():
    app = int(os.environ.get("BENCH_APP_PID", "0"))
    return process_times([app] if app else []), process_times(database_pids())


def cpu_spent(before, after):
    """Seconds of CPU between two snapshots, for the processes alive in both."""
    return sum(after[pid] - before[pid] for pid in before if pid in after)


def run_wrk(script, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
        name = handle.name
    try:
        output = subprocess.run(["wrk", "-t1", "-c%d" % CONNECTIONS, "-d%ds" % seconds, "--latency", "-s", name, BASE],
                                capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(name)
    def latency(percent):
        match = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % percent, output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {"rps": rps, "p50": latency(50), "p99": latency(99), "requests": requests,
            "non2xx": int(errors.group(1)) if errors else 0, "socket": socket_errors.group(1) if socket_errors else ""}


def main():
    size = wait_until_up()
    people = size["people"]
    plan = scenarios(people)
    print("Warming up for %ds ..." % WARMUP_SECONDS, flush=True)
    slice_seconds = max(1, WARMUP_SECONDS // (len(plan) * len(IMPLEMENTATIONS)))
    for _, scripts in plan:
        for implementation in IMPLEMENTATIONS:
            run_wrk(scripts[implementation], slice_seconds)
    results = {}
    for round_number in range(ROUNDS):
        for index, (scenario, scripts) in enumerate(plan):
            # rotate the order so that drift of the machine hits all three alike
            order = IMPLEMENTATIONS[(index + round_number) % 3:] + IMPLEMENTATIONS[:(index + round_number) % 3]
            for implementation in order:
                get("/bench/sql")
                app_before, db_before = cpu_snapshot()
                result = run_wrk(scripts[implementation], SECONDS_PER_RUN)
                app_after, db_after = cpu_snapshot()
                requests = max(1, result["requests"])
                result["app_cpu"] = 1000 * cpu_spent(app_before, app_after) / requests
                result["db_cpu"] = 1000 * cpu_spent(db_before, db_after) / requests
                result["sql"] = get("/bench/sql")["statements"] / requests
                reset_data()
                results.setdefault((scenario, implementation), []).append(result)
                print("round %d  %-36s %-8s %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  %5.2f SQL/req  "
                      "CPU ms/req app %.3f db %.3f  non-2xx %d %s" % (
                          round_number + 1, scenario, implementation, result["rps"], result["p50"], result["p99"],
                          result["sql"], result["app_cpu"], result["db_cpu"], result["non2xx"], result["socket"]),
                      flush=True)
    print()
    print(table(plan, results, people))


def table(plan, results, people):
    lines = ["Machine: %s, %d cores, %s; Java %s; PostgreSQL; %d people, %d computers; wrk -t1 -c%d, %d rounds of %ds per scenario and implementation after %ds warm-up."
             % (platform.machine(), os.cpu_count(), platform.platform(), java_version(), people, people * 3, CONNECTIONS,
                ROUNDS, SECONDS_PER_RUN, WARMUP_SECONDS), "",
             "| scenario | implementation | req/s | p50 ms | p99 ms | SQL/req | app CPU ms/req | DB CPU ms/req | non-2xx |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    ratios = ["", "| scenario | Restless/manual (req/s) | Restless/SDR (req/s) |", "|---|---:|---:|"]
    for scenario, _ in plan:
        mean = {}
        for implementation in IMPLEMENTATIONS:
            runs = results[(scenario, implementation)]
            mean[implementation] = statistics.mean(r["rps"] for r in runs)
            lines.append("| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d |" % (
                scenario, implementation, mean[implementation], statistics.median(r["p50"] for r in runs),
                statistics.median(r["p99"] for r in runs), statistics.mean(r["sql"] for r in runs),
                statistics.mean(r["app_cpu"] for r in runs), statistics.mean(r["db_cpu"] for r in runs),
                sum(r["non2xx"] for r in runs)))
        ratios.append("| %s | %.2f | %.2f |" % (scenario, mean["restless"] / mean["manual"], mean["restless"] / mean["sdr"]))
    return "\n".join(lines + ratios)


def java_version():
    try:
        output = subprocess.run([os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java") if os.environ.get("JAVA_HOME") else "java", "-version"],
                                capture_output=True, text=True).stderr
        return output.splitlines()[0]
    except Exception:
        return "unknown"


if __name__ == "__main__":
    main()
