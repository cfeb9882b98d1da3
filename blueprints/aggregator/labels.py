"""Translated names of the audit trail's actions (for the back office)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from blueprints.aggregator.models import CurationAction as A

ACTION_LABELS = {
    A.ADDED: _l("Đã nhận từ nguồn"),
    A.UPDATED: _l("Nguồn đã sửa"),
    A.WITHDRAWN: _l("Nguồn đã gỡ"),
    A.RESTORED: _l("Nguồn đăng lại"),
    A.PIN: _l("Ghim"),
    A.UNPIN: _l("Bỏ ghim"),
    A.HIDE: _l("Ẩn"),
    A.UNHIDE: _l("Hiện lại"),
    A.MOVE: _l("Đổi thứ tự"),
}
