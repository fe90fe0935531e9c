"""Help text is shown as written: Rich markup must not eat bracketed words such as `[default: ...]`."""

import re

import typer
from typer.testing import CliRunner

from attrition.cli import app

runner = CliRunner()


def _commands(group, prefix: list[str]):
    for name, command in group.commands.items():
        yield [*prefix, name], command
        if hasattr(command, "commands"):  # a sub-group (typer vendors its own click)
            yield from _commands(command, [*prefix, name])


def _flat(s: str) -> str:
    return re.sub(r"[\s│╭╮╰╯─]+", "", s)


def test_every_option_help_is_printed_whole():
    root = typer.main.get_command(app)
    assert hasattr(root, "commands")
    checked = 0
    for path, command in _commands(root, []):
        # wide enough that every help text is on one line of the options table
        page = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "1000"}).stdout
        shown = [_flat(line) for line in page.splitlines()]
        for param in command.params:
            help_text = getattr(param, "help", None)
            if not help_text:
                continue
            expected = _flat(help_text.replace("\\[", "["))
            assert any(expected in line for line in shown), (path, param.name)
            checked += "[" in help_text
    assert checked >= 5  # the --db defaults of every store command, at least
