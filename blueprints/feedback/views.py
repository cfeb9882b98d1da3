"""Public pages of the Q&A: ask, thank-you (with the tracking code), status by code and e-mail,
the list of published answers, one answer, and the public record by month."""

from __future__ import annotations

from flask import abort, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from app.crud import or_404
from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_public_page
from app.public_forms import refusal
from app.templating import render
from app.uploads import UploadRejected
from blueprints.feedback import services
from blueprints.feedback.blueprint import bp
from blueprints.feedback.forms import AskForm, LookupForm
from blueprints.feedback.record import monthly_record
from blueprints.feedback.tasks import mail_receipt
from blueprints.seo.registry import add_sitemap_source
from tenants.context import require_tenant
from workers.queue import enqueue_after_commit

add_public_page(
    "feedback.index",
    _l("Hỏi đáp – Góp ý"),
    _l("Gửi câu hỏi, góp ý; tra cứu bằng mã theo dõi; đọc các câu trả lời đã công khai."),
    order=65,
)
add_public_page(
    "feedback.ask",
    _l("Gửi câu hỏi, góp ý"),
    _l("Biểu mẫu gửi câu hỏi hoặc góp ý tới cơ quan."),
    order=66,
    in_main_menu=False,
)
add_public_page(
    "feedback.status",
    _l("Tra cứu câu hỏi, góp ý"),
    _l("Xem tình trạng và câu trả lời bằng mã theo dõi và thư điện tử."),
    order=67,
    in_main_menu=False,
)
add_public_page(
    "feedback.record",
    _l("Thống kê hỏi đáp"),
    _l("Số câu hỏi nhận được, đã trả lời, thời gian trả lời theo tháng."),
    order=68,
    in_main_menu=False,
)
add_sitemap_source(
    "feedback.answers",
    lambda: (("feedback.answer", {"item_id": item_id}) for item_id in services.published_ids()),
)

SESSION_CODE = "feedback_code"


def _category_choices(form: AskForm) -> None:
    locale = current_locale()
    form.category_id.choices = [SelectChoice("", _("— Chọn lĩnh vực —"))] + [
        SelectChoice(c.id, c.name(locale)) for c in services.categories()
    ]


@bp.get("/hoi-dap")
def index():
    page = request.args.get("page", 1, type=int)
    query = (request.args.get("q") or "").strip()[:200]
    category = request.args.get("category", type=int)
    found = services.published_answers(query, category, page=page)
    if page > 1 and not found.items:
        abort(404)
    return render(
        "feedback/index.html",
        found=found,
        query=query,
        category=category,
        categories=services.categories(),
        locale=current_locale(),
    )


@bp.get("/hoi-dap/<int:item_id>")
def answer(item_id: int):
    item = or_404(services.published_answer(item_id))
    return render("feedback/answer.html", item=item, locale=current_locale())


@bp.route("/hoi-dap/gui", methods=["GET", "POST"])
def ask():
    form = AskForm()
    _category_choices(form)
    refused = None
    if form.validate_on_submit() and _category_ok(form):
        refused = refusal("feedback")
        if refused is None:
            try:
                attachment = services.check_attachment(form.attachment.data)
            except UploadRejected as exc:
                form.attachment.errors = [*form.attachment.errors, str(exc)]
            else:
                return _accept(form, attachment)
    status = 429 if refused else (422 if form.errors else 200)
    return render("feedback/ask.html", form=form, refused=refused, settings=services.settings()), status


def _category_ok(form: AskForm) -> bool:
    """A category of this portal, when it has any (another portal's id is not in the list)."""
    offered = {choice.value for choice in form.category_id.choices[1:]}
    if offered and form.category_id.data not in offered:
        form.category_id.errors = [*form.category_id.errors, _("Chọn một lĩnh vực trong danh sách.")]
        return False
    return True


def _accept(form: AskForm, attachment):
    item = services.submit(
        services.Submission(
            kind=form.kind.data,
            category_id=form.category_id.data,
            subject=form.subject.data,
            body=form.body.data,
            name=form.name.data,
            email=form.email.data,
            phone=form.phone.data or "",
            may_publish=form.may_publish.data,
            show_name=form.show_name.data,
            locale=current_locale(),
        ),
        attachment,
    )
    enqueue_after_commit(mail_receipt, require_tenant().id, item.id)
    db.session.commit()
    session[SESSION_CODE] = item.code
    return redirect(url_for("feedback.thanks"))


@bp.get("/hoi-dap/da-gui")
def thanks():
    item = services.find_by_code_only(session.get(SESSION_CODE, ""))
    if item is None:
        return redirect(url_for("feedback.ask"))
    return render("feedback/thanks.html", item=item)


@bp.route("/hoi-dap/tra-cuu", methods=["GET", "POST"])
def status():
    form = LookupForm()
    refused, item, searched = None, None, False
    if form.validate_on_submit():
        refused = refusal("feedback-lookup")
        if refused is None:
            searched = True
            item = services.find_by_code(form.code.data, form.email.data)
    code = 429 if refused else 404 if searched and item is None else 422 if form.errors else 200
    return render(
        "feedback/status.html",
        form=form,
        refused=refused,
        item=item,
        searched=searched,
        locale=current_locale(),
    ), code


@bp.get("/hoi-dap/thong-ke")
def record():
    return render("feedback/record.html", months=monthly_record(), locale=current_locale())


@bp.app_context_processor
def home_feedback_context():
    """`home_answers()` for the home page's block, queried only when the block is drawn."""
    return {"home_answers": lambda: services.latest_answers(3)}
