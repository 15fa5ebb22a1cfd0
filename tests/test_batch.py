"""`speechparse batch`: every input kind, both output formats, order, resume, error records,
time limits, interruption, exit codes, the progress bar, the tables, the record schema."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import speechparse
from helpers import ROOT, SAMPLES, run_cli
from speechparse.corpus import record_schema
from speechparse.corpus.arrow import ITEM_DEPTH, records
from speechparse.corpus.arrow import record_schema as arrow_schema
from speechparse.corpus.pool import CHUNK, Pool
from speechparse.corpus.sources import Source
from speechparse.jsonio import dumps

SPEECH = "同志们：\n今天，大会隆重召开。\n下面讲两点。\n一、学习\n二、工作\n谢谢大家！\n"


def batch(*args: str, stdin: bytes = b"", cwd: Path | None = None):
    return run_cli("batch", *args, stdin=stdin, cwd=cwd)


def lines(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The samples in two directories, with a file the default glob leaves out."""
    root = tmp_path / "corpus"
    for k, sample in enumerate(SAMPLES[:6]):
        folder = root / ("a" if k % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, folder / sample.name)
    (root / "a" / "notes.md").write_text("# not a speech\n", encoding="utf-8")
    return root


def test_a_directory_gives_one_record_per_file_in_a_stable_order(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    done = batch(str(corpus), "-o", str(out), "-j", "2")
    assert done.returncode == 0, done.stderr
    records = lines(out)
    names = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.txt"))
    assert [r["id"] for r in records] == names  # a/… then b/…, each sorted
    for record in records:
        data = (corpus / record["id"]).read_bytes()
        assert record["ok"] is True and set(record) == {"id", "ok", "speech"}
        assert orjson.dumps(record["speech"]) == dumps(speechparse.parse_bytes(data))
    assert out.read_bytes().count(b"\n") == len(records)


def test_glob_files_and_a_mix_of_inputs(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    single = SAMPLES[10]
    done = batch(str(single), str(corpus), "--glob", "*.md", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in lines(out)] == [str(single), "a/notes.md"]


def test_jsonl_input_carries_the_other_fields_as_metadata(tmp_path):
    source = tmp_path / "in.jsonl"
    rows = [
        {"doc": "x1", "body": SPEECH, "year": 2024, "tags": ["工会"]},
        {"doc": "x2", "body": "同志们：\n谢谢大家！"},
    ]
    source.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows) + b"\n")
    out = tmp_path / "out.jsonl"
    done = batch(str(source), "--text-field", "body", "--id-field", "doc", "-o", str(out))
    assert done.returncode == 0, done.stderr
    got = lines(out)
    assert [(r["id"], r.get("meta")) for r in got] == [
        ("x1", {"year": 2024, "tags": ["工会"]}),
        ("x2", None),
    ]
    assert orjson.dumps(got[0]["speech"]) == dumps(speechparse.parse(SPEECH))


def test_a_jsonl_file_may_open_with_a_byte_order_mark(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + orjson.dumps({"id": "a", "text": SPEECH}) + b"\n")
    out = tmp_path / "out.jsonl"
    assert batch(str(source), "-o", str(out)).returncode == 0
    assert [(r["id"], r["ok"]) for r in lines(out)] == [("a", True)]


def test_jsonl_on_standard_input_ids_by_line(tmp_path):
    out = tmp_path / "out.jsonl"
    data = orjson.dumps({"text": SPEECH}) + b"\n" + orjson.dumps({"text": "同志们："}) + b"\n"
    done = batch("-", "-o", str(out), stdin=data)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in lines(out)] == ["-:1", "-:2"]


def test_parquet_input_with_text_and_id_columns(tmp_path):
    source = tmp_path / "in.parquet"
    table = pa.table({"key": ["k1", "k2"], "text": [SPEECH, "同志们：\n谢谢！"]})
    pq.write_table(table, source)
    out = tmp_path / "out.jsonl"
    assert batch(str(source), "--id-field", "key", "-o", str(out)).returncode == 0
    got = lines(out)
    assert [r["id"] for r in got] == ["k1", "k2"]
    assert orjson.dumps(got[0]["speech"]) == dumps(speechparse.parse(SPEECH))
    # without an id column, rows are numbered; bytes are decoded like parse_bytes
    pq.write_table(pa.table({"text": [SPEECH.encode("gb18030")]}), source)
    assert batch(str(source), "-o", str(out)).returncode == 0
    [record] = lines(out)
    assert record["id"] == f"{source}:1" and record["speech"]["encoding"] == "gb18030"


