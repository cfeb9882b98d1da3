"""Rules a service checks after the form validated, reported against the form's fields.

Several capabilities raise it (the newsroom when an article is incomplete, royalties when a
factor is out of range or a unit is over its cap, the back-office CRUD's save hooks), and views
show each message next to its field, keeping what the user typed.
"""

from __future__ import annotations


class FieldErrors(ValueError):
    """`fields` maps a form field's name to its message (a string or a lazy string)."""

    def __init__(self, fields: dict[str, object], message: object = ""):
        super().__init__(str(message or next(iter(fields.values()), "")))
        self.fields = dict(fields)
        self.message = message or next(iter(self.fields.values()), "")

    @classmethod
    def on(cls, field: str, message: object) -> FieldErrors:
        """One field's error: `raise FieldErrors.on("code", _("Mã số này đã được dùng."))`."""
        return cls({field: message})

    def apply_to(self, form) -> None:
        """Add each message to its field of a WTForms form (fields it lacks are skipped)."""
        for name, message in self.fields.items():
            if name in form:
                form[name].errors = [*form[name].errors, str(message)]
