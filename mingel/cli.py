"""The `mingel` console script.

Commands that need the database start Django inside the command; `coach` and `draft`
never do, so they stay fast and usable without a web stack. Errors are one line on
standard error: exit 1 for input that was read but is invalid, 2 for usage errors.
"""

import json
import os
import sys
from enum import StrEnum
from typing import Annotated, NoReturn

import typer

from mingel import __version__

app = typer.Typer(
    help="Mingel: a networking companion for people who find networking hard.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain usage errors: a short message on standard error, not a drawn box.
    rich_markup_mode=None,
)
user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
token_app = typer.Typer(help="Manage personal API tokens.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"mingel: {message}", err=True)
    raise typer.Exit(code)


def start_django(*, migrate: bool = True) -> None:
    """Sets Django up for a command that uses the database; with `migrate`, makes sure
    the database is ready first (see ensure_migrated)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mingel.settings")
    import django

    try:
        django.setup()
    except ValueError as exc:  # a badly written setting, e.g. MINGEL_DEBUG=maybe
        fail(f"configuration error: {exc}", 2)
    if migrate:
        ensure_migrated()


HOSTED_NOT_MIGRATED = (
    "the database is not set up yet: run `mingel serve` once, or "
    "`DJANGO_SETTINGS_MODULE=mingel.settings django-admin migrate`"
)


def ensure_migrated() -> None:
    """A fresh data directory has an empty database. In embedded mode (no DATABASE_URL)
    it is migrated here, quietly, as `mingel serve` would; in hosted mode migrating is
    the operator's step (once per release), so the command says so and exits 1 instead
    of failing later with "no such table"."""
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    from mingel import config

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        fail(f"cannot use the database: {exc}")
    if not pending:
        return
    if not config.is_embedded(os.environ):
        fail(HOSTED_NOT_MIGRATED)
    call_command("migrate", interactive=False, verbosity=0)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"mingel {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    pass


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    threads: Annotated[int, typer.Option(help="Worker threads.")] = 8,
) -> None:
    """Migrate the database, then serve Mingel with a production WSGI server."""
    # Read by the settings: on 0.0.0.0 the embedded app answers to this machine's own
    # names and addresses too (config.allowed_hosts).
    os.environ["MINGEL_SERVE_HOST"] = host
    start_django(migrate=False)
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from mingel.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    if worker_in_process():
        from mingel import worker

        # Large imports and the email digest run here; in hosted mode, in `mingel worker`.
        worker.start_in_process()
    typer.echo(f"Mingel {__version__} at http://{host}:{port}/  (Ctrl+C to stop)")
    for line in network_lines(port):
        typer.echo(line)
    waitress_serve(application, host=host, port=port, threads=threads, ident="mingel")


def network_lines(port: int) -> list[str]:
    """What to print when serving every interface: the addresses to open on a phone in
    embedded mode, or the setting hosted mode needs."""
    from mingel import config

    if config.serves_network(os.environ):
        urls = config.network_urls(config.machine_addresses(), port)
        lines = [f"On your network (a phone on the same Wi-Fi): {url}" for url in urls] or [
            "On your network: no address found; use this machine's IP address."
        ]
        return lines + config.signup_lines(os.environ)
    host = os.environ.get("MINGEL_SERVE_HOST", "")
    if host in config.WILDCARD_ADDRESSES and "MINGEL_ALLOWED_HOSTS" not in os.environ:
        return ["Hosted mode: set MINGEL_ALLOWED_HOSTS to the names this server answers to."]
    return []


def worker_in_process() -> bool:
    """Whether `serve` runs the background task worker itself (MINGEL_WORKER_IN_PROCESS;
    on by default in embedded mode, off in hosted mode)."""
    from mingel import config

    try:
        return config.worker_in_process(os.environ)
    except ValueError as exc:
        fail(str(exc), 2)


@app.command("digest")
def digest_command() -> None:
    """Send the email digests that are due now, then exit. Safe to run often: never twice
    per period. (A task worker also checks every 15 minutes; see `mingel worker`.)"""
    start_django()
    from mingel.followups import digest

    sent = digest.send_due_digests()
    typer.echo(f"sent {sent} digest{'s' if sent != 1 else ''}")


@app.command(
    "worker",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def worker_command(ctx: typer.Context) -> None:
    """Run the background task worker (large imports, the email digest every 15 minutes)
    until stopped. Hosted mode runs one or more beside the app processes; `mingel serve`
    in embedded mode runs one itself. Options go to django-tasks-db's `db_worker`, e.g.
    --batch (run what is queued, then exit) or --interval SECONDS."""
    start_django()
    from django.core.management import CommandError, call_command

    from mingel.followups.tasks import digests_schedule

    try:
        digests_schedule()
        call_command("db_worker", "--no-reload", *ctx.args)
    except CommandError as exc:  # an option db_worker does not know, or a bad value
        fail(str(exc).removeprefix("Error: "), 2)


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="The account's email address.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    name: Annotated[str, typer.Option(help="Display name.")] = "",
) -> None:
    """Create an account."""
    start_django()
    from django.core.exceptions import ValidationError

    from mingel.accounts import services

    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("no password on standard input")
    try:
        user = services.user_create(email=email, password=password, display_name=name)
    except ValidationError as exc:
        fail(" ".join(exc.messages))
    typer.echo(f"created user {user.email}")


@user_app.command("delete")
def user_delete(
    email: Annotated[str, typer.Option(help="The account's email address.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Do not ask; delete at once (for scripts).")
    ] = False,
) -> None:
    """Delete an account and all its data. Asks to type the email again unless --yes."""
    start_django()
    from mingel.accounts import services
    from mingel.accounts.models import User

    owner = User.objects.filter(email__iexact=email.strip()).first()
    if owner is None:
        fail(f"no user with email {email}")
    if not yes:
        try:
            typed = typer.prompt(
                f"Type {owner.email} to delete it and all its data", default="", show_default=False
            )
        except (typer.Abort, EOFError):
            typed = ""
        if typed.strip().lower() != owner.email:
            fail("not deleted: the email typed does not match (use --yes in scripts)")
    deleted = services.user_delete(user=owner)
    rows = sum(count for label, count in deleted.items() if label != User._meta.label)
    typer.echo(f"deleted user {owner.email} and {rows} rows of its data")


@token_app.command("create")
def token_create(
    user: Annotated[str, typer.Option(help="Email of the account the token acts for.")],
    name: Annotated[str, typer.Option(help="A name to recognise the token by.")] = "cli",
) -> None:
    """Create an API token; the token alone is printed on the last line."""
    start_django()
    from mingel.accounts import services
    from mingel.accounts.models import User

    owner = User.objects.filter(email__iexact=user.strip()).first()
    if owner is None:
        fail(f"no user with email {user}")
    _, raw = services.token_create(user=owner, name=name)
    typer.echo(f"created token for {owner.email}; it is shown only once:")
    typer.echo(raw)


@app.command()
def reindex(
    user: Annotated[
        str | None, typer.Option(help="Only this account's contacts (by email).")
    ] = None,
) -> None:
    """Rebuild the search index (of one account, or of everyone)."""
    start_django()
    from mingel.accounts.models import User
    from mingel.search.services import search_reindex_all

    owner = None
    if user is not None:
        owner = User.objects.filter(email__iexact=user.strip()).first()
        if owner is None:
            fail(f"no user with email {user}")
    count = search_reindex_all(owner=owner)
    typer.echo(f"indexed {count} contact{'s' if count != 1 else ''}")


class Kind(StrEnum):
    connect = "connect"
    thanks = "thanks"
    reconnect = "reconnect"


class Lang(StrEnum):
    sv = "sv"
    en = "en"
    auto = "auto"


@app.command()
def coach(
    source: Annotated[
        str, typer.Argument(metavar="[FILE|-]", help="Message file, - for stdin.")
    ] = "-",
    kind: Annotated[Kind | None, typer.Option(help="Kind of message.")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the message.")] = Lang.auto,
    subject: Annotated[str, typer.Option(help="Subject line (reconnect).")] = "",
    recipient: Annotated[str, typer.Option(help="Recipient's name.")] = "",
    context: Annotated[str, typer.Option(help="What you talked about.")] = "",
    limit: Annotated[int | None, typer.Option(min=1, help="Length limit.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Batch: JSON lines in and out.")] = False,
) -> None:
    """Check a connect note, thank-you or reconnect email and explain each finding."""
    # The console script runs this command through mingel.textcli without typer (fast
    # start-up); this wrapper serves `mingel --help` and in-process callers.
    from mingel import textcli

    try:
        textcli.coach(
            source=source,
            kind=kind.value if kind else None,
            lang=lang.value,
            subject=subject,
            recipient=recipient,
            context=context,
            limit=limit,
            as_json=as_json,
            jsonl=jsonl,
        )
    except textcli.CliError as exc:
        fail(exc.message, exc.code)


@app.command()
def draft(
    kind: Annotated[Kind, typer.Option(help="Kind of message.")],
    source: Annotated[
        str, typer.Argument(metavar="SCENARIO.json", help="Scenario file, - for stdin.")
    ] = "-",
    lang: Annotated[Lang, typer.Option(help="Language of the draft.")] = Lang.auto,
    variant: Annotated[int, typer.Option(min=0, help="Which phrasing to use.")] = 0,
    limit: Annotated[int | None, typer.Option(min=1, help="Connect note limit.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    rewrite: Annotated[
        bool, typer.Option("--rewrite", help="Let the configured language model rewrite it.")
    ] = False,
) -> None:
    """Compose a connect note, thank-you or reconnect email from a scenario, and check it."""
    from mingel import textcli

    try:
        textcli.draft(
            kind=kind.value,
            source=source,
            lang=lang.value,
            variant=variant,
            limit=limit,
            as_json=as_json,
            rewrite=rewrite,
        )
    except textcli.CliError as exc:
        fail(exc.message, exc.code)


FAST_COMMANDS = ("coach", "draft")


class ExportFormat(StrEnum):
    vcard = "vcard"
    csv = "csv"
    json = "json"


def find_owner(email: str):
    from mingel.accounts.models import User

    owner = User.objects.filter(email__iexact=email.strip()).first()
    if owner is None:
        fail(f"no user with email {email}")
    return owner


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Argument(metavar="vcard|csv|json", help="Format.")],
    user: Annotated[str, typer.Option(help="Email of the account to export.")],
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV with semicolons, for Excel in Swedish.")
    ] = False,
) -> None:
    """Write a user's contacts (vCard 4.0, CSV) or everything (JSON archive) to stdout."""
    start_django()
    from django.utils import timezone

    from mingel.exports import exporting

    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if excel and fmt.value != "csv":
        fail("--excel is for csv only")
    kind = "csv-excel" if excel else fmt.value
    for chunk in exporting.chunks(kind, find_owner(user), now=timezone.now()):
        if out is None:
            sys.stdout.write(chunk)
        else:
            out.write(chunk.encode("utf-8"))
    sys.stdout.flush()


@app.command("restore")
def restore_command(
    source: Annotated[str, typer.Argument(metavar="FILE", help="Archive file, - for stdin.")],
    user: Annotated[str, typer.Option(help="Email of the (empty) account to restore into.")],
) -> None:
    """Restore a JSON archive into an empty account: everything or nothing."""
    start_django()
    from mingel.exports import restore, services

    owner = find_owner(user)
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as f:
                data = f.read(restore.MAX_BYTES + 1)
    except FileNotFoundError:
        fail(f"no such file: {source}", 2)
    except OSError as exc:
        fail(f"cannot read {source}: {exc.strerror}")
    try:
        counts = services.archive_restore(owner=owner, parsed=restore.parse_archive(data))
    except restore.ArchiveError as exc:
        fail(str(exc))
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    typer.echo(f"restored {summary} into {owner.email}")


class ImportSource(StrEnum):
    linkedin = "linkedin"
    vcard = "vcard"
    csv = "csv"


@app.command("import")
def import_command(
    source: Annotated[ImportSource, typer.Argument(help="Kind of file.")],
    path: Annotated[str, typer.Argument(metavar="FILE", help="The export file.")],
    user: Annotated[str, typer.Option(help="Email of the account to import into.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only say what would happen.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", metavar="FIELD=HEADER", help="CSV: which column fills a field."),
    ] = None,
) -> None:
    """Import contacts from LinkedIn's Connections.csv, a vCard file or a CSV file.

    All or nothing: exit 1 and nothing imported when the file cannot be read as a whole.
    Rows with errors are listed and left out; values moved to the notes or left out are
    listed as warnings (on stderr), and the row imported."""
    start_django()
    from django.utils import translation

    from mingel.imports import cli as imports_cli

    translation.activate("en")
    if not os.path.isfile(path):
        fail(f"no such file: {path}", 2)
    try:
        summary = imports_cli.run(
            source=source.value, path=path, email=user, dry_run=dry_run, mapping=mapping or []
        )
    except imports_cli.CommandError as exc:
        fail(str(exc), exc.code)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    verb = "would create" if dry_run else "created"
    typer.echo(
        f"{verb} {summary['created']}, updated {summary['updated']}, "
        f"skipped {summary['skipped']}, errors {len(summary['errors'])}"
    )
    for error in summary["errors"]:
        typer.echo(f"line {error['line']}: {error['reason']}")
    for warning in summary["warnings"]:
        typer.echo(f"line {warning['line']}: warning: {warning['reason']}", err=True)


def main() -> None:
    if sys.argv[1:2] and sys.argv[1] in FAST_COMMANDS:
        from mingel import textcli

        sys.exit(textcli.main(sys.argv[1:]))
    app()
