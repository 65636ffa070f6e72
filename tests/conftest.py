"""Test-wide setup: GUI tests run on Qt's offscreen platform (no display needed), in English.

This must happen before anything imports Qt, so it lives at the top of the root conftest.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface the tests check is the English one, whatever the machine's locale (language.py);
# tests of the Arabic interface ask for it.
os.environ["ANNOTATOR_LANG"] = "en"
