"""Hypothesis profiles: random examples on a developer's machine (to find new failures),
the same examples on every CI run (a submission lands or not on its own merits, not on
the draw). Set HYPOTHESIS_PROFILE to choose; CI=true selects "ci"."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
