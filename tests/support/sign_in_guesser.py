"""A program that guesses one account's password from several threads at once.

The parallel-guessing tests start a few of these side by side, so the guesses come from
separate processes and connections as they would from several workstations. Prints "ready" once
connected, starts guessing at the next line on stdin, then prints how many guesses reached the
password check and what each guess was told, as JSON.
"""

from __future__ import annotations

import json
import sys
import threading


def main(url: str, login: str, threads: int) -> None:
    from app.auth import service
    from app.db.engine import make_engine, make_session_factory
    from app.errors import AuthError

    checked = []
    real_verify = service.verify_password

    def counting_verify(password_hash: str, password: str) -> bool:
        checked.append(password)
        return real_verify(password_hash, password)

    service.verify_password = counting_verify
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with engine.connect():
        pass
    messages = []

    def guess(number: int) -> None:
        with sessions() as session:
            try:
                service.authenticate(session, login, f"guess-{number}")
            except AuthError as exc:
                messages.append(str(exc))

    workers = [threading.Thread(target=guess, args=(n,)) for n in range(threads)]
    print("ready", flush=True)
    sys.stdin.readline()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    engine.dispose()
    print(json.dumps({"checked": len(checked), "messages": messages}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
