"""The plain-Python domain: rules that neither know nor import Django.

Callers pass in frozen values and the current time; nothing here reads settings or a clock.
"""
