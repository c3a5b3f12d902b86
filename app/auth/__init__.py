"""Accounts, sessions, tokens and the route policy."""
