"""The ``service-center tickets-sla`` command: the periodic response-time sweep, for cron or
the Windows task scheduler at a node where nobody keeps the app open."""

from __future__ import annotations

from app.i18n import translate


def add_commands(subparsers) -> None:
    parser = subparsers.add_parser("tickets-sla", help=translate(
        "Tickets", "Record response-time warnings and breaches that are due (run it every few minutes)"))
    parser.set_defaults(handler=sweep_command)


def sweep_command(args, ctx) -> int:
    from plugins.tickets import sweep_sla  # the same pass the app's periodic job runs

    recorded = sweep_sla(ctx)
    print(translate("Tickets", "{n} response-time warnings or breaches recorded.").format(n=recorded))
    return 0
