#!/usr/bin/env python3
"""Convert an archive folder on Apache Spark through `newsconv stream`.

    spark-submit samples/spark/convert_archive.py SOURCE OUTPUT --to newsml-g2 \
        [--from FMT] [--option KEY=VALUE ...] [--strict] [--report REPORT.jsonl] \
        [--newsconv /path/to/newsconv] [--partitions N] [--skip-existing]

(or `python3 samples/spark/convert_archive.py ... --master local[4]` with pyspark installed
by pip). SOURCE is a folder that Spark can list (a local or shared path, hdfs://, s3a://);
every file under it, at any depth, is one document. Each is sent to `newsconv stream` as a
record named by its path relative to SOURCE, so the outputs mirror SOURCE's tree under OUTPUT
with the target format's extension, exactly as `newsconv batch SOURCE -o OUTPUT` names them,
and are byte-identical to that batch's outputs. OUTPUT must be a folder every executor can
write (a local folder with local[N], else a shared mount: NFS, /dbfs, an S3 mount). The
report, written by the driver, holds one JSON line per document (`path`, `status`, `outputs`,
`diagnostics`, as `newsconv batch --report` does) and a closing summary.

newsconv must be installed at the same path on every executor (`--newsconv`, default
`newsconv` on PATH). Executors see only the environment variables this job passes to the
pipe: PATH, SOURCE_DATE_EPOCH (reproducible timestamps), NEWSCONV_PLUGIN_PATH, LANG, TZ.
See docs/scale.md.
"""

import argparse
import base64
import json
import os
import shlex
import shutil
import sys
import tempfile
import uuid

PASSED_ENVIRONMENT = ("PATH", "SOURCE_DATE_EPOCH", "NEWSCONV_PLUGIN_PATH", "LANG", "LC_ALL", "TZ", "HOME")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Convert an archive folder on Spark through newsconv stream.")
    parser.add_argument("source", help="the archive folder (every file under it is a document)")
    parser.add_argument("output", help="the output folder, writable by every executor")
    parser.add_argument("--to", "-t", required=True, help="the output format (see 'newsconv formats')")
    parser.add_argument("--from", "-f", dest="from_format", help="the input format (default: detected per document)")
    parser.add_argument("--option", action="append", default=[], help="a format option KEY=VALUE (repeatable)")
    parser.add_argument("--strict", action="store_true", help="warnings fail a document")
    parser.add_argument("--report", help="write a JSON Lines report here (on the driver)")
    parser.add_argument("--newsconv", default="newsconv", help="the newsconv executable on the executors")
    parser.add_argument("--jobs", type=int, default=1, help="newsconv stream --jobs in each task (default 1: one core a task)")
    parser.add_argument("--partitions", type=int, help="the number of partitions (default: Spark's)")
    parser.add_argument("--skip-existing", action="store_true", help="leave documents whose output exists alone (reruns)")
    parser.add_argument("--master", help="the Spark master when run without spark-submit (e.g. local[2])")
    parser.add_argument(
        "--rdd-binary-files",
        action="store_true",
        help="list and read with SparkContext.binaryFiles instead of the binaryFile data source (slower on small files)",
    )
    return parser.parse_args(argv)


def stream_command(arguments):
    command = [arguments.newsconv, "stream", "--to", arguments.to, "--jobs", str(arguments.jobs)]
    if arguments.from_format:
        command += ["--from", arguments.from_format]
    for option in arguments.option:
        command += ["--option", option]
    if arguments.strict:
        command.append("--strict")
    return " ".join(shlex.quote(part) for part in command)


def output_extension(newsconv, target):
    """The target format's output extension, from the registry (`newsconv formats --json`)."""
    import subprocess

    listing = json.loads(subprocess.run([newsconv, "formats", "--json"], check=True, capture_output=True).stdout)
    formats = listing["formats"] if isinstance(listing, dict) else listing
    for entry in formats:
        if target == entry["name"] or target in entry.get("aliases", []):
            return entry["extensions"][0] if entry.get("extensions") else entry["name"]
    raise SystemExit(f"convert_archive: newsconv has no format '{target}'")


def relative_name(path, root):
    """A file's path below the archive root, '/'-separated, as newsconv batch names it."""
    from urllib.parse import unquote

    for candidate in (path, unquote(path)):
        if candidate.startswith(root + "/"):
            return candidate[len(root) + 1 :]
    raise ValueError(f"{path} is not under {root}")


def output_stem(name):
    """A name without its last extension (`dir/story.xml` -> `dir/story`), as newsconv names
    outputs; a name that begins with its only dot keeps it."""
    folder, _, last = name.rpartition("/")
    dot = last.rfind(".")
    stem = last[:dot] if dot > 0 else last
    return f"{folder}/{stem}" if folder else stem