def test_parquet_output_round_trips_to_equal_speeches(corpus, tmp_path):
    out = tmp_path / "out.parquet"
    assert batch(str(corpus), "-o", str(out)).returncode == 0
    table = pq.read_table(out)
    assert table.schema == arrow_schema()
    got = records(table)
    for record in got:
        expected = speechparse.parse_bytes((corpus / record.id).read_bytes())
        assert record.ok and record.speech == expected


def _columns(schema: dict, node: dict, arrow: pa.DataType, path: str, depth: int) -> list[str]:
    """Paths of schema fields that have no column of the same shape."""
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        return _columns(schema, schema["$defs"][name], arrow, path, depth + (name == "Item"))
    if "anyOf" in node:
        (inner,) = [n for n in node["anyOf"] if n.get("type") != "null"]
        return _columns(schema, inner, arrow, path, depth)
    kind = node.get("type")
    if kind == "array":
        if not pa.types.is_list(arrow):
            return [path]
        return _columns(schema, node["items"], arrow.value_type, f"{path}[]", depth)
    if kind == "object" and "properties" in node:
        if not pa.types.is_struct(arrow):
            return [path]
        missing = []
        for name, prop in node["properties"].items():
            if name == "points" and depth >= ITEM_DEPTH:
                continue  # the deepest level Arrow holds (the grammar makes three)
            index = arrow.get_field_index(name)
            if index < 0:
                missing.append(f"{path}.{name}")
            else:
                missing += _columns(schema, prop, arrow.field(index).type, f"{path}.{name}", depth)
        return missing
    return []


def test_every_field_of_the_record_schema_is_a_column():
    schema = record_schema()
    struct = pa.struct(list(arrow_schema()))
    assert _columns(schema, schema, struct, "$", 0) == []
    assert [f.name for f in arrow_schema()] == ["id", "ok", "speech", "error", "meta"]


def test_the_record_schema_is_published_and_outputs_validate(corpus, tmp_path):
    checked_in = json.loads((ROOT / "schema" / "record.schema.json").read_text("utf-8"))
    assert checked_in == record_schema(), "schema/ is stale: run `make schema`"
    validator = jsonschema.Draft202012Validator(checked_in)
    validator.check_schema(checked_in)
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")
    out = tmp_path / "out.jsonl"
    batch(str(corpus), "-o", str(out))
    for record in lines(out):
        validator.validate(record)


