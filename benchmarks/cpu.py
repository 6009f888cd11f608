"""CPU time per request of one URL, by JVM thread group and for PostgreSQL.

Runs wrk (one thread, 8 connections) against a URL of the running benchmark application and
prints, per request served, the CPU time (user and system, from /proc) of each group of the
JVM's threads (request threads, JIT compilers, GC, ...) and of the PostgreSQL server processes.
It tells the work of the request threads from the JVM's background work, which throughput and
whole-process figures mix. Linux only.

    java -Xms1g -Xmx1g -jar benchmarks/target/restless-benchmarks.jar &
    python3 benchmarks/cpu.py '/api/people?page%5Bsize%5D=20' 15

METHOD=PATCH sends the benchmark's PATCH (a random person's age, with If-Match) to a URL with %d
for the person's id, as the PATCH scenario does:

    METHOD=PATCH python3 benchmarks/cpu.py '/api/people/%d' 15
    METHOD=PATCH python3 benchmarks/cpu.py '/floor/people/%d' 15

PORT chooses the application (8088, the default, is the benchmark application; 8089 the Elide
one), and the JVM measured is the one listening there; PID names another process to measure:

    java -Xms1g -Xmx1g -jar benchmarks/elide/target/restless-benchmarks-elide.jar &
    PORT=8089 python3 benchmarks/cpu.py '/elide/people?page%5Bsize%5D=20&sort=id' 15
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

import run
from run import CONNECTIONS, database_pids, process_times

TICKS = os.sysconf("SC_CLK_TCK")
PORT = int(os.environ.get("PORT", "8088"))
METHOD = os.environ.get("METHOD", "GET")
# Tomcat's request threads (Linux cuts thread names at 15 characters: "http-nio-8088-e"), and the
# executor Elide runs its requests on
REQUEST_THREADS = re.compile(r"^(http-nio-\d+-e|task)$")
JARS = {8088: r"restless-benchmarks\.jar", 8089: r"restless-benchmarks-elide\.jar"}


def application_pid():
    if os.environ.get("PID"):
        return int(os.environ["PID"])
    # The process listening on the port: the JVM itself, not a shell that started it.
    listening = subprocess.run(["ss", "-Hltnp", "sport = :%d" % PORT], capture_output=True, text=True).stdout
    found = re.findall(r"pid=(\d+)", listening)
    if not found and PORT in JARS:
        found = subprocess.run(["pgrep", "-f", r"^\S*java .*" + JARS[PORT]], capture_output=True,
                               text=True).stdout.split()
    if not found:
        sys.exit("no application is listening on port %d" % PORT)
    return int(found[0])


def thread_times(pid):
    """CPU seconds by thread group: thread names without their trailing numbers."""
    groups = collections.Counter()
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, task)) as handle:
                name = re.sub(r"[-#]?\d+$", "", handle.read().strip())
            with open("/proc/%d/task/%s/stat" % (pid, task)) as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            groups[(task, name)] = (int(fields[11]) + int(fields[12])) / TICKS
        except OSError:
            pass
    return groups


def main():
    url = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    accept = sys.argv[3] if len(sys.argv) > 3 else "application/vnd.api+json"
    pid = application_pid()
    threads_before, db_before = thread_times(pid), process_times(database_pids())
    command = ["wrk", "-t1", "-c%d" % CONNECTIONS, "-d%ds" % seconds]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if METHOD == "PATCH":
            # the people the benchmark application seeded, whichever application is measured
            script.write(run.patch(url, "application/vnd.api+json", run.get("/bench/size")["people"], True, True))
            script.flush()
            command += ["-s", script.name, "http://127.0.0.1:%d" % PORT]
        else:
            command += ["-H", "Accept: " + accept, "http://127.0.0.1:%d" % PORT + url]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if failed:
        print("%s responses were not 2xx" % failed.group(1))
    threads_after, db_after = thread_times(pid), process_times(database_pids())
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    print("%s %s: %d requests, %.1f req/s" % (METHOD, url, requests, requests / seconds))
    spent = collections.Counter()
    for key, after in threads_after.items():
        # HotSpot starts compiler and GC threads as it needs them: one that started during the run
        # spent all its time in it. One that ended during the run is not seen (a lower bound).
        spent[key[1]] += after - threads_before.get(key, 0)
    serving = sum(spent[group] for group in spent if REQUEST_THREADS.match(group))
    print("  %-24s %.3f ms/request" % ("(request threads)", 1000 * serving / requests))
    for group, seconds_spent in spent.most_common():
        if seconds_spent > 0:
            print("  %-24s %.3f ms/request" % (group, 1000 * seconds_spent / requests))
    database = sum(db_after[p] - db_before[p] for p in db_before if p in db_after)
    print("  %-24s %.3f ms/request" % ("PostgreSQL", 1000 * database / requests))


if __name__ == "__main__":
    main()