def write_atomically(path, data):
    """Writes a file under a temporary name and renames it into place: a rerun or a reader
    never sees half a file."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".newsconv-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def add(counts, entry):
    """Counts one report entry."""
    counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    counts["outputs"] += len(entry["outputs"])


def count_partition(lines):
    counts = {"converted": 0, "failed": 0, "skipped": 0, "outputs": 0}
    for line in lines:
        add(counts, json.loads(line))
    yield counts


def summary_of(counts):
    statuses = {key: value for key, value in counts.items() if key != "outputs"}
    return dict(inputs=sum(statuses.values()), outputs=counts["outputs"], **statuses)


def main(argv):
    arguments = parse_arguments(argv)
    from pyspark import SparkConf, SparkContext
    from pyspark.sql import SparkSession

    conf = SparkConf().setAppName("newsconv convert_archive")
    if arguments.master:
        conf = conf.setMaster(arguments.master)
    sc = SparkContext.getOrCreate(conf)
    # Every file at any depth, as newsconv batch reads a folder.
    hadoop = sc._jsc.hadoopConfiguration()
    hadoop.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    source_path = sc._jvm.org.apache.hadoop.fs.Path(arguments.source)
    root = source_path.getFileSystem(hadoop).makeQualified(source_path).toString().rstrip("/")

    output_root = os.path.abspath(arguments.output) if "://" not in arguments.output else arguments.output
    extension = output_extension(arguments.newsconv, arguments.to) if arguments.skip_existing else None
    command = stream_command(arguments)
    environment = {key: os.environ[key] for key in PASSED_ENVIRONMENT if key in os.environ}

    def record(pair):
        path, content = pair
        name = relative_name(path, root)
        return json.dumps({"id": name, "name": name, "data_base64": base64.b64encode(content).decode("ascii")})

    def already_converted(pair):
        # The output of a one-article document, or the first of several (`story-1.nitf`).
        stem = output_stem(relative_name(pair[0], root))
        return any(os.path.exists(os.path.join(output_root, f"{stem}{suffix}.{extension}")) for suffix in ("", "-1"))

    def write_outputs(lines):
        for line in lines:
            answer = json.loads(line)
            written = []
            for output in answer["outputs"]:
                data = (
                    output["data"].encode("utf-8") if "data" in output else base64.b64decode(output["data_base64"])
                )
                write_atomically(os.path.join(output_root, output["name"]), data)
                written.append(output["name"])
            yield json.dumps(
                {
                    "path": answer["id"],
                    "status": answer["status"],
                    "outputs": written,
                    "diagnostics": answer["diagnostics"],
                },
                ensure_ascii=False,
            )

    partitions = arguments.partitions or sc.defaultParallelism
    spark = SparkSession.builder.getOrCreate()
    # Two inputs whose names differ only in extension (a.xml, a.txt) would write one output:
    # refused before anything is converted, never one silently lost. Only the paths are read.
    listing = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(arguments.source).select("path")
    collisions = (
        listing.rdd.map(lambda row: relative_name(row[0], root))
        .filter(lambda name: not any(part.startswith(".") for part in name.split("/")))
        .map(lambda name: (output_stem(name), [name]))
        .reduceByKey(lambda a, b: (a + b)[:3])
        .filter(lambda pair: len(pair[1]) > 1)
        .take(10)
    )
    if collisions:
        for _, names in collisions:
            print(f"convert_archive: {' and '.join(names)} would write the same output; rename one", file=sys.stderr)
        sc.stop()
        return 2
    if arguments.rdd_binary_files:
        files = sc.binaryFiles(arguments.source, minPartitions=partitions)
    else:
        # Spark's binaryFile data source lists a folder in parallel and splits it into many
        # partitions: on 2,000 small files it listed and read in 2 s what SparkContext.binaryFiles
        # took 28 s for (docs/scale.md).
        frame = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(arguments.source)
        files = frame.select("path", "content").rdd.map(lambda row: (row[0], bytes(row[1])))
    # Hidden files are not documents, as in newsconv batch (Spark leaves out names beginning
    # with "_" too; newsconv batch does not).
    files = files.filter(lambda pair: not any(part.startswith(".") for part in relative_name(pair[0], root).split("/")))
    if arguments.skip_existing:
        files = files.filter(lambda pair: not already_converted(pair))
    # binaryFiles packs small files into few splits (one, for a folder of small files): spread
    # them over the cores.
    if files.getNumPartitions() < partitions:
        files = files.repartition(partitions)
    reports = files.map(record).pipe(command, env=environment, checkCode=True).mapPartitions(write_outputs)

    counts = {"converted": 0, "failed": 0, "skipped": 0, "outputs": 0}
    if arguments.report:
        # The executors write the report in parts beside the outputs (in one job, on every
        # core); the driver joins them into one file a line at a time, so that the report of
        # ten million documents never sits in memory.
        parts = os.path.join(output_root, f".newsconv-report-{uuid.uuid4().hex}")
        reports.saveAsTextFile(parts if "://" in parts else "file://" + parts)
        with open(arguments.report + ".tmp", "w", encoding="utf-8") as report:
            for part in sorted(name for name in os.listdir(parts) if name.startswith("part-")):
                with open(os.path.join(parts, part), encoding="utf-8") as lines:
                    for line in lines:
                        add(counts, json.loads(line))
                        report.write(line)
            summary = {"summary": summary_of(counts)}
            report.write(json.dumps(summary) + "\n")
        os.replace(arguments.report + ".tmp", arguments.report)
        shutil.rmtree(parts)
    else:
        for partial in reports.mapPartitions(count_partition).collect():
            for key, value in partial.items():
                counts[key] = counts.get(key, 0) + value
        summary = {"summary": summary_of(counts)}
    print(json.dumps(summary), file=sys.stderr)
    sc.stop()
    return 0 if counts["failed"] == 0 else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
