"""One module per resource; importing this package registers them all, in this order."""

from blueprints.api.resources import articles, contacts, documents, schedule, search, sections  # noqa: F401
