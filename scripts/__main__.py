import sys

from . import accel

accel.activate()  # the compiled drafting modules, when built for this code (scripts/accel.py)

from .cli import main  # noqa: E402 (after activate: imports the drafting modules)

sys.exit(main())
