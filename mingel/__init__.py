"""Mingel: a networking companion for people who find networking hard."""

__version__ = "0.1.0"
