"""Every cue phrase the parser recognises, in one place.

The patterns run on the *normalised* text (see normalize.py): full-width ASCII forms are
folded to half-width, so "，" is written "," here, "：" is ":", "（一）" is "(一)", "！" is
"!". The ideographic full stop 。 and the enumeration comma 、 have no half-width form and
stay as they are.

The lists describe the genre (../docs/genre.md), not any one speech: they are the phrases
officials use, and each is short. Add a phrase in these modules, never in the stages that
use them.

They are kept in three modules, one place: speech.py (the parts of the speech and the
prefilters), site.py (site text and collections of speeches) and meta.py (metadata and
checking a draft). Every name is read as ``cues.NAME``.
"""

from .meta import *  # noqa: F403
from .site import *  # noqa: F403
from .speech import *  # noqa: F403
