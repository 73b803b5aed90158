"""``python -m neurocanvas_cli``: the ``neurocanvas`` command."""

import sys

from neurocanvas_cli import main

sys.exit(main())
