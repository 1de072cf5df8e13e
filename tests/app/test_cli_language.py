"""The command line speaks the configured language: every help page and argparse's own words
(usage, sections, errors) in Chinese under zh_CN."""

from __future__ import annotations

import argparse
import re

import pytest

from app.cli import build_parser, main
from ui_explorer import foreign_words

# Latin the Chinese help keeps: names of things, and the codes of the examples.
ALLOWED = {"URL", "SQLAlchemy", "SQLite", "Excel", "HQ", "BJ", "core"}


@pytest.fixture
def chinese_command_line(monkeypatch, plugin_host):
    from app.ui.translation import install_translations

    monkeypatch.setenv("SERVICE_CENTER_LANG", "zh_CN")
    yield
    install_translations("en", plugin_host)


def command_paths(parser: argparse.ArgumentParser, path=()):
    """Every command's words, from the top: (), ("init",), ("db", "backup"), …"""
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from command_paths(child, (*path, name))


def typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """What a user types as it is: command names and the values of choices."""
    words = set()
    for action in parser._actions:
        words |= {str(choice) for choice in action.choices or ()}
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                words |= typed_words(child)
    return words


def help_page(capsys, words) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*words, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_every_help_page_and_argparse_message_is_chinese(capsys, chinese_command_line, plugin_host):
    parser = build_parser(plugin_host)
    paths = list(command_paths(parser))
    names = typed_words(parser) | {"service-center"}
    assert len(paths) > 25  # every subcommand of every command, the plugins' included
    for path in paths:
        page = help_page(capsys, path)
        assert page.startswith("用法：") and "显示此帮助信息并退出" in page, page
        # option names, command names and choices are typed as they are; everything else is Chinese
        literal = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        words = re.sub(rf"(?<![\w-])(?:{literal}|--?[\w-]+)(?![\w-])|\{{[^}}]*\}}", " ", page)
        assert not foreign_words(words, ALLOWED), (path, foreign_words(words, ALLOWED), page)

    assert main(["init"]) == 2
    assert "以下参数是必需的：--admin, --admin-password-file" in capsys.readouterr().err
    assert main(["demo", "--scale", "many"]) == 2
    assert "--scale：'many' 不是有效的值" in capsys.readouterr().err
    assert main(["nonsense"]) == 2
    assert "不是可用的" in capsys.readouterr().err
