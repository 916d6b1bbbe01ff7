"""`mingel user create|delete` and `mingel token create` as an operator types them."""

import pytest
from typer.testing import CliRunner

from mingel.accounts.models import ApiToken, User, hash_token
from mingel.cli import app
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def mingel(*args, stdin=None):
    return runner.invoke(app, list(args), input=stdin)


def test_it_creates_a_user_with_a_password_from_stdin():
    res = mingel(
        "user",
        "create",
        "--email",
        "Eva@Example.com",
        "--password-stdin",
        stdin="a-long-secret-77\n",
    )
    assert res.exit_code == 0, res.output
    assert User.objects.get(email="eva@example.com").check_password("a-long-secret-77")


def test_it_refuses_a_taken_email_with_one_line_on_stderr(alice):
    res = mingel("user", "create", "--email", "alice@example.com")
    assert res.exit_code == 1
    assert res.stderr.strip() == "mingel: An account with this email already exists."


def test_it_prints_the_token_alone_on_the_last_line(alice):
    res = mingel("token", "create", "--user", "alice@example.com")
    assert res.exit_code == 0
    raw = res.stdout.splitlines()[-1]
    assert ApiToken.objects.get(user=alice).token_hash == hash_token(raw)


def test_it_deletes_a_user_after_the_email_is_typed_again(alice, bob):
    ContactFactory.create_batch(3, owner=alice)
    res = mingel("user", "delete", "--email", "alice@example.com", stdin="alice@example.com\n")
    assert res.exit_code == 0, res.output
    # Three contacts and, since search landed, each contact's search document.
    assert "deleted user alice@example.com and 6 rows of its data" in res.stdout
    assert not User.objects.filter(email="alice@example.com").exists()
    assert User.objects.filter(email="bob@example.com").exists()


def test_it_keeps_the_user_when_the_typed_email_differs(alice):
    res = mingel("user", "delete", "--email", "alice@example.com", stdin="bob@example.com\n")
    assert res.exit_code == 1
    assert "not deleted" in res.stderr
    assert User.objects.filter(email="alice@example.com").exists()


def test_it_keeps_the_user_when_nothing_is_typed(alice):
    res = mingel("user", "delete", "--email", "alice@example.com", stdin="")
    assert res.exit_code == 1
    assert User.objects.filter(email="alice@example.com").exists()


def test_it_deletes_without_asking_with_yes(alice):
    res = mingel("user", "delete", "--email", "ALICE@example.com", "--yes")
    assert res.exit_code == 0
    assert not User.objects.filter(email="alice@example.com").exists()


def test_it_says_when_there_is_no_such_user(db):
    res = mingel("user", "delete", "--email", "nobody@example.com", "--yes")
    assert res.exit_code == 1
    assert res.stderr.strip() == "mingel: no user with email nobody@example.com"
