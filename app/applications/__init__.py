"""Application rationalisation: the planner's confirmed recommendations and the maintained
list of national shared applications (aplikasi umum)."""
