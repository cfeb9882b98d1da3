"""Banners for events and holidays, the local tourism section (with embedded 360° tours from an
allow-list of hosts) and the links page."""
