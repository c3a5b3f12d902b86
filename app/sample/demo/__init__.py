"""The demo data `survei demo` loads: who takes part (cast), the previous round 2025
(previous), the open round 2026 in every state (round), and example analyses (analyses)."""
