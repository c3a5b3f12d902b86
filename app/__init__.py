"""Survei Kebutuhan Smart City: the OPD needs survey behind a regency's Smart City Master Plan."""
