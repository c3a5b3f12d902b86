"""Programme status through the years (monev) and the year-on-year figures.

status (pure): the programme-status field of a questionnaire and the planner's updates;
service: a planner's update of one programme; table (pure): programmes by status and cost
realised vs planned, per dimension and OPD, and the share of short- and medium-term
programmes running; figures (pure): key figures per OPD, last round against this one;
source: the figures and updates a round's outputs read; sheets: the workbook's sheets.
"""
