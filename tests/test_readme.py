"""The README stays true: its key table is the keymap's, its commands exist."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_key_table_is_generated_from_the_keymaps():
    readme = (ROOT / "README.md").read_text()
    m = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", readme, re.S)
    assert m, "README lost its key table markers"
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "keytable.py")],
                         capture_output=True, text=True, check=True).stdout
    assert m.group(1).strip() == out.strip(), "run scripts/keytable.py and paste its output"


def test_readme_setup_commands_match_ci():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert len(blocks) == 2 and "wiredesk demo" in blocks[0]
    ci = (ROOT / ".ci" / "run").read_text()
    assert blocks[1].strip() in ci


def test_readme_screenshots_exist():
    readme = (ROOT / "README.md").read_text()
    shots = re.findall(r"\((screenshots/[^)]+\.svg)\)", readme)
    assert shots and all((ROOT / s).is_file() for s in shots)
