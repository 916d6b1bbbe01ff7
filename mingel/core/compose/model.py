"""The composer's inputs and output."""

from dataclasses import dataclass, field


def clean(value: object) -> str:
    """A scenario value as text: None and non-strings become "", spaces are tidied."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def clean_lines(value: object) -> str:
    """Like clean(), keeping line breaks: a note's lines are its list items."""
    if not isinstance(value, str):
        return ""
    return "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())


@dataclass(frozen=True)
class Me:
    name: str = ""
    doing: str = ""
    interests: str = ""
    update: str = ""


@dataclass(frozen=True)
class Contact:
    name: str = ""
    company: str = ""
    role: str = ""


@dataclass(frozen=True)
class Scenario:
    """What Mingel knows when it writes: the PRODUCT.md `mingel draft` scenario."""

    contact: Contact
    me: Me = field(default_factory=Me)
    context: str = ""
    event: str = ""
    since: str = ""
    ask: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "Scenario":
        """Build from scenario JSON; raises ValueError when `contact.name` is missing."""
        if not isinstance(data, dict):
            raise ValueError("the scenario must be a JSON object")
        me = data.get("me") if isinstance(data.get("me"), dict) else {}
        contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
        if not clean(contact.get("name")):
            raise ValueError("the scenario needs contact.name")
        return cls(
            contact=Contact(**{k: clean(contact.get(k)) for k in ("name", "company", "role")}),
            me=Me(
                name=clean(me.get("name")),
                **{k: clean_lines(me.get(k)) for k in ("doing", "interests", "update")},
            ),
            context=clean_lines(data.get("context")),
            ask=clean_lines(data.get("ask")),
            **{k: clean(data.get(k)) for k in ("event", "since")},
        )


@dataclass(frozen=True)
class Draft:
    lang: str
    kind: str
    subject: str
    body: str
    # Beside the PRODUCT.md contract (not in to_dict): the topic as the draft states it,
    # for the coach's `generic` check, and the placeholders left for the writer to fill.
    context: str = ""
    placeholders: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"lang": self.lang, "kind": self.kind, "subject": self.subject, "body": self.body}
