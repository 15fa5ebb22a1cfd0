"""The wheel carries the grammar, the view's templates and the typing marker, so a
non-editable install works."""

import zipfile

from hatchling.builders.wheel import WheelBuilder

from helpers import ROOT
from speechparse.grammar import grammar_text


def test_wheel_ships_grammar_as_package_data(tmp_path):
    [wheel] = list(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert {"speechparse/grammar/speech.lark", "speechparse/py.typed"} <= names
        # the view's templates, which Jinja2 loads from the package
        templates = {f"speechparse/view/templates/{n}.html.j2" for n in ("_view", "view", "page")}
        assert templates <= names
        shipped = z.read("speechparse/grammar/speech.lark").decode("utf-8")
    assert shipped == (ROOT / "grammar" / "speech.lark").read_text(encoding="utf-8")
    assert shipped == grammar_text()
