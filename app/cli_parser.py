"""The command line's parser, in the user's language.

argparse writes its own words in English ("usage:", "options", "show this help message and exit"
and its error messages); here they go through ``translate`` like every other text of the product.
A user mistake becomes one clear line (``UserError``) instead of usage plus message.
"""

from __future__ import annotations

import argparse
import re

from app.errors import UserError
from app.i18n import translate


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, translate("Cli", "usage: ") if prefix is None else prefix)


class _Commands(argparse._SubParsersAction):
    """Subcommands whose own help page opens with the line the command list shows for them."""

    def add_parser(self, name, **kwargs):
        if kwargs.get("help"):
            kwargs.setdefault("description", kwargs["help"])
        return super().add_parser(name, **kwargs)


class CommandParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own texts are translated; subcommand parsers are made the same."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Commands)
        # The two default sections argparse names itself.
        self._positionals.title = translate("Cli", "positional arguments")
        self._optionals.title = translate("Cli", "options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=translate("Cli", "show this help message and exit"))

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("parser_class", CommandParser)
        kwargs.setdefault("title", translate("Cli", "commands"))
        kwargs.setdefault("metavar", translate("Cli", "COMMAND"))
        return super().add_subparsers(**kwargs)

    def error(self, message: str):
        raise UserError(translated_error(message))


def _error_forms() -> list[tuple[re.Pattern, str]]:
    """argparse's error messages (Python 3.11), each with its translation; the English source is
    argparse's own wording, so English output stays exactly argparse's."""
    forms = [
        (r"the following arguments are required: (?P<names>.+)",
         translate("Cli", "the following arguments are required: {names}")),
        (r"unrecognized arguments: (?P<words>.+)", translate("Cli", "unrecognized arguments: {words}")),
        (r"argument (?P<name>\S+): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
         translate("Cli", "argument {name}: invalid choice: {value} (choose from {choices})")),
        (r"argument (?P<name>\S+): invalid (?P<type>\S+) value: (?P<value>.+)",
         translate("Cli", "argument {name}: invalid {type} value: {value}")),
        (r"argument (?P<name>\S+): expected one argument", translate("Cli", "argument {name}: expected one argument")),
        (r"argument (?P<name>\S+): expected at most one argument",
         translate("Cli", "argument {name}: expected at most one argument")),
        (r"argument (?P<name>\S+): expected at least one argument",
         translate("Cli", "argument {name}: expected at least one argument")),
        (r"argument (?P<name>\S+): ignored explicit argument (?P<value>.+)",
         translate("Cli", "argument {name}: ignored explicit argument {value}")),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
         translate("Cli", "ambiguous option: {option} could match {matches}")),
    ]
    return [(re.compile(pattern + "$"), text) for pattern, text in forms]


def translated_error(message: str) -> str:
    """``message`` from argparse in the user's language (unchanged when its form is not known)."""
    for pattern, text in _error_forms():
        match = pattern.match(message)
        if match:
            return text.format(**match.groupdict())
    return message
