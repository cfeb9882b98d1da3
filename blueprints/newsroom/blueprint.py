"""The newsroom capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("newsroom", __name__, template_folder="templates")

from blueprints.newsroom import (  # noqa: E402,F401
    signals,
    tasks,
    views,
    views_desk,
    views_flow,
    views_people,
    views_public,
    views_sections,
    views_translation,
)
from workers.periodic import add_periodic  # noqa: E402
from workers.queue import enqueue_after_commit  # noqa: E402


def _mail_next_actor(article, transition=None, **_):
    """After each move of the state machine, mail whoever acts next (once the request commits)."""
    if transition is not None:
        enqueue_after_commit(tasks.notify_transition, article.tenant_id, transition.id)


def init_app(app: Flask) -> None:
    signals.article_changed.connect(_mail_next_actor)
    # Scheduled articles go out within a minute of their time.
    add_periodic(tasks.publish_due_articles, 60)
