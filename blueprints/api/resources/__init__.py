"""One module per resource; importing this package registers them all, in this order."""

from blueprints.api.resources import articles, consultations, contacts, documents, schedule, sections  # noqa: F401
