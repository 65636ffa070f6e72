"""Test-wide setup: GUI tests run on Qt's offscreen platform (no display needed).

This must happen before anything imports Qt, so it lives at the top of the root conftest.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
