"""A real SMTP server on loopback for the black-box tests (Debian's aiosmtpd).

Usage: /usr/bin/python3 smtp_capture.py OUT_DIR PORT
Each message received is written to OUT_DIR as NNNN.eml (whole, as sent)
with its envelope recipients in NNNN.rcpt; "ready" is printed once the
server listens; it stops when its standard input closes or on SIGTERM.
"""
import itertools
import os
import sys

from aiosmtpd.controller import Controller


class Capture:
    def __init__(self, out):
        self.out = out
        existing = [f for f in os.listdir(out) if f.endswith(".eml")]
        self.numbers = itertools.count(len(existing) + 1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.numbers)
        base = os.path.join(self.out, f"{n:04d}")
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 Message accepted"


def main():
    out, port = sys.argv[1], int(sys.argv[2])
    controller = Controller(Capture(out), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
