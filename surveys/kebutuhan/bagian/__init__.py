"""The sections (bagian) of the default questionnaire, A to K, as plain Python data."""
