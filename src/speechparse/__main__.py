"""``python -m speechparse``: the same as the ``speechparse`` command."""

import sys

from .cli import main

sys.exit(main())