def test_failures_become_error_records_and_the_batch_goes_on(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "1-good.txt").write_text(SPEECH, encoding="utf-8")
    (root / "2-undecodable.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (root / "3-gone.txt").symlink_to(root / "nowhere")
    (root / "4-good.txt").write_text(SPEECH, encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_bytes(b'{"id": "j1", "text": 5}\n{not json\n')
    out = tmp_path / "out.jsonl"
    done = batch(str(root), str(jsonl), "-o", str(out))
    assert done.returncode == 1
    got = [(r["id"], r["ok"], r.get("error", {}).get("type")) for r in lines(out)]
    assert got == [
        ("1-good.txt", True, None),
        ("2-undecodable.txt", False, "DecodeError"),
        ("3-gone.txt", False, "FileNotFoundError"),
        ("4-good.txt", True, None),
        ("j1", False, "InvalidRecord"),
        (f"{jsonl}:2", False, "InvalidRecord"),
    ]
    errors = {r["id"]: r["error"]["message"] for r in lines(out) if not r["ok"]}
    assert errors["j1"] == "field 'text' is not a string but int"
    assert errors["3-gone.txt"].startswith(f"cannot read {root / '3-gone.txt'}: ")
    summary = done.stderr.decode().strip().splitlines()
    assert len(summary) == 1
    assert summary[0].startswith("speechparse: 6 records, 4 failed, ")
    quiet = batch(str(root), str(jsonl), "-o", str(out), "--quiet")
    assert (quiet.returncode, quiet.stderr) == (1, b"speechparse: 4 of 6 records failed\n")


def test_a_record_past_the_time_limit_is_an_error_record(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "1.txt").write_text(SPEECH, encoding="utf-8")
    os.mkfifo(root / "2-stuck.txt")  # reading it blocks forever: no one writes to it
    (root / "3.txt").write_text(SPEECH, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    done = batch(str(root), "-o", str(out), "--timeout", "1", "-j", "2")
    assert time.monotonic() - started < 30
    assert done.returncode == 1
    got = lines(out)
    assert [(r["id"], r["ok"]) for r in got] == [("1.txt", True), ("2-stuck.txt", False),
                                                  ("3.txt", True)]  # fmt: skip
    assert got[1]["error"] == {"type": "Timeout", "message": "parsing took longer than 1 s"}


def test_read_ahead_is_bounded_while_a_record_is_stuck(tmp_path):
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)
    pulled = 0

    def sources():
        nonlocal pulled
        yield Source(id="stuck", path=str(stuck))
        for k in range(100_000):
            pulled += 1
            yield Source(id=str(k), text=SPEECH)

    with Pool(sources(), jobs=2, timeout=2) as pool:
        results = pool.results()
        first = next(results)  # waits for the stuck record's time limit
        assert (first.seq, first.outcome.ok) == (0, False)
        assert pulled <= 2 * CHUNK * 4  # jobs * CHUNK * 4: not the whole corpus
        assert [next(results).seq for _ in range(5)] == [1, 2, 3, 4, 5]


def test_resume_skips_what_is_done_and_repairs_a_cut_last_line(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    assert batch(str(corpus), "-o", str(out)).returncode == 0
    whole = out.read_bytes()
    first_two = b"".join(whole.splitlines(keepends=True)[:2])
    out.write_bytes(first_two + b'{"id": "cut sho')  # an interrupted write
    done = batch(str(corpus), "-o", str(out), "--resume")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == whole
    assert done.stderr.decode().startswith("speechparse: 4 records, none failed")


def test_interrupting_leaves_valid_output_with_every_finished_record(tmp_path):
    source = tmp_path / "in.jsonl"
    total = 3000
    rows = [orjson.dumps({"id": str(k), "text": SPEECH * 3}) + b"\n" for k in range(total)]
    source.write_bytes(b"".join(rows))
    for name in ("out.jsonl", "out.parquet"):
        out = tmp_path / name
        process = subprocess.Popen(
            [sys.executable, "-m", "speechparse", "batch", str(source), "-o", str(out)],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr
        assert stderr.decode().startswith("speechparse: interrupted: ")
        if name.endswith(".jsonl"):
            ids = [int(r["id"]) for r in lines(out)]
        else:
            ids = [int(i) for i in pq.read_table(out).column("id").to_pylist()]
        assert 0 < len(ids) < total
        # in input order; those after the first gap finished early, before the interruption
        gap = next((k for k, i in enumerate(ids) if i != k), len(ids))
        assert ids == sorted(ids) and ids[:gap] == list(range(gap))
    # the JSONL output resumes: every record once in the end
    out = tmp_path / "out.jsonl"
    assert batch(str(source), "-o", str(out), "--resume", "--quiet").returncode == 0
    assert sorted(int(r["id"]) for r in lines(out)) == list(range(total))


def test_usage_and_io_errors_exit_2(corpus, tmp_path):
    cases = [
        ((str(tmp_path / "missing"), "-o", str(tmp_path / "o.jsonl")),
         f"speechparse: {tmp_path / 'missing'}: no such file or directory"),
        ((str(corpus), "-o", str(tmp_path / "no" / "dir" / "o.jsonl")),
         f"speechparse: {tmp_path / 'no' / 'dir' / 'o.jsonl'}: No such file or directory"),
        ((str(corpus), "-o", str(tmp_path / "o.csv")),
         f"speechparse: {tmp_path / 'o.csv'}: the output must end in .jsonl or .parquet "
         "(or be - for stdout)"),
        ((str(corpus), "-o", str(tmp_path / "o.parquet"), "--resume"),
         "speechparse: --resume needs a .jsonl output"),
        ((str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "0"),
         "speechparse: --jobs and --timeout must be positive"),
    ]  # fmt: skip
    for args, message in cases:
        done = batch(*args)
        assert (done.returncode, done.stderr.decode()) == (2, message + "\n")


def test_a_parquet_input_without_the_text_column_exits_2(tmp_path):
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"body": ["x"]}), source)
    done = batch(str(source), "-o", str(tmp_path / "o.jsonl"))
    assert done.returncode == 2
    assert done.stderr.decode() == f"speechparse: {source}: no column 'text' (columns: body)\n"


def test_the_progress_bar_is_drawn_only_on_a_terminal(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    plain = batch(str(corpus), "-o", str(out))
    assert plain.stderr.decode().count("\n") == 1  # the summary line alone
    assert "\r" not in plain.stderr.decode()
    quiet = batch(str(corpus), "-o", str(out), "--quiet")
    assert quiet.stderr == b""
    # on a terminal: the bar (records done of the total, the rate, errors), then the summary
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # 120 columns
    process = subprocess.Popen(
        [sys.executable, "-m", "speechparse", "batch", str(corpus), "-o", str(out)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
    )  # fmt: skip
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=60)
    os.close(leader)
    text = shown.decode()
    assert process.returncode == 0
    assert "6/6" in text and "speeches/s" in text and "errors=0" in text
    assert text.rstrip().splitlines()[-1].startswith("speechparse: 6 records, none failed")


def test_the_tables(tmp_path):
    source = tmp_path / "in.jsonl"
    text = (
        "在全市职工代表大会上的讲话\n各位代表、同志们：\n今天，大会隆重召开。我代表市委，向大会"
        "表示热烈的祝贺！\n下面，我讲三点意见。\n一、提高站位\n各级工会要加强学习。一是学理论；二是"
        "学业务。\n二、服务职工\n要办好实事。\n谢谢大家！\n本文来源：某某网 点击下载\n"
    )
    source.write_bytes(
        orjson.dumps({"id": "s1", "text": text}) + b"\n" + b'{"id": "s2", "text": null}\n'
    )
    tables = tmp_path / "tables"
    done = batch(str(source), "-o", str(tmp_path / "o.jsonl"), "--tables", str(tables))
    assert done.returncode == 1
    speeches = pq.read_table(tables / "speeches.parquet").to_pylist()
    speech = speechparse.parse(text)
    assert speeches[0] == {
        "id": "s1", "ok": True, "error": None, "title": "在全市职工代表大会上的讲话",
        "salutation": "各位代表、同志们：", "addressees": ["各位代表", "同志们"],
        "declared_count": 3, "demands": 2, "has_hopes": False, "has_closing": True,
        "diagnostics": [d.code for d in speech.diagnostics], "encoding": None,
        "length": len(text), "speaker_name": None, "speaker_post": None, "date_iso": None,
        "event_name": "全市职工代表大会", "event_kind": "congress",
    }  # fmt: skip
    assert speeches[1]["ok"] is False and speeches[1]["error"].startswith("InvalidRecord: ")
    assert speeches[1]["speaker_name"] is None and speeches[1]["event_kind"] is None
    demands = pq.read_table(tables / "demands.parquet").to_pylist()
    assert [(d["level"], d["position"], d["marker"], d["headline"]) for d in demands] == [
        (1, "1", "一、", "提高站位"),
        (2, "1.1", "一是", "学理论；"),
        (2, "1.2", "二是", "学业务。"),
        (1, "2", "二、", "服务职工"),
    ]
    first = demands[0]
    assert text[first["start"] : first["end"]].startswith("一、提高站位")
    greetings = pq.read_table(tables / "greetings.parquet").to_pylist()
    assert [(g["targets"], g["acts"]) for g in greetings] == [(["大会"], ["表示热烈的祝贺"])]
    noise = pq.read_table(tables / "noise.parquet").to_pylist()
    assert [(n["id"], n["text"]) for n in noise] == [("s1", "本文来源：某某网 点击下载")]


def test_the_readme_duckdb_example_answers_its_question(tmp_path):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Parsing a corpus", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(import duckdb\n.*?)```", section, re.S)[1]
    tables = tmp_path / "tables"
    assert batch(str(ROOT / "samples"), "-o", str(tmp_path / "o.jsonl"), "--tables",
                 str(tables)).returncode == 0  # fmt: skip
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        scope: dict = {}
        exec(code, scope)
    finally:
        os.chdir(here)
    announced = [s for s in (speechparse.parse_file(p) for p in SAMPLES)
                 if s.demands and s.demands.declared_count is not None]  # fmt: skip
    differ = [s for s in announced if s.demands.declared_count != len(s.demands.items)]
    assert scope["counts"] == (len(announced), len(differ))
    assert scope["commonest"][0][1] >= 1


def test_a_worker_that_dies_leaves_an_error_record_and_is_replaced(monkeypatch):
    from speechparse.corpus import pool as pool_module

    real = pool_module.outcome

    def dies_on_crash(source: Source):
        if source.id == "crash":
            os._exit(3)  # as a segfault or the kernel's OOM killer would end it
        return real(source)

    monkeypatch.setattr(pool_module, "outcome", dies_on_crash)  # the workers are forked
    sources = [Source(id=str(k), text=SPEECH) for k in range(5)]
    sources.insert(2, Source(id="crash", text=SPEECH))
    with Pool(iter(sources), jobs=2, timeout=30) as pool:
        done = list(pool.results())
    assert [d.seq for d in done] == list(range(6))
    assert [d.outcome.ok for d in done] == [True, True, False, True, True, True]
    line = orjson.loads(done[2].outcome.line)
    assert line["error"] == {
        "type": "WorkerCrash",
        "message": "the process parsing it died (exit code 3)",
    }


class _InterruptedAfterFirstReceive:
    """A worker's pipe on which Ctrl-C lands once, just after a result has been received and
    before the pool has booked it: that result is gone, as in the race this reproduces."""

    def __init__(self, conn: Any) -> None:
        self._conn, self._fired = conn, False

    def recv(self) -> Any:
        message = self._conn.recv()
        if not self._fired:
            self._fired = True
            raise KeyboardInterrupt
        return message

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _interrupted_pool(n: int) -> Pool:
    """A one-worker pool over ``n`` records (one chunk), interrupted after record 0's result
    was received and lost."""
    pool = Pool(iter([Source(id=str(k), text=SPEECH) for k in range(n)]), jobs=1, timeout=30)
    worker = pool._workers[0].worker
    worker.conn = _InterruptedAfterFirstReceive(worker.conn)  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        list(pool.results())
    return pool


def test_a_result_lost_to_an_interrupt_leaves_its_record_unfinished():
    with _interrupted_pool(5) as pool:
        done: list = []
        deadline = time.monotonic() + 30
        while len(done) < 4 and time.monotonic() < deadline:  # the worker finishes its chunk
            done += pool.drain()  # (the queue out of step used to trip an assert here)
            time.sleep(0.01)
        assert pool.drain() == []
    # every record the worker finished is handed back; record 0, whose result was lost, is
    # not (a --resume parses it again), and nothing is reported twice
    assert [(d.seq, d.outcome.ok) for d in done] == [(1, True), (2, True), (3, True), (4, True)]


def test_a_result_lost_to_an_interrupt_is_parsed_again_when_the_run_goes_on():
    with _interrupted_pool(5) as pool:
        done = list(pool.results())
    assert [(d.seq, d.outcome.ok) for d in done] == [(k, True) for k in range(5)]
    assert [orjson.loads(d.outcome.line)["id"] for d in done] == ["0", "1", "2", "3", "4"]


def test_the_speeches_table_carries_the_metadata(tmp_path):
    source = tmp_path / "in.jsonl"
    text = (
        "县委副书记在全县工会第三次代表大会上的讲话\n（二〇二四年五月一日）\n同志们：\n"
        "今天，大会隆重召开。我代表县委，向大会表示祝贺！\n"
    )
    source.write_bytes(orjson.dumps({"id": "m1", "text": text}) + b"\n")
    tables = tmp_path / "tables"
    assert batch(
        str(source), "-o", str(tmp_path / "o.jsonl"), "--tables", str(tables)
    ).returncode in (0, 1)
    row = pq.read_table(tables / "speeches.parquet").to_pylist()[0]
    assert {
        k: row[k] for k in ("speaker_name", "speaker_post", "date_iso", "event_name", "event_kind")
    } == {
        "speaker_name": None,
        "speaker_post": "县委副书记",
        "date_iso": "2024-05-01",
        "event_name": "全县工会第三次代表大会",
        "event_kind": "congress",
    }
