"""Regenerate samples/NAME.json from samples/NAME.txt (``make samples``).

The snapshot test compares against these files byte for byte; after changing the parser,
run this, then read ``git diff samples/`` before committing: every change is a change in
what users get.
"""

from __future__ import annotations

import sys
from pathlib import Path

import speechparse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def render(path: Path) -> bytes:
    """The expected JSON of one sample, as the snapshot test expects it (read as bytes, the
    way the command line reads a file: samples come in more than one encoding)."""
    return speechparse.dumps(speechparse.parse_file(path), indent=True) + b"\n"


def main() -> int:
    changed = 0
    for txt in sorted(SAMPLES.glob("*.txt")):
        out = txt.with_suffix(".json")
        new = render(txt)
        if not out.exists() or out.read_bytes() != new:
            out.write_bytes(new)
            changed += 1
            print(f"wrote {out.relative_to(SAMPLES.parent)}")
    print(f"{changed} snapshot(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
