"""Planner review of submissions: read, comment, return for revision, approve, diff."""
