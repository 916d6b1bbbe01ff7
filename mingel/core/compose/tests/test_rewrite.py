"""The optional language-model rewrite, against a tiny OpenAI-compatible server on localhost:
a good answer is used and checked; slow, failing or nonsensical answers fall back to the
built-in draft with the reason."""

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mingel.core.compose import Draft
from mingel.core.compose.rewrite import LlmConfig, parse_answer, prompt, rewrite

GOOD_RECONNECT = (
    "Subject: Long time no see - a question about data teams\n\n"
    "Hi Ola,\n\nIt's been three years since the Kafka meetup! Since then I have moved into "
    "data engineering at Volvo. Could I ask your advice on growing a data team? No worries "
    "if you don't have time. And if I can help you with anything, just say.\n\nBest,\nLina"
)


class Model(BaseHTTPRequestHandler):
    """Answers POST /v1/chat/completions the way the test asks through `server.mode`."""

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_POST(self):
        server = self.server
        length = int(self.headers.get("Content-Length", 0))
        server.requests.append(
            {
                "path": self.path,
                "auth": self.headers.get("Authorization"),
                "body": json.loads(self.rfile.read(length)),
            }
        )
        if server.mode == "slow":
            time.sleep(1.5)
        if server.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        if server.mode == "garbage":
            payload = b"<html>not json</html>"
        else:
            answer = {"choices": [{"message": {"role": "assistant", "content": server.answer}}]}
            payload = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def model():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Model)
    server.mode, server.answer, server.requests = "ok", GOOD_RECONNECT, []
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.config = LlmConfig(
        base_url=f"http://127.0.0.1:{server.server_address[1]}/v1",
        model="tiny",
        api_key="secret",
        timeout=0.5,
    )
    yield server
    server.shutdown()
    server.server_close()


DRAFT = Draft(lang="en", kind="reconnect", subject="Hello", body="Hi Ola, how are you?")


def test_it_uses_the_models_rewrite_and_splits_off_the_subject(model):
    result = rewrite(DRAFT, model.config, recipient="Ola Berg")
    assert result.ok and result.failure == ""
    assert result.draft.subject == "Long time no see - a question about data teams"
    assert result.draft.body.startswith("Hi Ola,") and result.draft.kind == "reconnect"
    (request,) = model.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer secret"
    assert request["body"]["model"] == "tiny"
    system, user = request["body"]["messages"]
    assert "(Ola)" in system["content"] and "Subject:" in system["content"]
    assert user["content"] == "Subject: Hello\n\nHi Ola, how are you?"


@pytest.mark.parametrize(
    ("mode", "failure", "message"),
    [
        ("slow", "timeout", "did not answer within 0.5 s"),
        ("error", "http", "HTTP 500"),
        ("garbage", "invalid", "not JSON"),
    ],
)
def test_it_falls_back_to_the_built_in_draft_with_the_reason(model, mode, failure, message):
    model.mode = mode
    started = time.perf_counter()
    result = rewrite(DRAFT, model.config)
    assert time.perf_counter() - started < 1.4  # the timeout, not the slow answer
    assert not result.ok and result.failure == failure and message in result.message
    assert result.draft == DRAFT


def test_it_falls_back_when_nothing_listens():
    config = LlmConfig(base_url="http://127.0.0.1:9/v1", model="tiny", timeout=0.5)
    result = rewrite(DRAFT, config)
    assert result.failure == "unreachable" and result.draft == DRAFT
    assert result.message.startswith("the language model could not be reached")


def test_an_empty_answer_is_a_failure(model):
    model.answer = "   "
    result = rewrite(DRAFT, model.config)
    assert result.failure == "invalid" and result.draft == DRAFT


@pytest.mark.parametrize(
    ("answer", "subject", "body"),
    [
        ('"Hej Ola! Tack för igår."', "", "Hej Ola! Tack för igår."),
        ("```\nHej Ola! Tack för igår.\n```", "", "Hej Ola! Tack för igår."),
        ("Ämne: Tack!\n\nHej Ola! Tack för igår.", "", "Hej Ola! Tack för igår."),
    ],
)
def test_it_cleans_up_what_the_model_wraps_around_the_message(answer, subject, body):
    draft = parse_answer(answer, Draft(lang="sv", kind="thanks", subject="", body="Hej"))
    assert (draft.subject, draft.body) == (subject, body)


def test_the_prompt_is_in_the_drafts_language_and_names_the_limit():
    (system, _) = prompt(Draft("sv", "connect", "", "Hej Ola"), recipient="Ola Ek", limit=300)
    assert "högst 300 tecken" in system["content"] and "(Ola)" in system["content"]


def test_it_is_configured_from_the_environment_or_not_at_all():
    assert LlmConfig.from_env({}) is None
    assert LlmConfig.from_env({"MINGEL_LLM_BASE_URL": "http://x/v1"}) is None
    config = LlmConfig.from_env(
        {
            "MINGEL_LLM_BASE_URL": "http://x/v1/",
            "MINGEL_LLM_MODEL": "m",
            "MINGEL_LLM_TIMEOUT": "bad",
        }
    )
    assert config == LlmConfig(base_url="http://x/v1", model="m", api_key="", timeout=20.0)


SCENARIO = {
    "me": {"name": "Lina Ek", "update": "I moved into data engineering at Volvo"},
    "contact": {"name": "Ola Berg"},
    "context": "the Kafka meetup",
    "since": "2022",
}


def mingel_draft(model, *args):
    exe = Path(sys.executable).parent / "mingel"
    env = {
        "PATH": "/usr/bin:/bin",
        "MINGEL_LLM_BASE_URL": model.config.base_url,
        "MINGEL_LLM_MODEL": "tiny",
        "MINGEL_LLM_TIMEOUT": "0.5",
    }
    return subprocess.run(
        [str(exe), "draft", "--kind", "reconnect", "--lang", "en", "--json", *args],
        input=json.dumps(SCENARIO),
        capture_output=True,
        text=True,
        env=env,
    )


def test_mingel_draft_rewrites_and_coaches_the_rewrite(model):
    res = mingel_draft(model, "--rewrite")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["rewrite"] == {"ok": True, "failure": ""}
    assert data["subject"] == "Long time no see - a question about data teams"
    assert data["coach"]["kind"] == "reconnect" and "findings" in data["coach"]


def test_mingel_draft_falls_back_with_a_clear_line_when_the_model_is_slow(model):
    model.mode = "slow"
    res = mingel_draft(model, "--rewrite")
    assert res.returncode == 0
    assert res.stderr == (
        "mingel: the language model did not answer within 0.5 s; using the built-in draft\n"
    )
    data = json.loads(res.stdout)
    assert data["rewrite"] == {"ok": False, "failure": "timeout"}
    assert data["coach"]["findings"] == []  # the built-in draft passes the coach


def test_mingel_draft_rewrite_needs_a_configured_model():
    exe = Path(sys.executable).parent / "mingel"
    res = subprocess.run(
        [str(exe), "draft", "--kind", "thanks", "--rewrite"],
        input=json.dumps(SCENARIO),
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 2
    assert res.stderr == "mingel: --rewrite needs MINGEL_LLM_BASE_URL and MINGEL_LLM_MODEL\n"
