"""Planning, projects and procurement; science programmes; statistics reports; and the figures of
administrative procedures shown on the public-services page (imported from CSV)."""
