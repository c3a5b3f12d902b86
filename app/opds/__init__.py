"""OPD (Perangkat Daerah) register: the agencies that fill in the survey, and their import."""
