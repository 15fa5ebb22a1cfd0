"""The one exception speechparse raises for bad input."""

from __future__ import annotations


class ParseError(ValueError):
    """The input could not be read as a speech (strict mode), or not decoded.

    ``offset`` is in code points into the text given to parse(); ``line`` and ``column``
    are 1-based, counted the way an editor counts them (without the text, both are 1).
    """

    def __init__(self, message: str, text: str = "", offset: int = 0) -> None:
        self.message = message
        self.offset = offset
        self.line = text.count("\n", 0, offset) + 1
        self.column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        super().__init__(f"{message} (line {self.line}, column {self.column})")
