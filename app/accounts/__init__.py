"""Account management pages for planners and admins: invite, deactivate, reset, roles."""
