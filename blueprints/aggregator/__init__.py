"""The city board: the wards' published highlights (and external feeds) copied into their parent
portal, curated there, and the parent's city-wide reports of its wards.

The one capability that reads across tenants, and only through `cross_tenant_reads("city
aggregator")`; everything it writes lives in the parent's own tables (`tenant_scope(parent)`), so
the parent's pages stay single-tenant queries.
"""
