"""Outgoing mail, sent only from jobs.

Backends: `smtp` for production (STARTTLS or SMTPS, the server's certificate verified);
`folder` (default) writes each message as an .eml file under `instance/mail/` so a developer can
open it; `console` logs it; `memory` keeps it in a list for the tests. Messages are plain text
and HTML-free on purpose: they are read on phones and in old government mail clients.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from flask import current_app

from app.extensions import redis_client

log = logging.getLogger(__name__)

# Messages sent with the `memory` backend, newest last (tests read and clear it).
outbox: list[EmailMessage] = []


def build_message(to: str, subject: str, body: str, sender_name: str = "") -> EmailMessage:
    sender = current_app.config["MAIL_SENDER"]
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender)) if sender_name else sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    message.set_content(body)
    return message


def send(message: EmailMessage) -> None:
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "memory":
        outbox.append(message)
    elif backend == "console":
        log.info("mail to %s: %s\n%s", message["To"], message["Subject"], message.get_content())
    elif backend == "folder":
        folder = Path(current_app.instance_path) / "mail"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{message['Message-ID'].strip('<>')}.eml"
        path.write_bytes(bytes(message))
        log.info("mail to %s written to %s", message["To"], path)
    elif backend == "smtp":
        _send_smtp(message)
    else:
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")


def send_once(marker: str, message: EmailMessage, keep_seconds: int) -> bool:
    """Send `message` unless a message with the same `marker` (a `redis_key`) was sent in the last
    `keep_seconds`: a job that runs twice mails nobody twice. If sending fails the marker is
    dropped, so the job's retry sends it. Returns whether it sent."""

    if not redis_client().set(marker, "1", nx=True, ex=keep_seconds):
        return False
    try:
        send(message)
    except Exception:
        redis_client().delete(marker)
        raise
    return True


def _tls_context() -> ssl.SSLContext:
    """Verifies the server's certificate and name (smtplib's STARTTLS without a context would
    encrypt to anyone, a man in the middle included, and hand them the password)."""
    return ssl.create_default_context(cafile=current_app.config.get("MAIL_SMTP_CA_FILE"))


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    host, port = config["MAIL_SMTP_HOST"], config["MAIL_SMTP_PORT"]
    connection: smtplib.SMTP
    if config.get("MAIL_SMTP_SSL"):
        connection = smtplib.SMTP_SSL(host, port, timeout=30, context=_tls_context())
    else:
        connection = smtplib.SMTP(host, port, timeout=30)
    with connection as smtp:
        if config["MAIL_SMTP_STARTTLS"] and not config.get("MAIL_SMTP_SSL"):
            smtp.starttls(context=_tls_context())
        if config["MAIL_SMTP_USER"]:
            smtp.login(config["MAIL_SMTP_USER"], config["MAIL_SMTP_PASSWORD"] or "")
        smtp.send_message(message)
