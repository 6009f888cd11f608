"""The start-up benchmark: what Restless adds to the start-up of an application, by model size.

For each number of entities N it generates N simple entities (an @Id, a @Version, seven
attributes of common types with getters and setters, a to-one relationship to the next entity
and the to-many relationship back from it, all @ExposedResource), compiles them against the
benchmark module's classes and libraries, and starts StartupApplication over them on in-memory
H2 in a fresh JVM, alternately with Restless (restless.enabled=true) and without it
(restless.enabled=false), several times each (REPEATS; by default 7, and 5 for the models of
more than 200 entities, whose runs take 15 to 30 seconds each). Each run exits as soon as the
application is ready and prints the CPU time the whole process has spent and the main thread's
CPU time for creating Restless's beans; Restless's own start-up summary gives the CPU time its
registry took to build. The report gives medians and ranges: on a shared two-core machine the
process CPU of a start-up varies by several per cent from run to run.

    python3 benchmarks/startup.py                 # N = 10, 200 and 1,000
    SIZES="10 200" REPEATS=5 python3 benchmarks/startup.py
    STARTUP_JAR=/tmp/restless-benchmarks.jar python3 benchmarks/startup.py   # another build

Run it through benchmarks/startup.sh, which builds the module first.
"""
import collections
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.abspath(__file__))
# Another build of the module (say, of an earlier commit) can be measured with STARTUP_JAR.
JAR = os.environ.get("STARTUP_JAR", os.path.join(ROOT, "target", "restless-benchmarks.jar"))
WORK = os.path.join(ROOT, "target", "startup")
SIZES = [int(size) for size in os.environ.get("SIZES", "10 200 1000").split()]
REPEATS = os.environ.get("REPEATS")
JVM_OPTS = os.environ.get("STARTUP_JVM_OPTS", "-Xms1g -Xmx1g").split()
JAVA_HOME = os.environ.get("JAVA_HOME")
JAVA = os.path.join(JAVA_HOME, "bin", "java") if JAVA_HOME else "java"
JAVAC = os.path.join(JAVA_HOME, "bin", "javac") if JAVA_HOME else "javac"
PACKAGE = "dev.restless.benchmarks.startup.model"
MAIN = "dev.restless.benchmarks.startup.StartupApplication"

RESULT = re.compile(r"startup-benchmark entities=(\d+) restless=(\w+) process-cpu-ms=(\d+) "
                    r"main-thread-cpu-ms=(\d+) uptime-ms=(\d+) restless-beans-cpu-ms=(\d+)")
REGISTRY = re.compile(r"Restless serves \d+ resources? under .* \(registry built in (\d+) ms of CPU\)")

# One start-up, in milliseconds; registry is None without Restless.
Run = collections.namedtuple("Run", "process_cpu main_thread_cpu ready_after registry restless_beans entities")

ENTITY = """package {package};

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

@Entity
@ExposedResource
public class {name} {{

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private long version;

	private String title;

	private String description;

	private int quantity;

	private BigDecimal price;

	private boolean active;

	private LocalDate startsOn;

	private Instant updatedAt;

	@ManyToOne(fetch = FetchType.LAZY)
	private {next} next;

	@OneToMany(mappedBy = "next")
	private List<{previous}> previous = new ArrayList<>();

{accessors}
}}
"""

FIELDS = [("Long", "id"), ("long", "version"), ("String", "title"), ("String", "description"),
          ("int", "quantity"), ("BigDecimal", "price"), ("boolean", "active"), ("LocalDate", "startsOn"),
          ("Instant", "updatedAt"), ("{next}", "next"), ("List<{previous}>", "previous")]


def entity_name(index):
    return "Entity%04d" % index


def entity_source(index, count):
    names = {"next": entity_name((index + 1) % count), "previous": entity_name((index - 1) % count)}
    accessors = []
    for java_type, field in FIELDS:
        java_type = java_type.format(**names)
        suffix = field[0].upper() + field[1:]
        getter = ("is" if java_type == "boolean" else "get") + suffix
        accessors.append("\tpublic %s %s() {\n\t\treturn this.%s;\n\t}\n" % (java_type, getter, field))
        accessors.append("\tpublic void set%s(%s %s) {\n\t\tthis.%s = %s;\n\t}\n" % (suffix, java_type, field, field, field))
    return ENTITY.format(package=PACKAGE, name=entity_name(index), accessors="\n".join(accessors), **names)


def unpack_application():
    """The repackaged jar's classes and libraries, unpacked to run on a plain class path."""
    application = os.path.join(WORK, "app")
    shutil.rmtree(application, ignore_errors=True)
    with zipfile.ZipFile(JAR) as jar:
        for member in jar.namelist():
            if member.startswith("BOOT-INF/"):
                jar.extract(member, application)
    return os.path.join(application, "BOOT-INF", "classes"), os.path.join(application, "BOOT-INF", "lib", "*")


