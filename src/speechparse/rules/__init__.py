"""The hand-written frame (the rules): how pages were framed before the trained labeller.

They frame a clean draft (a page with no site text's marks, which the labeller was not
trained on) and a page the labeller finds no speech on, and they are the baseline that
``make cv`` scores the labeller against (``speechparse.api.parse_rules``).
"""

from .frame import forget, frame

__all__ = ["forget", "frame"]
