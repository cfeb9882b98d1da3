"""Consultations on drafts ("Lấy ý kiến dự thảo"): the structured text of a draft and its
revisions, comments on the whole draft or on one clause, moderation, the agency's report,
exports, subscriptions, feeds and the open data resource."""
