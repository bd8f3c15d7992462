"""Reads one captured e-mail with Python's own mail parser and prints what a
mail program would show, as JSON: subject, from, to (names decoded), the
plain text and HTML parts, and the headers the tests check.
Usage: /usr/bin/python3 read_mail.py FILE.eml
"""
import json
import sys
from email import policy
from email.parser import BytesParser

with open(sys.argv[1], "rb") as f:
    raw = f.read()
msg = BytesParser(policy=policy.default).parsebytes(raw)
plain = msg.get_body(preferencelist=("plain",))
html = msg.get_body(preferencelist=("html",))
print(json.dumps({
    "subject": str(msg["subject"]),
    "from": str(msg["from"]),
    "to": str(msg["to"]),
    "to_name": msg["to"].addresses[0].display_name,
    "to_address": msg["to"].addresses[0].addr_spec,
    "message_id": str(msg["message-id"]),
    "list_unsubscribe": str(msg["list-unsubscribe"] or ""),
    "content_type": msg.get_content_type(),
    "text": plain.get_content() if plain else "",
    "html": html.get_content() if html else "",
    "raw_subject_ascii": all(b < 128 for b in raw.split(b"\r\n\r\n", 1)[0]),
    "attachments": len(list(msg.iter_attachments())),
}, ensure_ascii=False))
