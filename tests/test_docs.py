"""The README's commands are real: every `policygraph ...` line of its shell and console blocks parses with the
CLI's own parser (nothing is run), each command's --help shows an example that parses too, the Python snippets
compile, and the quick start is exactly what CI runs (.ci/run)."""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHELL_OPERATORS = {"&&", "||", ";", "|", "&"}


def cli_parser() -> argparse.ArgumentParser:
    """The parser `policygraph` itself uses (cli.py builds it; `main(argv)` parses with the same one)."""
    from policygraph.cli import make_parser

    return make_parser()


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every ``` block."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)]


def _commands(lines: list[str], prompt: str | None) -> list[str]:
    """Whole shell commands: with a prompt ("$ "), only lines after it (a console block's output is not a
    command); a command goes on over the next lines while a quote is open or a line ends with a backslash."""
    commands, current = [], None
    for line in lines:
        if current is None:
            if prompt is not None:
                if not line.startswith(prompt):
                    continue
                line = line[len(prompt):]
            current = line
        else:
            current += "\n" + line
        try:
            shlex.split(current, comments=True)
            complete = not current.endswith("\\")
        except ValueError:  # No closing quotation
            complete = False
        if complete:
            commands.append(current)
            current = None
    assert current is None, f"a command in README.md never ends: {current!r}"
    return commands


def policygraph_argvs(command: str) -> list[list[str]]:
    """The argument lists of each `policygraph` call in one shell command (after `&&`, with VAR=value before
    it, redirections and comments dropped)."""
    lex = shlex.shlex(command.replace("\\\n", " "), posix=True, punctuation_chars=True)
    lex.whitespace_split = True
    segments, seg = [], []
    for token in lex:
        if token in SHELL_OPERATORS:
            segments.append(seg)
            seg = []
        else:
            seg.append(token)
    segments.append(seg)
    argvs = []
    for seg in segments:
        while seg and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", seg[0]):
            seg = seg[1:]
        if not seg or seg[0] != "policygraph":
            continue
        argv, rest = [], iter(seg[1:])
        for token in rest:
            if token in (">", ">>", "<", "2>"):
                next(rest, None)  # the redirection's file
            else:
                argv.append(token.replace("\\$", "$"))  # "\$state" in double quotes: the shell passes $state
        argvs.append(argv)
    return argvs


def readme_argvs() -> list[list[str]]:
    argvs = []
    for lang, body in fenced_blocks(README.read_text(encoding="utf-8")):
        if lang in ("bash", "sh", "shell"):
            commands = _commands(body.splitlines(), None)
        elif lang == "console":
            commands = _commands(body.splitlines(), "$ ")
        else:
            continue
        for command in commands:
            argvs += policygraph_argvs(command)
    return argvs


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse without running: an argparse error (exit 2) becomes a failure that shows its message."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            return cli_parser().parse_args(argv)
    except SystemExit as stop:
        pytest.fail(f"`policygraph {shlex.join(argv)}` does not parse (exit {stop.code}): {err.getvalue().strip()}")


def subcommands(parser: argparse.ArgumentParser, prefix=()) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command and sub-command (`queries run`...) with its parser."""
    found = {}
    for action in parser._actions:  # argparse keeps its sub-parsers here and nowhere public
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[(*prefix, name)] = sub
                found.update(subcommands(sub, (*prefix, name)))
    return found


COMMANDS = sorted(subcommands(cli_parser()))


# -- the README's shell commands ---------------------------------------------------------------------------------
def test_the_readme_shows_commands():
    documented = {argv[0] for argv in readme_argvs() if argv}
    # the quick start's build, the first table of commands, querying, the view, incremental builds
    assert {"build", "export", "stats", "validate", "query", "queries", "push", "sparql", "view", "explain",
            "brief", "add", "remove"} <= documented, documented


def _short(argv: list[str]) -> str:
    return " ".join(" ".join(argv).split())[:60]


@pytest.mark.parametrize("argv", readme_argvs(), ids=_short)
def test_every_readme_command_parses(argv):
    args = parse(argv)
    assert getattr(args, "func", None), f"`policygraph {shlex.join(argv)}` names no command"


def test_readme_python_snippets_compile():
    snippets = [body for lang, body in fenced_blocks(README.read_text(encoding="utf-8")) if lang == "python"]
    assert snippets
    for i, body in enumerate(snippets, 1):
        compile(body, f"README.md, python block {i}", "exec")


# -- --help: an example for every command, and the example parses ---------------------------------------------
def help_text(command: tuple[str, ...]) -> str:
    from policygraph.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0, command
    return out.getvalue()


def test_the_top_level_help_lists_every_command():
    text = help_text(())
    listed = set(re.findall(r"^    (\w+)\s", text, flags=re.M))
    assert listed == {c[0] for c in COMMANDS}, listed
    assert {"build", "export", "validate", "stats"} <= listed


def test_the_installed_command_is_the_same_cli(monkeypatch):
    """`policygraph` on PATH (the entry point the install made, beside this Python) prints the same help."""
    script = Path(sys.executable).with_name("policygraph")
    if not script.exists():
        pytest.skip(f"no policygraph entry point beside {sys.executable} (not installed with pip)")
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal: the same width in both
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == help_text(())


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_help_has_an_example_that_parses(command):
    text = help_text(command)
    assert re.search(r"^examples?:$", text, flags=re.M | re.I), text
    example = text[re.search(r"^examples?:$", text, flags=re.M | re.I).end():]
    argvs = [argv for line in _commands(example.splitlines(), "  ") for argv in policygraph_argvs(line)]
    assert any(argv[:len(command)] == list(command) for argv in argvs), (command, example)
    for argv in argvs:
        parse(argv)


# -- the quick start is what CI runs ----------------------------------------------------------------------------
def quick_start() -> list[str]:
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_quick_start_exactly():
    commands = quick_start()
    assert len(commands) == 2  # install + build, then the tests
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert ci == commands
