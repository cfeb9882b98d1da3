"""The search capability's blueprint: its routes, loaded by the app factory only.

`init_app` connects the newsroom's `article_changed` (sent on every state change, publishing
included, and every save; `article_published` would only repeat it) and the session listener
that keep the index current, rebuilds a portal's index after a merge of portals (its sections
may have merged), and adds the `search` and `demo generate` commands.
"""

from flask import Blueprint, Flask

bp = Blueprint("search", __name__, template_folder="templates")

from blueprints.search import views  # noqa: E402,F401  (routes register on import)


def init_app(app: Flask) -> None:
    from app.cli import demo_cli
    from blueprints.newsroom import signals
    from blueprints.search import indexing
    from blueprints.search.cli import generate_command, search_cli
    from tenants.merging import portals_merged

    signals.article_changed.connect(indexing.on_article_changed)
    portals_merged.connect(indexing.on_portals_merged)
    indexing.listen()
    app.cli.add_command(search_cli)
    if "generate" not in demo_cli.commands:
        demo_cli.add_command(generate_command)
