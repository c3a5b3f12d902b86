"""Submissions (Isian): one OPD's answers in one round, their revisions and review."""
