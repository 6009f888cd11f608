"""Drives the benchmark: warm-up, then alternating rounds of wrk runs, then the results table.

wrk (Debian's package) generates the load: it is a real, well-known HTTP load generator written
in C, so the client costs little CPU on a two-core machine and its latency percentiles are
trustworthy. Each run uses one wrk thread and 8 connections.

Two JVMs serve the four implementations: the main benchmark application (Restless, Spring Data
REST and the hand-written baseline, port 8088) and the Elide application (port 8089). Besides
throughput and latency, each run records the CPU time that the JVM which served it and the
PostgreSQL server processes spent per request (from /proc, on Linux): on a shared two-core machine
it varies less than throughput, and it shows which side a scenario's time goes to. It also records
the bytes the serving JVM's request threads allocated per request.
"""
import base64
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
ELIDE_BASE = "http://127.0.0.1:8089"
ROUNDS = int(os.environ.get("ROUNDS", "2"))
SECONDS_PER_RUN = int(os.environ.get("SECONDS_PER_RUN", "6"))
WARMUP_SECONDS = int(os.environ.get("WARMUP_SECONDS", "330"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "8"))
# "elide" needs the Elide application (benchmarks/elide), which run.sh starts on PostgreSQL only
IMPLEMENTATIONS = [i for i in os.environ.get("IMPLEMENTATIONS", "restless,manual,sdr,elide").split(",") if i]
# The Elide JVM serves one implementation where the main JVM serves three: in the warm-up it gets
# twice an implementation's share of the load, so each JVM's JIT gets a good part of the warm-up.
WARMUP_WEIGHT = {"elide": 2}
JSON_API = "application/vnd.api+json"


def base_of(implementation):
    return ELIDE_BASE if implementation == "elide" else BASE


def pid_of(implementation):
    return int(os.environ.get("ELIDE_APP_PID" if implementation == "elide" else "BENCH_APP_PID", "0"))


def get(path, base=BASE):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.loads(response.read())


