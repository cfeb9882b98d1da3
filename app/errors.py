"""Error pages: themed, translated, and never showing another tenant's data.

An unknown host has no tenant, so its page is drawn with the default theme and names no portal.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, g, jsonify, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from werkzeug.exceptions import HTTPException

from app.templating import render
from tenants.web import PortalSuspended, UnknownPortal

MESSAGES = {
    400: (
        _l("Yêu cầu không hợp lệ"),
        _l("Không thể hiểu yêu cầu. Vui lòng kiểm tra lại địa chỉ và thử lại."),
    ),
    403: (_l("Không có quyền truy cập"), _l("Bạn không có quyền mở trang này.")),
    404: (_l("Không tìm thấy trang"), _l("Trang bạn tìm không tồn tại hoặc đã được chuyển đi.")),
    405: (_l("Phương thức không được phép"), _l("Không thể sử dụng trang này theo cách đó.")),
    413: (_l("Tệp quá lớn"), _l("Tệp bạn gửi lớn hơn dung lượng cổng thông tin cho phép.")),
    429: (_l("Quá nhiều lần thử"), _l("Vui lòng chờ vài phút rồi thử lại.")),
    500: (
        _l("Đã xảy ra lỗi"),
        _l("Cổng thông tin không thể hoàn tất yêu cầu của bạn. Lỗi đã được ghi lại; vui lòng thử lại sau."),
    ),
    503: (
        _l("Tạm thời không truy cập được"),
        _l("Cổng thông tin này tạm ngừng hoạt động. Vui lòng quay lại sau."),
    ),
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def error_page(code: int, title=None, message=None, template: str = "errors/error.html"):
    default_title, default_message = MESSAGES.get(code, MESSAGES[500])
    title, message = title or default_title, message or default_message
    if wants_json():
        return jsonify(error={"code": code, "title": str(title), "message": str(message)}), code
    if request_ctx.url_adapter is None:
        return _bare_page(code, title, message), code
    return render(template, code=code, title=title, message=message), code


def _bare_page(code: int, title, message) -> Response:
    """The page for a request no URL can be built for: werkzeug could not bind its Host header
    (an empty label, a name too long), so the themed layout, full of links, cannot be drawn."""
    html = (
        '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head>"
        f"<body><main><h1>{escape(title)}</h1><p>{escape(message)}</p></main></body></html>\n"
    )
    return Response(html, status=code, mimetype="text/html")


def _http_error(exc: HTTPException):
    return error_page(exc.code or 500)


def _csrf_error(exc: CSRFError):
    return error_page(
        400,
        _l("Biểu mẫu đã hết hạn"),
        _l(
            "Biểu mẫu đã mở quá lâu hoặc được gửi từ trang khác. Vui lòng quay lại, tải lại trang rồi "
            "gửi lại; nội dung bạn đã nhập vẫn còn trong lịch sử của trình duyệt."
        ),
    )


def _unknown_portal(exc: UnknownPortal):
    g.pop("tenant", None)
    return error_page(
        404,
        _l("Không có cổng thông tin tại địa chỉ này"),
        _l("Không có cổng thông tin nào tại địa chỉ này. Vui lòng kiểm tra lại địa chỉ bạn đã nhập."),
        template="errors/no_portal.html",
    )


def _suspended(exc: PortalSuspended):
    response, code = error_page(503)
    return response, code, {"Retry-After": "3600"}


STRING_TOO_LONG = "22001"  # a value longer than its varchar(n)
CHECK_VIOLATION = "23514"


def too_long(exc: DBAPIError) -> bool:
    """Whether the database refused a value for its length: a varchar(n) overflowed, or one of
    the `ck_<table>_<column>_length` checks on text columns."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate == STRING_TOO_LONG:
        return True
    constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None) or ""
    return sqlstate == CHECK_VIOLATION and constraint.endswith("_length")


def _database_refusal(exc: DBAPIError):
    """A text longer than the database holds reached it past a form without a limit: a clear
    4xx rather than a 500. Any other refusal is a bug, logged and answered as one."""
    if too_long(exc):
        return error_page(
            422,
            _l("Nội dung quá dài"),
            _l("Một ô trong biểu mẫu dài hơn mức cổng thông tin lưu được. Vui lòng rút ngắn rồi gửi lại."),
        )
    current_app.logger.error("database refused a write", exc_info=exc)
    return error_page(500)


def _server_error(exc: Exception):
    return error_page(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(UnknownPortal, _unknown_portal)
    app.register_error_handler(PortalSuspended, _suspended)
    app.register_error_handler(500, _server_error)
    app.register_error_handler(DataError, _database_refusal)
    app.register_error_handler(IntegrityError, _database_refusal)
