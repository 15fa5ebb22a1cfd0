"""The command line: output, exit codes and one-line errors (run as a real process)."""

import json

from helpers import SAMPLES, run_cli


def run(*args, stdin=b""):
    return run_cli(*args, stdin=stdin)


def test_parse_a_file():
    r = run("parse", str(SAMPLES[0]))
    assert r.returncode == 0 and r.stderr == b""
    out = json.loads(r.stdout)
    assert out["salutation"]["text"] == "同志们："
    assert r.stdout.count(b"\n") == 1


def test_parse_stdin_indented():
    r = run("parse", "-", "--indent", stdin="同志们：\n今天，大会隆重召开。\n".encode())
    assert r.returncode == 0
    assert r.stdout.startswith(b'{\n  "schema_version": "1.1"')


def test_schema_command():
    r = run("schema")
    assert r.returncode == 0
    assert json.loads(r.stdout)["$schema"].endswith("2020-12/schema")


def test_strict_parse_error_exits_1_with_one_line():
    r = run("parse", "-", "--strict", stdin=b"hello world.")
    assert r.returncode == 1
    assert r.stdout == b""
    assert r.stderr.decode().startswith("speechparse: -: no-structure:")
    assert r.stderr.count(b"\n") == 1 and b"Traceback" not in r.stderr


def test_missing_file_exits_2():
    r = run("parse", "no/such/file.txt")
    assert r.returncode == 2
    assert r.stderr == b"speechparse: cannot read no/such/file.txt: No such file or directory\n"


def test_undecodable_file_exits_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa\x00\x81")
    r = run("parse", str(bad))
    assert r.returncode == 2
    assert r.stderr.decode() == (
        f"speechparse: cannot read {bad}: cannot decode the input: byte 0x81 at byte offset 4 "
        "is not valid utf-16, and no other encoding fits\n"
    )


def test_usage_errors_exit_2():
    for args in [(), ("bogus",), ("parse",)]:
        r = run(*args)
        assert r.returncode == 2, args
        assert r.stderr.startswith(b"speechparse: ") and r.stderr.count(b"\n") == 1


def test_a_gb18030_file_is_read_and_its_encoding_reported(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes("同志们：\n今天，大会隆重召开。\n".encode("gb18030"))
    r = run("parse", str(path))
    assert r.returncode == 0
    out = json.loads(r.stdout)
    assert out["encoding"] == "gb18030" and out["salutation"]["text"] == "同志们："
