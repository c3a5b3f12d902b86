"""SPBE self-assessment of a round: planner entries per indicator, the target, pages, API."""
