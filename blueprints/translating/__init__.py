"""Translating: the dashboard of what lacks English or has out-of-date English, per portal and,
on the city, per ward. Reads the registry of translated content in `app.bilingual`."""
