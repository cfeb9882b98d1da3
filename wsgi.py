"""The WSGI entry point: `flask --app wsgi …`, or any WSGI server pointed at `wsgi:app`."""

from app import create_app

app = create_app()
