"""The SMTP backend verifies the mail server's certificate, over STARTTLS and over SMTPS.

A small SMTP server in a thread speaks just enough of the protocol, with a self-signed
certificate made for the test: trusted only when MAIL_SMTP_CA_FILE names it.
"""

from __future__ import annotations

import socketserver
import ssl
import subprocess
import threading

import pytest

from app import mail


class _Session(socketserver.BaseRequestHandler):
    def handle(self):
        server = self.server
        sock = self.request
        try:
            if server.implicit_tls:
                sock = server.tls.wrap_socket(sock, server_side=True)
            self._talk(sock)
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate: nothing more is said

    def _talk(self, sock):
        server, encrypted = self.server, self.server.implicit_tls
        reader = sock.makefile("rb")
        sock.sendall(b"220 localhost ESMTP\r\n")
        while line := reader.readline():
            verb = line[:4].upper()
            if verb == b"EHLO":
                offer = b"" if encrypted else b"250-STARTTLS\r\n"
                sock.sendall(b"250-localhost\r\n" + offer + b"250 AUTH PLAIN\r\n")
            elif verb == b"STAR":
                sock.sendall(b"220 go ahead\r\n")
                sock = server.tls.wrap_socket(sock, server_side=True)
                reader, encrypted = sock.makefile("rb"), True
            elif verb == b"AUTH":
                server.heard.append(("AUTH", encrypted))
                sock.sendall(b"235 ok\r\n")
            elif verb == b"DATA":
                sock.sendall(b"354 go on\r\n")
                body = b"".join(iter(reader.readline, b".\r\n"))
                server.heard.append(("DATA", encrypted, body))
                sock.sendall(b"250 queued\r\n")
            elif verb == b"QUIT":
                sock.sendall(b"221 bye\r\n")
                return
            else:
                sock.sendall(b"250 ok\r\n")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            folder / "key.pem",
            "-out",
            folder / "cert.pem",
        ],
        check=True,
        capture_output=True,
    )
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture(params=["starttls", "smtps"])
def smtp_server(request, certificate, app, monkeypatch):
    cert, key = certificate
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Session)
    server.daemon_threads = True
    server.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.tls.load_cert_chain(cert, key)
    server.implicit_tls = request.param == "smtps"
    server.heard = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for name, value in {
        "MAIL_BACKEND": "smtp",
        "MAIL_SMTP_HOST": "localhost",
        "MAIL_SMTP_PORT": server.server_address[1],
        "MAIL_SMTP_USER": "portal",
        "MAIL_SMTP_PASSWORD": "secret",
        "MAIL_SMTP_STARTTLS": request.param == "starttls",
        "MAIL_SMTP_SSL": request.param == "smtps",
        "MAIL_SMTP_CA_FILE": None,
    }.items():
        monkeypatch.setitem(app.config, name, value)
    yield server
    server.shutdown()
    server.server_close()


def test_a_server_with_an_untrusted_certificate_gets_neither_password_nor_mail(smtp_server):
    with pytest.raises(ssl.SSLCertVerificationError):
        mail.send(mail.build_message("dan@example.org", "Thử", "Nội dung"))
    assert smtp_server.heard == []


def test_a_trusted_server_gets_the_mail_encrypted(smtp_server, certificate, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SMTP_CA_FILE", str(certificate[0]))
    mail.send(mail.build_message("dan@example.org", "Thử", "Nội dung thư"))
    assert [event[:2] for event in smtp_server.heard] == [("AUTH", True), ("DATA", True)]
    assert b"dan@example.org" in smtp_server.heard[1][2]
