#!/usr/bin/env python3
"""A TCP proxy to a PostgreSQL Unix socket that holds every chunk DELAY_MS
each way: a network between the application server and the database, for
A/B measurements of round trips on one machine (this VM has no netem).

usage: delay_proxy.py LISTEN_PORT SOCKET_PATH DELAY_MS
e.g.   delay_proxy.py 55500 /tmp/pgn/.s.PGSQL.55432 0.25 &
       kakari serve --db 'postgresql://postgres@127.0.0.1:55500/postgres?sslmode=disable' ...
asyncio's timers make the effective round trip longer than 2 x DELAY_MS:
measure it (pgbench -n -c1 -T5 -f select1.sql through the proxy)."""
import asyncio
import sys

LISTEN_PORT, SOCKET_PATH, DELAY = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]) / 1000


async def pump(reader, writer):
    loop = asyncio.get_running_loop()
    try:
        while data := await reader.read(65536):
            loop.call_later(DELAY, writer.write, data)
    finally:
        await asyncio.sleep(DELAY * 2)
        writer.close()


async def handle(client_reader, client_writer):
    server_reader, server_writer = await asyncio.open_unix_connection(SOCKET_PATH)
    await asyncio.gather(pump(client_reader, server_writer), pump(server_reader, client_writer))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", LISTEN_PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
