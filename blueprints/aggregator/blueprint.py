"""The aggregator's blueprint: its routes, loaded by the app factory only.

`init_app` listens to the newsroom (a child's article changed: sync its parent after the commit),
schedules the every-minute safety net, puts the block on the home page, adds the report's own
columns and the `tenants set-parent` command.
"""

from flask import Blueprint, Flask

bp = Blueprint("aggregator", __name__, template_folder="templates")

from app.navigation import add_panel  # noqa: E402
from blueprints.aggregator import (  # noqa: E402,F401  (routes register on import)
    cli,
    report_builtin,
    tasks,
    views,
    views_admin,
    views_platform,
)
from blueprints.newsroom import signals  # noqa: E402
from blueprints.newsroom.models import ArticleState  # noqa: E402
from tenants.context import current_tenant  # noqa: E402
from workers.periodic import add_periodic  # noqa: E402
from workers.queue import enqueue_after_commit  # noqa: E402


def _sync_parent_after_commit(article, transition=None, **_):
    """A child's highlight (or a published article that may have stopped being one) changed:
    its parent syncs once the child's transaction commits."""
    tenant = current_tenant()
    if tenant is None or tenant.parent_id is None:
        return
    left_publication = transition is not None and transition.from_state == ArticleState.PUBLISHED
    if article.is_highlight or article.state == ArticleState.PUBLISHED or left_publication:
        enqueue_after_commit(tasks.sync_children, tenant.parent_id)


def init_app(app: Flask) -> None:
    signals.article_changed.connect(_sync_parent_after_commit)
    add_periodic(tasks.sync_everything, 60)
    add_panel("pages.home.head", "aggregator/_style.html")
    add_panel("pages.home", "aggregator/_home_block.html", 25)
    report_builtin.register()
    cli.init_app(app)
