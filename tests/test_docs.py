"""The docs stay honest: every data file and command is documented, the README example runs."""

import re
from pathlib import Path

from attrition.cli import app, load_commands
from attrition.lexicon.load import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent


def test_docs_every_data_file_is_documented():
    text = (ROOT / "docs" / "lexicons.md").read_text()
    for name in DATA_FILES:
        assert f"`{name}`" in text, name


def test_docs_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    load_commands()
    names = {c.name or c.callback.__name__ for c in app.registered_commands if not c.hidden}
    names |= {g.name for g in app.registered_groups if g.name}
    for name in names:
        assert f"attrition {name}" in readme, name


def test_docs_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    namespace: dict = {"datetime": __import__("datetime")}
    exec(block, namespace)
    from attrition.models import Span

    namespace["Span"] = Span
    for line in block.splitlines():
        m = re.match(r"(c\.[\w., c]+?)\s+#\s*(.+)$", line)
        if m:
            assert repr(eval(m.group(1), namespace)) == m.group(2).strip(), line
