"""speechparse.dask on a real cluster (dask.distributed.LocalCluster, two worker processes):
the same records as `speechparse batch`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pandas as pd
import pyarrow as pa
import pytest

import speechparse
from helpers import SAMPLES, read
from speechparse.corpus.arrow import parse_table
from speechparse.corpus.records import Record


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        assert len(c.scheduler_info()["workers"]) == 2
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, Record]]:
    """The samples (and an undecodable file) as a directory, and `speechparse batch`'s
    records of it."""
    root = tmp_path_factory.mktemp("corpus")
    for sample in SAMPLES:
        shutil.copy(sample, root / sample.name)
    (root / "zz-undecodable.txt").write_bytes(b"\xff\xfe\x00\xd8")
    out = root.parent / "batch.jsonl"
    subprocess.run([sys.executable, "-m", "speechparse", "batch", str(root), "-o", str(out),
                    "--quiet"], check=False)  # fmt: skip
    records = [Record.model_validate_json(line) for line in out.read_bytes().splitlines()]
    return root, {r.id: r for r in records}


def test_a_bag_of_paths_gives_the_batch_records(client, corpus):
    from speechparse.dask import parse_paths

    root, expected = corpus
    paths = sorted(str(p) for p in root.glob("*.txt"))
    got = parse_paths(paths, root=str(root), partitions=4).compute()
    assert [r["id"] for r in got] == sorted(expected)
    assert [Record.model_validate(r) for r in got] == [expected[k] for k in sorted(expected)]
    lines = parse_paths(paths, root=str(root), lines=True).compute()
    assert [orjson.loads(line) for line in lines] == got


def test_a_dataframe_gives_the_batch_speeches(client, corpus):
    import dask.dataframe as dd

    from speechparse.dask import parse_frame, records_of

    _, expected = corpus
    names = [p.name for p in SAMPLES]
    frame = pd.DataFrame({"name": names, "text": [read(p) for p in SAMPLES]})
    records = records_of(
        parse_frame(dd.from_pandas(frame, npartitions=3), "text", id="name").compute()
    )
    assert [r.id for r in records] == names
    for record in records:
        # from text, not bytes: the same speech but for the encoding it was decoded from
        batch = expected[record.id].speech
        assert batch is not None
        assert record.speech == batch.model_copy(update={"encoding": None})


def test_parse_table_is_engine_agnostic():
    table = pa.table({"text": ["同志们：\n谢谢大家！", None], "k": ["a", "b"]})
    parsed = parse_table(table, text="text", id="k")
    assert parsed.column_names == ["id", "ok", "speech", "error", "meta"]
    rows = parsed.to_pylist()
    assert [(r["id"], r["ok"]) for r in rows] == [("a", True), ("b", False)]
    assert rows[1]["error"] == {"type": "InvalidRecord", "message": "column 'text' is null"}
    speech = speechparse.parse("同志们：\n谢谢大家！")
    assert rows[0]["speech"]["salutation"]["addressees"] == speech.salutation.addressees
