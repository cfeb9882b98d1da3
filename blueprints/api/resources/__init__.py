"""One module per resource; importing this package registers them all, in this order."""

from blueprints.api.resources import (  # noqa: F401  (each module registers its resource)
    articles,
    consultations,
    contacts,
    documents,
    highlights,
    questions,
    schedule,
    search,
    sections,
)
