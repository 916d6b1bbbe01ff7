"""`mingel coach` and `mingel draft`: the part of the command line that scripts call in bulk.

The work is done here, in plain Python with argparse, so that the console script can run
these two commands without building the typer app: typer validates every parameter through
pydantic, which alone costs more start-up time than checking a message. `mingel.cli.main`
hands `coach` and `draft` straight to `main()` below; the typer commands of the same name
(for `mingel --help` and the in-process tests) call the same `coach()` and `draft()`.
Neither path imports Django.

Errors are one line on standard error: exit 1 for input that was read but is invalid,
2 for usage errors (PRODUCT.md).
"""

import argparse
import json
import sys
from typing import NoReturn, TextIO

KINDS = ("connect", "thanks", "reconnect")
LANGS = ("sv", "en", "auto")


class CliError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.message, self.code = message, code


def read_input(source: str) -> str:
    """Text from a file, or from standard input for "-"."""
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise CliError(f"no such file: {source}", 2) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {source}: {exc}") from None


def print_result(data: dict, text: str, out: TextIO) -> None:
    out.write(f"score {data['score']}/100 ({data['lang']}, {data['kind']})\n")
    for f in data["findings"]:
        out.write(f"{f['severity']} {f['rule']} [{f['start']}-{f['end']}]: {f['message']}\n")
        excerpt = text[f["start"] : f["end"]].strip().replace("\n", " ")
        if excerpt:
            out.write(f"  > {excerpt[:70]}\n")
        out.write(f"  tip: {f['tip']}\n")
        if f.get("suggestion"):
            out.write(f"  try: {f['suggestion']}\n")


def coach(
    *,
    source: str = "-",
    kind: str | None = None,
    lang: str = "auto",
    subject: str = "",
    recipient: str = "",
    context: str = "",
    limit: int | None = None,
    as_json: bool = False,
    jsonl: bool = False,
    out: TextIO | None = None,
) -> None:
    """Check one message, or a JSON-lines batch; raises CliError on bad input."""
    from mingel.core.coach import batch, check

    out = out or sys.stdout
    if jsonl:
        try:
            requests = batch.parse_lines(read_input(source).splitlines())
        except batch.BatchError as exc:
            raise CliError(str(exc)) from None
        out.writelines(line + "\n" for line in batch.run(requests))
        return
    if kind is None:
        raise CliError(
            "--kind is required (connect, thanks or reconnect) unless --jsonl is given", 2
        )
    text = read_input(source).rstrip("\r\n")
    if not text.strip():
        raise CliError("the message is empty")
    result = check(
        text,
        kind=kind,
        lang=lang,
        subject=subject,
        recipient=recipient,
        context=context,
        limit=limit,
    ).to_dict()
    if as_json:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        print_result(result, text, out)


def draft(
    *,
    kind: str,
    source: str = "-",
    lang: str = "auto",
    variant: int = 0,
    limit: int | None = None,
    as_json: bool = False,
    rewrite: bool = False,
    out: TextIO | None = None,
) -> None:
    """Compose a draft from a scenario file and check it; raises CliError on bad input.
    With `rewrite`, a configured language model rewrites the draft first; if it fails, the
    built-in draft is used and the reason goes to standard error."""
    from mingel.core.coach import check, detect
    from mingel.core.coach.text import tokens
    from mingel.core.compose import Scenario, compose

    out = out or sys.stdout
    try:
        scenario = Scenario.from_dict(json.loads(read_input(source)))
    except json.JSONDecodeError as exc:
        raise CliError(f"the scenario is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    language = lang
    if language == "auto":
        own = " ".join((scenario.context, scenario.me.update, scenario.ask, scenario.event))
        language = detect(tokens(own), "en")
    result = composed = compose(kind, scenario, lang=language, variant=variant, limit=limit)
    rewritten = None
    if rewrite:
        from mingel.core.compose.rewrite import LlmConfig
        from mingel.core.compose.rewrite import rewrite as llm_rewrite

        config = LlmConfig.from_env()
        if config is None:
            raise CliError("--rewrite needs MINGEL_LLM_BASE_URL and MINGEL_LLM_MODEL", 2)
        rewritten = llm_rewrite(result, config, recipient=scenario.contact.name, limit=limit)
        if not rewritten.ok:
            sys.stderr.write(f"mingel: {rewritten.message}; using the built-in draft\n")
        result = rewritten.draft
    coached = check(
        result.body,
        kind=kind,
        lang=language,
        subject=result.subject,
        recipient=scenario.contact.name,
        # The topic as the draft states it: a note in the other language or one that
        # became a placeholder has no words in common with the message to check.
        context=composed.context,
        limit=limit,
    ).to_dict()
    if as_json:
        data = {**result.to_dict(), "coach": coached}
        if rewritten is not None:
            data["rewrite"] = {"ok": rewritten.ok, "failure": rewritten.failure}
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    if result.subject:
        out.write(f"Subject: {result.subject}\n\n")
    out.write(result.body + "\n")
    out.write(f"\n-- coach: score {coached['score']}/100, {len(coached['findings'])} findings\n")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"mingel: {message}\n")
        sys.exit(2)


def whole_number(minimum: int):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{value} is below {minimum}")
        return number

    return parse


def parser() -> Parser:
    root = Parser(prog="mingel")
    commands = root.add_subparsers(dest="command", required=True, parser_class=Parser)
    c = commands.add_parser(
        "coach", help="Check a connect note, thank-you or reconnect email and explain each finding."
    )
    c.add_argument("source", nargs="?", default="-", metavar="FILE|-")
    c.add_argument("--kind", choices=KINDS, help="Kind of message.")
    c.add_argument("--lang", choices=LANGS, default="auto", help="Language of the message.")
    c.add_argument("--subject", default="", help="Subject line (reconnect).")
    c.add_argument("--recipient", default="", help="Recipient's name.")
    c.add_argument("--context", default="", help="What you talked about.")
    c.add_argument("--limit", type=whole_number(1), help="Length limit.")
    c.add_argument("--json", dest="as_json", action="store_true", help="Print one JSON object.")
    c.add_argument("--jsonl", action="store_true", help="Batch: JSON lines in and out.")
    d = commands.add_parser(
        "draft", help="Compose a connect note, thank-you or reconnect email, and check it."
    )
    d.add_argument("source", nargs="?", default="-", metavar="SCENARIO.json")
    d.add_argument("--kind", choices=KINDS, required=True, help="Kind of message.")
    d.add_argument("--lang", choices=LANGS, default="auto", help="Language of the draft.")
    d.add_argument("--variant", type=whole_number(0), default=0, help="Which phrasing to use.")
    d.add_argument("--limit", type=whole_number(1), help="Connect note limit.")
    d.add_argument("--json", dest="as_json", action="store_true", help="Print one JSON object.")
    d.add_argument(
        "--rewrite", action="store_true", help="Let the configured language model rewrite it."
    )
    return root


def main(argv: list[str]) -> int:
    """Run `coach ...` or `draft ...`; returns the exit code."""
    args = vars(parser().parse_args(argv))
    command = coach if args.pop("command") == "coach" else draft
    try:
        command(**args)
    except CliError as exc:
        sys.stderr.write(f"mingel: {exc.message}\n")
        return exc.code
    return 0


def console() -> None:
    """The `mingel` console script: `coach` and `draft` run here without importing typer;
    every other command goes to the typer app in mingel.cli."""
    if sys.argv[1:2] and sys.argv[1] in ("coach", "draft"):
        sys.exit(main(sys.argv[1:]))
    from mingel.cli import main as cli_main

    cli_main()