def compile_model(count, class_path):
    """Generate and compile N entities; returns the directory of their classes."""
    model = os.path.join(WORK, "model-%d" % count)
    shutil.rmtree(model, ignore_errors=True)
    sources = os.path.join(model, "src", *PACKAGE.split("."))
    classes = os.path.join(model, "classes")
    os.makedirs(sources)
    os.makedirs(classes)
    files = []
    for index in range(count):
        path = os.path.join(sources, entity_name(index) + ".java")
        with open(path, "w") as source:
            source.write(entity_source(index, count))
        files.append(path)
    arguments = os.path.join(model, "javac-arguments")
    with open(arguments, "w") as listing:
        listing.write("\n".join(files))
    subprocess.run([JAVAC, "--release", "17", "-proc:none", "-nowarn", "-cp", class_path, "-d", classes,
                    "@" + arguments], check=True)
    return classes


def start(class_path, restless):
    """One start-up in a fresh JVM."""
    command = [JAVA, *JVM_OPTS, "-cp", class_path, MAIN, "--restless.enabled=%s" % str(restless).lower()]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=900)
    output = completed.stdout + completed.stderr
    result = RESULT.search(output)
    if completed.returncode != 0 or result is None:
        log = os.path.join(WORK, "failed-run.log")
        with open(log, "w") as failed:
            failed.write(output)
        sys.exit("a start-up failed (exit %d); its output is in %s" % (completed.returncode, log))
    if (result.group(2) == "true") != restless:
        sys.exit("restless.enabled=%s did not take effect" % restless)
    registry = REGISTRY.search(output)
    if restless and registry is None:
        sys.exit("Restless logged no registry build time; is its start-up report at INFO?")
    return Run(int(result.group(3)), int(result.group(4)), int(result.group(5)),
               int(registry.group(1)) if registry else None, int(result.group(6)), int(result.group(1)))


def median(values):
    return statistics.median(values)


def repeats(count):
    return int(REPEATS) if REPEATS else (7 if count <= 200 else 5)


def spread(values):
    """The median and the range of some values, as the table shows them."""
    return "%s (%s to %s)" % (number(median(values)), number(min(values)), number(max(values)))


def main():
    if not os.path.exists(JAR):
        sys.exit("%s is missing; build it with: mvn -B -q -pl benchmarks -am package -DskipTests" % JAR)
    began = time.time()
    classes, libraries = unpack_application()
    java_version = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    rows = []
    for count in SIZES:
        model = compile_model(count, os.pathsep.join([classes, libraries]))
        class_path = os.pathsep.join([classes, model, libraries])
        pairs = []
        for repeat in range(repeats(count)):
            # Each pair runs back to back, in alternating order, so that the machine's drift hits
            # both alike; the share is the median of the pairs' differences.
            pair = {}
            for restless in ((True, False) if repeat % 2 == 0 else (False, True)):
                run = start(class_path, restless)
                if run.entities != count:
                    sys.exit("%d entities generated, but the application has %d" % (count, run.entities))
                pair[restless] = run
                print("N=%d restless=%-5s process CPU %6d ms, main thread %6d ms, ready after %6d ms%s"
                      % (count, restless, run.process_cpu, run.main_thread_cpu, run.ready_after,
                         (", registry %d ms, Restless's beans %d ms" % (run.registry, run.restless_beans))
                         if restless else ""), file=sys.stderr)
            pairs.append(pair)
        rows.append((count, pairs))
    print()
    print("Machine: %s, %d cores; Java %s; JVM options %s; runs each way for N = %s: %s; %d s in all."
          % (platform.machine(), os.cpu_count(), java_version, " ".join(JVM_OPTS),
             ", ".join(str(count) for count in SIZES), ", ".join(str(repeats(count)) for count in SIZES),
             time.time() - began))
    print("Medians, with the range of the runs in brackets; all times in ms.")
    print()
    print("| entities | registry build, CPU | Restless's beans, main thread CPU "
          "| process CPU at ready, with / without Restless | Restless's share: difference per pair of runs "
          "| share of the process CPU | ready after, with / without |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count, pairs in rows:
        with_restless = [pair[True] for pair in pairs]
        without = [pair[False] for pair in pairs]
        shares = [pair[True].process_cpu - pair[False].process_cpu for pair in pairs]
        print("| %s | %s | %s | %s / %s | %s | %.1f%% | %s / %s |"
              % (number(count), spread([run.registry for run in with_restless]),
                 spread([run.restless_beans for run in with_restless]),
                 number(median([run.process_cpu for run in with_restless])),
                 number(median([run.process_cpu for run in without])), spread(shares),
                 100.0 * median(shares) / median([run.process_cpu for run in with_restless]),
                 number(median([run.ready_after for run in with_restless])),
                 number(median([run.ready_after for run in without]))))


def number(value):
    return "{:,}".format(round(value))


if __name__ == "__main__":
    main()
