"""The open data API: read-only JSON of each portal's published data at `/api/v1/`, described by
an OpenAPI 3.1 document built from the same definitions the serialisers use.

Adding a resource is one module in `resources/` that calls `registry.register(Resource(...))`.
"""
