"""Optional: a language model rewrites a draft, behind any OpenAI-compatible endpoint (a local
Ollama or llama.cpp server, or a hosted one). The built-in composer stays the default and
works offline; this is only used when configured:

    MINGEL_LLM_BASE_URL   e.g. http://localhost:11434/v1 (the part before /chat/completions)
    MINGEL_LLM_MODEL      e.g. llama3.1
    MINGEL_LLM_API_KEY    sent as a bearer token when set
    MINGEL_LLM_TIMEOUT    seconds to wait for an answer, 20 by default

`rewrite()` never raises for a model that is slow, down or talks nonsense: it returns the
draft it was given, with `failure` saying why (a code for pages to translate) and `message`
saying it in English (for the command line). The caller runs the coach on whatever comes
back, so a rewrite is checked like any draft.
"""

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

from mingel.core.compose.model import Draft

DEFAULT_TIMEOUT = 20.0
MAX_ANSWER = 20_000  # characters; a networking message is far shorter

FAILURES = {
    "timeout": "the language model did not answer within {timeout:g} s",
    "unreachable": "the language model could not be reached ({detail})",
    "http": "the language model answered with an error (HTTP {detail})",
    "invalid": "the language model's answer could not be used ({detail})",
}


@dataclass(frozen=True)
class LlmConfig:
    base_url: str
    model: str
    api_key: str = ""
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "LlmConfig | None":
        """The configuration from the environment; None when no model is configured."""
        env = os.environ if env is None else env
        base, model = env.get("MINGEL_LLM_BASE_URL", "").strip(), env.get("MINGEL_LLM_MODEL", "")
        if not base or not model.strip():
            return None
        try:
            timeout = float(env.get("MINGEL_LLM_TIMEOUT") or DEFAULT_TIMEOUT)
        except ValueError:
            timeout = DEFAULT_TIMEOUT
        return cls(
            base_url=base.rstrip("/"),
            model=model.strip(),
            api_key=env.get("MINGEL_LLM_API_KEY", "").strip(),
            timeout=timeout if timeout > 0 else DEFAULT_TIMEOUT,
        )


@dataclass(frozen=True)
class Rewrite:
    draft: Draft
    failure: str = ""  # "", or a key of FAILURES
    message: str = ""  # the failure in English, for the command line

    @property
    def ok(self) -> bool:
        return not self.failure


GOALS = {
    "en": {
        "connect": "a LinkedIn connection note of at most {limit} characters",
        "thanks": "a short thank-you message after meeting someone, of at most 120 words",
        "reconnect": (
            "an email to someone the writer has not been in touch with for a long time, of "
            "at most 200 words, with a subject line. It names the long silence (in the subject "
            "too), sums up briefly what the writer has done since, asks for advice rather "
            "than a favour, tells the reader it is fine not to have time, and offers help back"
        ),
    },
    "sv": {
        "connect": "en kontaktförfrågan på LinkedIn på högst {limit} tecken",
        "thanks": "ett kort tackmeddelande efter ett möte, på högst 120 ord",
        "reconnect": (
            "ett mejl till någon som skribenten inte har hörts med på länge, på högst 200 ord "
            "och med ämnesrad. Det säger rakt ut att det var länge sedan (även i ämnesraden), "
            "berättar kort vad skribenten har gjort sedan dess, ber om råd snarare än en "
            "tjänst, säger att det är helt okej att inte ha tid, och erbjuder hjälp tillbaka"
        ),
    },
}
INSTRUCTIONS = {
    "en": (
        "You help a shy person write networking messages. Rewrite the draft below as {goal}. "
        "Keep every fact, name and concrete topic from the draft, and invent none. Write in "
        "English, warm and plain; no flattery, no pleading, no exclamation marks in a row, "
        "no claims of being an expert. Use the recipient's first name{name}. "
        "Answer with the message only{subject_rule}."
    ),
    "sv": (
        "Du hjälper en blyg person att skriva meddelanden till sitt nätverk. Skriv om utkastet "
        "nedan som {goal}. Behåll alla fakta, namn och konkreta ämnen ur utkastet och hitta "
        "inte på något. Skriv på svenska, varmt och enkelt; inget smicker, inget tiggande, "
        "inga dubbla utropstecken, inga påståenden om att vara expert. Använd mottagarens "
        "förnamn{name}. Svara bara med meddelandet{subject_rule}."
    ),
}
SUBJECT_RULE = {
    "en": ', its first line being "Subject: " and the subject line',
    "sv": ', med första raden "Ämne: " följd av ämnesraden',
}
SUBJECT_PREFIXES = ("subject:", "ämne:", "ämnesrad:")


def prompt(draft: Draft, *, recipient: str = "", limit: int | None = None) -> list[dict]:
    lang = draft.lang if draft.lang in INSTRUCTIONS else "en"
    goal = GOALS[lang][draft.kind].format(limit=limit or 200)
    first = recipient.split()[0] if recipient.strip() else ""
    system = INSTRUCTIONS[lang].format(
        goal=goal,
        name=f" ({first})" if first else "",
        subject_rule=SUBJECT_RULE[lang] if draft.kind == "reconnect" else "",
    )
    text = f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body
    return [{"role": "system", "content": system}, {"role": "user", "content": text}]


def parse_answer(answer: str, draft: Draft) -> Draft:
    """The model's text as a draft: code fences and quotes dropped, a "Subject:" line split
    off for a reconnect email (the old subject is kept when the model gives none)."""
    text = answer.strip()
    if text.startswith("```"):
        text = text.strip("`").partition("\n")[2].strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'“”":
        text = text[1:-1].strip()
    subject = draft.subject
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith(SUBJECT_PREFIXES):
        subject = first.split(":", 1)[1].strip() or subject
        text = rest.strip()
    if not text:
        raise ValueError("empty message")
    if draft.kind != "reconnect":
        subject = draft.subject
    return Draft(lang=draft.lang, kind=draft.kind, subject=subject, body=text)


def ask(config: LlmConfig, messages: list[dict]) -> str:
    payload = {"model": config.model, "messages": messages, "temperature": 0.7, "stream": False}
    request = urllib.request.Request(
        config.base_url + "/chat/completions",
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    if config.api_key:
        request.add_header("Authorization", f"Bearer {config.api_key}")
    with urllib.request.urlopen(request, timeout=config.timeout) as response:
        data = json.loads(response.read(1_000_000).decode("utf-8"))
    content = data["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise TypeError("content is not text")
    return content[:MAX_ANSWER]


def failed(draft: Draft, failure: str, config: LlmConfig, detail: str = "") -> Rewrite:
    message = FAILURES[failure].format(timeout=config.timeout, detail=detail)
    return Rewrite(draft=draft, failure=failure, message=message)


def rewrite(
    draft: Draft, config: LlmConfig, *, recipient: str = "", limit: int | None = None
) -> Rewrite:
    """A rewritten draft, or the same draft and the reason it could not be rewritten."""
    try:
        answer = ask(config, prompt(draft, recipient=recipient, limit=limit))
        return Rewrite(draft=parse_answer(answer, draft))
    except TimeoutError:
        return failed(draft, "timeout", config)
    except urllib.error.HTTPError as exc:
        return failed(draft, "http", config, str(exc.code))
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return failed(draft, "timeout", config)
        return failed(draft, "unreachable", config, str(exc.reason))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        detail = "not JSON" if isinstance(exc, json.JSONDecodeError) else str(exc) or "no text"
        return failed(draft, "invalid", config, detail)
