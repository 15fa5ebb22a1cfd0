"""The README's Python example runs, and the results its comments show are the real ones."""

import os
import re

from helpers import ROOT


def test_python_example_runs_and_its_comments_hold(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Python\n\n```python\n(.*?)```", readme, re.S)[1]
    shown = re.findall(r"^(speech\.[\w.\[\]]+)\s+# (.+)$", code, re.M)
    assert len(shown) >= 4
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        scope: dict = {}
        exec(code, scope)
        for expression, comment in shown:
            value = eval(expression, scope)
            expected = comment.split(" — ")[0].strip()
            assert repr(value) == expected, (expression, value, expected)
    finally:
        os.chdir(here)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "一、 坚持正确方向，始终做党的忠实追随者 ['一是', '二是', '三是']"
