#!/usr/bin/env python3
"""Validation benchmark: the largest config the schema allows (400 tables x 100 columns x 100 topics),
validated by `ckstudio-cli validate` (whole process) and by python3-jsonschema (whole process, same file and
schema). Prints both medians and the ratio; the goal is ckstudio >= 20x faster.

usage: bench_validate.py CKSTUDIO_CLI SCHEMA.json [RUNS]
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TYPES = ["UInt64", "String", "Nullable(String)", "DateTime64(3, 'UTC')", "Array(LowCardinality(String))",
         "Decimal(18, 4)", "Map(String, Float64)", "Tuple(a UInt8, b Array(String))"]

JSONSCHEMA_SCRIPT = """
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
config = json.load(open(sys.argv[2]))
validator = jsonschema.Draft7Validator(schema)
errors = list(validator.iter_errors(config))
print(len(errors), "errors")
sys.exit(1 if errors else 0)
"""


def largest_config():
    tables = []
    for t in range(400):
        tables.append({
            "name": f"events_{t:03d}",
            "columns": [{"name": f"column_{c:02d}", "type": TYPES[c % len(TYPES)]} for c in range(100)],
            "topics": [{"name": f"topic.{t:03d}.part-{k:02d}"} for k in range(100)],
            "data_format": "JSONEachRow",
            "group_name": f"clickhouse-{t:03d}",
            "auto_offset_reset": "earliest",
            "max_block_size": 100000,
        })
    return {"tables": tables}


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_run(argv, expect_ok_text=None):
    """(wall, cpu) seconds of one whole process. CPU time is the fair figure on a shared, loaded machine."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - cpu_before
    if done.returncode != 0 or (expect_ok_text and expect_ok_text not in done.stdout):
        sys.exit(f"{argv[0]} failed ({done.returncode}): {done.stdout[:500]}{done.stderr[:500]}")
    return elapsed, cpu


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cli, schema = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory() as tmp:
        config_path = os.path.join(tmp, "largest.json")
        with open(config_path, "w") as out:
            json.dump(largest_config(), out, indent=2)
        script_path = os.path.join(tmp, "validate_jsonschema.py")
        with open(script_path, "w") as out:
            out.write(JSONSCHEMA_SCRIPT)
        size_mb = os.path.getsize(config_path) / 1e6
        ours = [time_run([cli, "validate", config_path, "--schema", schema], "ok: 400 tables")
                for _ in range(runs)]
        theirs = [time_run([sys.executable, script_path, schema, config_path]) for _ in range(runs)]
    print(f"config: 400 tables x 100 columns x 100 topics, {size_mb:.1f} MB, {runs} runs each")
    ratios = {}
    for kind, index in (("wall", 0), ("cpu", 1)):
        ours_median = statistics.median(run[index] for run in ours)
        theirs_median = statistics.median(run[index] for run in theirs)
        print(f"{kind:>4}: ckstudio-cli validate median {ours_median * 1000:7.0f} ms, "
              f"python3 jsonschema median {theirs_median * 1000:7.0f} ms")
        ratios[kind] = theirs_median / ours_median
    for kind, ratio in ratios.items():
        print(f"ratio ({kind}): {ratio:.1f}x faster (goal >= 20x): {'PASS' if ratio >= 20 else 'MISS'}")


if __name__ == "__main__":
    main()