def reset_data():
    # The main application's reset removes the rows POST added through either application (both
    # draw ids from the same sequences, above the seeded ones) and vacuums the tables.
    request = urllib.request.Request(BASE + "/bench/reset", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def wait_until_up():
    deadline = time.time() + 600
    size = None
    while time.time() < deadline:
        try:
            size = size or get("/bench/size")
            if "elide" in IMPLEMENTATIONS:
                get("/bench/sql", ELIDE_BASE)
            return size
        except Exception:
            time.sleep(1)
    sys.exit("the benchmark applications did not start; see benchmarks/target/app.log and "
             "benchmarks/elide/target/app.log")


def elide_cursor(person_id):
    """Elide's cursor of a person in its default cursor order (by id): base64url of the keyset."""
    keyset = json.dumps({"id": str(person_id)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(keyset).decode().rstrip("=")


WITHOUT_TOTAL = "page of 20 without total"
ESTIMATED_TOTAL = "page of 20 with estimated total"
ESTIMATED_EACH_TIME = "page of 20, estimated anew each time"
# the scenarios that change the tables: the data is reset after each of their runs (reads leave
# nothing to reset, so they skip the half second a reset and its vacuum take)
WRITES = {"POST", "PATCH with If-Match"}


def scenarios(people):
    """Each scenario's wrk script per implementation; a scenario may leave implementations out.

    Elide's requests ask for what Restless's documents hold: page[totals] where Restless gives a
    total, and sort=id where Restless's default order (by id) decides which rows a page holds
    (Elide adds no order of its own, and PostgreSQL then returns the rows of a join in any order).
    """
    deep_offset = people // 20  # page number of the last page of 20: 5,000 with 100,000 people
    deep_id = people - 20
    cursor = get("/bench/cursor?id=%d" % deep_id)["cursor"]
    return [
        ("GET one by random id", {
            "restless": random_get("/api/people/%d", people, JSON_API),
            "manual": random_get("/manual/people/%d", people, JSON_API),
            "sdr": random_get("/sdr/people/%d", people, "application/hal+json"),
            "elide": random_get("/elide/people/%d", people, JSON_API),
        }),
        ("GET page of 20", {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20", JSON_API),
            "manual": static("GET", "/manual/people?page%5Bsize%5D=20", JSON_API),
            "sdr": static("GET", "/sdr/people?size=20", "application/hal+json"),
            "elide": static("GET", "/elide/people?page%5Bsize%5D=20&page%5Btotals%5D&sort=id", JSON_API),
        }),
        (WITHOUT_TOTAL, {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20&page%5Btotal%5D=false", JSON_API),
            "manual": static("GET", "/manual/people?page%5Bsize%5D=20&page%5Btotal%5D=false", JSON_API),
            "sdr": static("GET", "/sdr/people?size=20", "application/hal+json"),
            "elide": static("GET", "/elide/people?page%5Bsize%5D=20&sort=id", JSON_API),
        }),
        (ESTIMATED_TOTAL, {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20&page%5Btotal%5D=estimated", JSON_API),
        }),
        # a filter every row passes, with a value of its own on each request: a new query, so the
        # estimate kept for the same query is no help, and an EXPLAIN runs each time
        (ESTIMATED_EACH_TIME, {
            "restless": random_get(("/api/people?page%5Bsize%5D=20&page%5Btotal%5D=estimated&filter%5Bobjects%5D="
                                    + quote('[{"name":"id","op":"gt","val":-NUMBER}]')).replace("%", "%%")
                                   .replace("NUMBER", "%d"), people, JSON_API),
        }),
        ("filtered, sorted page", {
            "restless": static("GET", "/api/people?filter%5Bobjects%5D=" + quote('[{"name":"age","op":"gt","val":60}]')
                               + "&sort=-birthDate,name&page%5Bsize%5D=20", JSON_API),
            "manual": static("GET", "/manual/people?minAge=60&page%5Bsize%5D=20", JSON_API),
            "sdr": static("GET", "/sdr/people/search/findByAgeGreaterThan?age=60&sort=birthDate,desc&sort=name,asc&size=20",
                          "application/hal+json"),
            "elide": static("GET", "/elide/people?filter%5Bpeople%5D=" + quote("age=gt=60")
                            + "&sort=-birthDate,name&page%5Bsize%5D=20&page%5Btotals%5D", JSON_API),
        }),
        ("page with to-one + to-many include", {
            "restless": static("GET", "/api/computers?page%5Bsize%5D=20&include=owner,owner.computers", JSON_API),
            "manual": static("GET", "/manual/computers?page%5Bsize%5D=20&include=owner,owner.computers", JSON_API),
            "sdr": static("GET", "/sdr/computers?size=20&projection=withOwner", "application/hal+json"),
            "elide": static("GET", "/elide/computers?page%5Bsize%5D=20&page%5Btotals%5D&sort=id&include=owner,owner.computers",
                            JSON_API),
        }),
        ("offset page 5,000", {
            "restless": static("GET", "/api/people?page%%5Bnumber%%5D=%d&page%%5Bsize%%5D=20" % deep_offset, JSON_API),
            "manual": static("GET", "/manual/people?page%%5Bnumber%%5D=%d&page%%5Bsize%%5D=20" % deep_offset, JSON_API),
            "sdr": static("GET", "/sdr/people?page=%d&size=20" % (deep_offset - 1), "application/hal+json"),
            "elide": static("GET", "/elide/people?page%%5Bnumber%%5D=%d&page%%5Bsize%%5D=20&page%%5Btotals%%5D&sort=id"
                            % deep_offset, JSON_API),
        }),
        ("cursor page at the same depth", {
            "restless": static("GET", "/api/people?page%5Bsize%5D=20&page%5Bafter%5D=" + cursor, JSON_API),
            "manual": static("GET", "/manual/people?page%5Bsize%5D=20&page%5Bafter%5D=" + cursor, JSON_API),
            "sdr": static("GET", "/sdr/people/search/findFirst20ByIdGreaterThanOrderByIdAsc?id=%d" % deep_id,
                          "application/hal+json"),
            "elide": static("GET", "/elide/people?page%5Bsize%5D=20&page%5Bafter%5D=" + elide_cursor(deep_id), JSON_API),
        }),
        ("POST", {
            "restless": post("/api/people", JSON_API, JSON_API, True),
            "manual": post("/manual/people", JSON_API, JSON_API, True),
            "sdr": post("/sdr/people", "application/json", "application/hal+json", False),
            "elide": post("/elide/people", JSON_API, JSON_API, True),
        }),
        ("PATCH with If-Match", {
            "restless": patch("/api/people/%d", JSON_API, people, True, True),
            "manual": patch("/manual/people/%d", JSON_API, people, True, True),
            "sdr": patch("/sdr/people/%d", "application/json", people, False, False),
            # Elide ignores If-Match: the same request, run unconditionally
            "elide": patch("/elide/people/%d", JSON_API, people, True, True),
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


def cpu_snapshot(implementation):
    """CPU seconds so far of the JVM that serves the implementation and of PostgreSQL."""
    app = pid_of(implementation)
    return process_times([app] if app else []), process_times(database_pids())


def cpu_spent(before, after):
    """Seconds of CPU between two snapshots, for the processes alive in both."""
    return sum(after[pid] - before[pid] for pid in before if pid in after)


def allocation_snapshot(implementation):
    """Bytes allocated so far by each request thread of the JVM that serves the implementation."""
    return get("/bench/alloc", base_of(implementation))["threads"]


def allocated(before, after):
    """Bytes the request threads allocated between two snapshots; a thread that started in
    between allocated all of its bytes in between (one that ended is not seen: a lower bound)."""
    return sum(bytes_ - before.get(thread, 0) for thread, bytes_ in after.items())


def reading_allocation(implementation):
    """What reading the allocation costs the request threads: from the point where one reading
    takes its snapshot to where the next takes its own, the tail of one reading request and the
    head of the next are counted too. Subtracted from every run's figure."""
    snapshots = [allocation_snapshot(implementation) for _ in range(5)]
    return statistics.median(allocated(a, b) for a, b in zip(snapshots, snapshots[1:]))


def run_wrk(script, seconds, base=BASE):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
        name = handle.name
    try:
        output = subprocess.run(["wrk", "-t1", "-c%d" % CONNECTIONS, "-d%ds" % seconds, "--latency", "-s", name, base],
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
    started = time.time()
    size = wait_until_up()
    up = time.time()
    print("Applications up after %.0fs" % (up - started), flush=True)
    people = size["people"]
    plan = [(scenario, {i: script for i, script in scripts.items() if i in IMPLEMENTATIONS})
            for scenario, scripts in scenarios(people)]
    plan = [(scenario, scripts) for scenario, scripts in plan if scripts]
    print("Warming up for %ds ..." % WARMUP_SECONDS, flush=True)
    # Alternate between the JVMs, scenario by scenario, so that each JVM's JIT compiler can go on
    # working while the other serves.
    shares = sum(WARMUP_WEIGHT.get(i, 1) for _, scripts in plan for i in scripts)
    for _, scripts in plan:
        for implementation in IMPLEMENTATIONS:
            if implementation in scripts:
                seconds = max(1, round(WARMUP_SECONDS * WARMUP_WEIGHT.get(implementation, 1) / shares))
                run_wrk(scripts[implementation], seconds, base_of(implementation))
    reset_data()
    warmed = time.time()
    reading = {i: reading_allocation(i) for i in IMPLEMENTATIONS}
    results = {}
    for round_number in range(ROUNDS):
        for index, (scenario, scripts) in enumerate(plan):
            # rotate the order so that drift of the machine hits all implementations alike
            present = [i for i in IMPLEMENTATIONS if i in scripts]
            turn = (index + round_number) % len(present)
            for implementation in present[turn:] + present[:turn]:
                base = base_of(implementation)
                get("/bench/sql", base)
                alloc_before = allocation_snapshot(implementation)
                app_before, db_before = cpu_snapshot(implementation)
                result = run_wrk(scripts[implementation], SECONDS_PER_RUN, base)
                app_after, db_after = cpu_snapshot(implementation)
                alloc_after = allocation_snapshot(implementation)
                requests = max(1, result["requests"])
                result["app_cpu"] = 1000 * cpu_spent(app_before, app_after) / requests
                result["db_cpu"] = 1000 * cpu_spent(db_before, db_after) / requests
                result["alloc"] = max(0, allocated(alloc_before, alloc_after) - reading[implementation]) / requests / 1024
                result["sql"] = get("/bench/sql", base)["statements"] / requests
                if scenario in WRITES:
                    reset_data()
                results.setdefault((scenario, implementation), []).append(result)
                print("round %d  %-36s %-8s %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  %5.2f SQL/req  "
                      "CPU ms/req app %.3f db %.3f  alloc %.1f KB/req  non-2xx %d %s" % (
                          round_number + 1, scenario, implementation, result["rps"], result["p50"], result["p99"],
                          result["sql"], result["app_cpu"], result["db_cpu"], result["alloc"], result["non2xx"],
                          result["socket"]),
                      flush=True)
    print("Warm-up took %.0fs, the rounds %.0fs" % (warmed - up, time.time() - warmed))
    print()
    print(table(plan, results, people))


RATIOS = [("manual", "Restless/manual"), ("sdr", "Restless/SDR"), ("elide", "Restless/Elide")]


def table(plan, results, people):
    lines = ["Machine: %s, %d cores, %s; Java %s; PostgreSQL; %d people, %d computers; wrk -t1 -c%d, %d rounds of %ds per scenario and implementation after %ds warm-up%s."
             % (platform.machine(), os.cpu_count(), platform.platform(), java_version(), people, people * 3, CONNECTIONS,
                ROUNDS, SECONDS_PER_RUN, WARMUP_SECONDS,
                "; Elide %s in its own JVM" % elide_version() if "elide" in IMPLEMENTATIONS else ""), "",
             "| scenario | implementation | req/s | p50 ms | p99 ms | SQL/req | app CPU ms/req | DB CPU ms/req | alloc KB/req | non-2xx |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    compared = [(i, title) for i, title in RATIOS if i in IMPLEMENTATIONS]
    ratios = ["", "| scenario | " + " | ".join("%s (req/s)" % title for _, title in compared) + " |",
              "|---|" + "---:|" * len(compared)]
    summary = {}
    for scenario, scripts in plan:
        mean = {}
        for implementation in IMPLEMENTATIONS:
            if implementation not in scripts:
                continue
            runs = results[(scenario, implementation)]
            mean[implementation] = statistics.mean(r["rps"] for r in runs)
            summary[(scenario, implementation)] = {
                "rps": mean[implementation], "p50": statistics.median(r["p50"] for r in runs),
                "app_cpu": statistics.mean(r["app_cpu"] for r in runs),
                "db_cpu": statistics.mean(r["db_cpu"] for r in runs),
                "rounds": [r["rps"] for r in runs],
                "requests": sum(r["requests"] for r in runs), "non2xx": sum(r["non2xx"] for r in runs)}
            lines.append("| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %d |" % (
                scenario, implementation, mean[implementation], statistics.median(r["p50"] for r in runs),
                statistics.median(r["p99"] for r in runs), statistics.mean(r["sql"] for r in runs),
                statistics.mean(r["app_cpu"] for r in runs), statistics.mean(r["db_cpu"] for r in runs),
                statistics.mean(r["alloc"] for r in runs), sum(r["non2xx"] for r in runs)))
        if "restless" in mean and len(mean) > 1:
            ratios.append("| %s | %s |" % (scenario, " | ".join(
                "%.2f" % (mean["restless"] / mean[i]) if mean.get(i) else "–" for i, _ in compared)))
    targets = peer_targets(plan, summary) + estimated_total_target(summary)
    if targets:
        targets = ["", "| target | measured | met? |", "|---|---|---|"] + targets
    return "\n".join(lines + ratios + targets)


def mostly_failed(measured):
    """Whether most of a measurement's requests were answered non-2xx: its figures measure errors."""
    return measured["non2xx"] * 2 > measured["requests"]


def peer_targets(plan, summary):
    """The targets against the other implementations, each over every scenario they share with
    Restless: its throughput ahead of the peers' and at least 0.9 of the hand-written baseline's,
    and its application CPU per request at most half the best peer's. A measurement that cannot
    be compared (no requests served, most of them answered non-2xx, no CPU reading) is left out."""
    def usable(measured, figure):
        return measured[figure] > 0 and not mostly_failed(measured)
    def ratios(ratio_of, implementations, figure):
        """(ratio, scenario) for each scenario Restless shares with the implementations."""
        found = []
        for scenario, _ in plan:
            restless = summary.get((scenario, "restless"))
            others = [summary[(scenario, i)] for i in implementations
                      if (scenario, i) in summary and usable(summary[(scenario, i)], figure)]
            if restless and usable(restless, figure) and others:
                found.append((ratio_of(restless, others), scenario))
        return found
    peers = [i for i in ("sdr", "elide") if i in IMPLEMENTATIONS]
    names = " and ".join({"sdr": "Spring Data REST", "elide": "Elide"}[i] for i in peers)
    lines = []
    ahead = ratios(lambda r, others: min(r["rps"] / o["rps"] for o in others), peers, "rps")
    if ahead:
        low = min(ahead)
        lines.append("| Restless ahead of %s in every scenario | lowest req/s ratio %.2f (%s) | %s |"
                     % (names, low[0], low[1], "yes" if low[0] > 1 else "no"))
    baseline = ratios(lambda r, others: r["rps"] / others[0]["rps"], ["manual"], "rps")
    if baseline:
        low = min(baseline)
        lines.append("| Restless at least 0.9 of the hand-written baseline in every scenario | lowest req/s ratio %.2f (%s) | %s |"
                     % (low[0], low[1], "yes" if low[0] >= 0.9 else "no"))
    cpu = ratios(lambda r, others: r["app_cpu"] / min(o["app_cpu"] for o in others), peers, "app_cpu")
    if cpu:
        high = max(cpu)
        lines.append("| Restless's app CPU per request at most 0.5 of the best peer's in every scenario | highest ratio %.2f (%s) | %s |"
                     % (high[0], high[1], "yes" if high[0] <= 0.5 else "no"))
    return lines


def estimated_total_target(summary):
    """Restless's page with an estimated total against its page without total: the target is
    within 1.2 times, in throughput (over the run and in every round) and in median latency."""
    estimated = summary.get((ESTIMATED_TOTAL, "restless"))
    without = summary.get((WITHOUT_TOTAL, "restless"))
    if not estimated or not without:
        return []
    target = "Restless's page of 20 with estimated total within 1.2x of its page without total"
    if mostly_failed(estimated):
        return ["| %s | not measured: %d of %d requests answered non-2xx | no |"
                        % (target, estimated["non2xx"], estimated["requests"])]
    throughput = without["rps"] / estimated["rps"] if estimated["rps"] else float("inf")
    latency = estimated["p50"] / without["p50"] if without["p50"] else float("inf")
    # Round by round too: a slow spell of the machine that slows both alike pulls a mean of
    # rounds towards 1.
    per_round = [w / e if e else float("inf") for w, e in zip(without["rounds"], estimated["rounds"])]
    cpu = lambda summary: summary["app_cpu"] + summary["db_cpu"]
    met = throughput <= 1.2 and latency <= 1.2 and all(ratio <= 1.2 for ratio in per_round)
    return ["| %s | req/s %.0f against %.0f (%.2fx; by round %s); p50 %.2f against %.2f ms (%.2fx); app + DB CPU %.2f against %.2f ms/req (%.2fx) | %s |"
            % (target, estimated["rps"], without["rps"], throughput, ", ".join("%.2fx" % r for r in per_round),
               estimated["p50"], without["p50"], latency,
               cpu(estimated), cpu(without), cpu(estimated) / cpu(without) if cpu(without) else float("inf"),
               "yes" if met else "no")]


def elide_version():
    try:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "elide", "pom.xml")) as handle:
            return re.search(r"<elide.version>([^<]+)</elide.version>", handle.read()).group(1)
    except (OSError, AttributeError):
        return "unknown"


def java_version():
    try:
        output = subprocess.run([os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java") if os.environ.get("JAVA_HOME") else "java", "-version"],
                                capture_output=True, text=True).stderr
        return output.splitlines()[0]
    except Exception:
        return "unknown"


if __name__ == "__main__":
    main()
