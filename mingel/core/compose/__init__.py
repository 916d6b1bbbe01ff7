"""The composer: connect notes, thank-yous and reconnect emails in Swedish and English.

from mingel.core.compose import compose, Scenario
compose("thanks", Scenario.from_dict(data), lang="sv", variant=1)
"""

from mingel.core.compose.compose import compose, variant_count
from mingel.core.compose.model import Contact, Draft, Me, Scenario

__all__ = ["Contact", "Draft", "Me", "Scenario", "compose", "variant_count"]
