"""The public pages every portal has from day one: home, public services, site map (search is
blueprints/search)."""
