"""Newsroom views (filled in by the following modules)."""
