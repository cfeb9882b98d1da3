"""`python -m workers worker` and `python -m workers cron`.

Both build the app first, so they find the same Redis as the web server (the embedded one when
`REDIS_URL` is unset) and the same queue name.
"""

from __future__ import annotations

import contextlib
import sys

from app.config import ConfigurationError
from app.logs import configure_logging


def run_worker() -> None:
    """An RQ worker with its scheduler (needed for `enqueue_at`, `enqueue_in` and retries)."""
    from workers.jobs import worker_app
    from workers.queue import get_queue
    from workers.worker import PortalWorker

    app = worker_app()
    with app.app_context():
        queue = get_queue()
        worker = PortalWorker([queue], connection=queue.connection)
    worker.work(with_scheduler=True)


def run_cron() -> None:
    """The single `rq cron` process: periodic jobs are declared in `workers/cron.py`."""
    from rq.cron import CronScheduler

    from workers.jobs import worker_app
    from workers.queue import get_queue

    app = worker_app()
    with app.app_context():
        connection = get_queue().connection
    scheduler = CronScheduler(connection=connection)
    scheduler.load_config_from_file("workers.cron")
    scheduler.start()


def main(argv: list[str]) -> int:
    configure_logging()
    commands = {"worker": run_worker, "cron": run_cron}
    if len(argv) != 2 or argv[1] not in commands:
        print("usage: python -m workers worker|cron", file=sys.stderr)
        return 2
    try:
        with contextlib.suppress(KeyboardInterrupt):
            commands[argv[1]]()
    except ConfigurationError as exc:
        print(f"wardportal: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
