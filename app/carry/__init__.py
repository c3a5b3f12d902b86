"""Carry forward: a new round starts from each OPD's answers of an earlier round.

mapping (pure): carry answers across questionnaire versions, listing what cannot be carried;
marks (pure): what the form
shows beside a carried answer; stats (pure): carried, confirmed and changed per OPD;
service: start a round's drafts from an earlier round, and read what was carried.
"""
