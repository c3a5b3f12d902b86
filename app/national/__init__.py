"""The national coordinator's view over every regency of the installation (Komdigi / provinsi).

progress (pure): one row per regency and round, with totals; service: reads each regency's
own database for those rows; pages, api: /nasional and its JSON twin (coordinators only).
"""
