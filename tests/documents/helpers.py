"""Builders for documents tests."""

from __future__ import annotations


def document_form(**overrides) -> dict:
    """The new-document form, filled in as an editor would; `overrides` changes fields."""
    data = {
        "number": "12/QĐ-UBND",
        "category": "administrative",
        "doc_type": "decision",
        "field": "land",
        "issuer": "UBND Phường Thắng Tam",
        "signer": "Trần Văn Bảy",
        "issued_on": "2024-05-02",
        "effective_on": "2024-05-02",
        "status": "in-force",
        "replaced_by_id": "0",
        "summary": "Về việc thành lập Tổ công tác rà soát đất công",
        "is_published": "y",
    }
    return data | overrides
