"""CPU samples of the request threads by library, from an async-profiler collapsed-stack file.

Each sample goes to the library of the deepest frame that belongs to one (the JDBC driver, Tomcat,
Hibernate, Spring, Jackson, Restless, Elide, ...), marked "(native/kernel)" when the sampled frame
itself is native code such as a system call: a socket write the JDBC driver makes counts as the
driver's, in the kernel. Only Tomcat's request threads and the `task` threads Elide hands its
requests to are counted.

async-profiler's library comes from Maven Central; profile a warmed-up application for a window of
20 s at a time and read a window taken while wrk ran (the files rotate, %n from 0 to 8):

    mvn -q dependency:get -Dartifact=tools.profiler:async-profiler:4.1
    unzip -o -j ~/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar \\
        linux-x64/libasyncProfiler.so -d /tmp
    java -Xms1g -Xmx1g -agentpath:/tmp/libasyncProfiler.so=start,event=ctimer,interval=200us,loop=20s,file=/tmp/restless-%n{9}.collapsed,collapsed,threads \\
        -jar benchmarks/target/restless-benchmarks.jar &
    METHOD=PATCH python3 benchmarks/cpu.py '/api/people/%d' 100
    python3 benchmarks/layers.py /tmp/restless-4.collapsed
"""
import collections
import re
import sys

LIBRARIES = [
    ("JDBC driver", r"^org/postgresql/"),
    ("HikariCP", r"^com/zaxxer/"),
    ("Bean Validation", r"^(org/hibernate/validator/|jakarta/validation/)"),
    ("Hibernate", r"^org/hibernate/"),
    ("Spring transactions and ORM", r"^org/springframework/(transaction|orm|dao|data)/"),
    ("Spring web and core", r"^org/springframework/"),
    ("Tomcat", r"^org/apache/(coyote|catalina|tomcat)/"),
    ("Jackson", r"^(tools|com/fasterxml)/jackson/"),
    ("Restless", r"^dev/restless/"),
    ("Elide", r"^(com/yahoo|com/paiondata)/"),
    ("RSQL and ANTLR", r"^(cz/jirutka|org/antlr)/"),
]
REQUEST_THREADS = re.compile(r"^\[(http-nio-\d+-exec|task)-\d+ ")


def library(frames):
    for frame in reversed(frames):
        for name, pattern in LIBRARIES:
            if re.search(pattern, frame):
                return name
    return "JDK and other"


def main():
    samples = collections.Counter()
    for line in open(sys.argv[1]):
        stack, count = line.rsplit(" ", 1)
        frames = [re.sub(r"_\[[a-z0-9]\]$", "", frame) for frame in stack.split(";")]
        if not REQUEST_THREADS.match(frames[0]):
            continue
        leaf = frames[-1]
        # Java frames are named with slashes; native ones (libc, the kernel) without
        native = "/" not in leaf and "stub" not in leaf and not leaf.startswith("[")
        samples[library(frames) + (" (native/kernel)" if native else "")] += int(count)
    total = sum(samples.values())
    if not total:
        sys.exit("no samples of request threads in " + sys.argv[1])
    print("%d samples of request threads" % total)
    for name, count in samples.most_common():
        print("  %5.1f%%  %s" % (100 * count / total, name))


if __name__ == "__main__":
    main()
