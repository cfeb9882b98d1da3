"""The portal's introduction: functions and duties, organisation chart, history, boundary map,
natural conditions, culture and landmarks; leaders; the officials' contact directory.

Decree 42/2022 art. 7 requires English for the organisation structure and the officials' contacts,
so units, leaders and contacts carry `_en` fields shown on `/en/` pages.
"""
