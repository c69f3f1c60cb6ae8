"""The hostile-input and damage suites import their helpers (hostkit, hostile_gen) from here."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
