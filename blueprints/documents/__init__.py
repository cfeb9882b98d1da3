"""The documents library: legal normative and administrative documents (Decree 42/2022 art. 4),
with number and symbol, type, issuer, signer, field, dates, status, summary and files."""
