"""The audit log pages."""
