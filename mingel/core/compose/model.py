"""The composer's inputs and output."""

from dataclasses import dataclass, field


def clean(value: object) -> str:
    """A scenario value as text: None and non-strings become "", spaces are tidied."""
    return " ".join(value.split()) if isinstance(value, str) else ""


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
            me=Me(**{k: clean(me.get(k)) for k in ("name", "doing", "interests", "update")}),
            **{k: clean(data.get(k)) for k in ("context", "event", "since", "ask")},
        )


@dataclass(frozen=True)
class Draft:
    lang: str
    kind: str
    subject: str
    body: str

    def to_dict(self) -> dict:
        return {"lang": self.lang, "kind": self.kind, "subject": self.subject, "body": self.body}
