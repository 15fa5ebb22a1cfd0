"""speechparse: Chinese official speeches (领导讲话稿) to validated, typed structure.

>>> import speechparse
>>> speech = speechparse.parse("同志们：\\n今天，大会隆重召开。\\n谢谢大家！")
>>> speech.salutation.addressees
['同志们']
"""

from .api import parse, parse_bytes, parse_file
from .decode import DecodeError
from .errors import ParseError
from .jsonio import dumps, json_schema, loads
from .models import (
    SCHEMA_VERSION,
    Act,
    Block,
    Closing,
    Demands,
    Diagnostic,
    Greeting,
    Hope,
    Hopes,
    Item,
    MarkerStyle,
    Noise,
    NoiseKind,
    Opening,
    Review,
    Salutation,
    Severity,
    Span,
    Speech,
)
from .render import render

__version__ = "1.0.0"


def __getattr__(name: str) -> object:
    """``speechparse.to_html``, imported on first use: it needs the ``view`` extra (and so
    is not in ``__all__``: a star import works without it)."""
    if name == "to_html":
        from .view import to_html

        return to_html
    raise AttributeError(f"module 'speechparse' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "Act",
    "Block",
    "Closing",
    "DecodeError",
    "Demands",
    "Diagnostic",
    "Greeting",
    "Hope",
    "Hopes",
    "Item",
    "MarkerStyle",
    "Noise",
    "NoiseKind",
    "Opening",
    "ParseError",
    "Review",
    "Salutation",
    "Severity",
    "Span",
    "Speech",
    "dumps",
    "json_schema",
    "loads",
    "parse",
    "parse_bytes",
    "parse_file",
    "render",
]
