"""What a newcomer reads matches what works: install instructions, the contributor's path, the pre-commit hook."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml
from conftest import REPO

from scamstats.cli import main

pytestmark = pytest.mark.skipif(not (REPO / "docs").is_dir(), reason="needs the source tree")


def test_quickstart_installs_from_the_repository_and_marks_the_pypi_name_as_future() -> None:
    page = (REPO / "docs" / "quickstart.md").read_text(encoding="utf-8")
    assert "git clone https://github.com/scamstats/scamstats" in page
    assert "pip install ." in page
    for line in page.splitlines():
        if re.search(r"pip install scamstats\b(?!\[)", line):
            assert "not yet" in line or "future" in line, line


def test_contributors_are_told_to_install_in_editable_mode() -> None:
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (REPO / name).read_text(encoding="utf-8")
        assert "pip install -e ." in text, name
        assert "dev0" in text, name
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "set `version` in `datasets/dataset.yaml` to the next version" not in contributing


def test_the_pre_commit_hook_runs_scamstats_validate_on_datasets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "scamstats-validate"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.match(hook["files"], "datasets/records/khm-2025-07-18-ap-crackdown.yaml")
    assert not re.match(hook["files"], "scamstats/cli.py")
    command, *arguments = hook["entry"].split() + hook.get("args", [])
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert command in scripts
    monkeypatch.chdir(REPO)  # pre-commit runs hooks from the root of the repository
    assert main(arguments) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert "scamstats-validate" in (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
