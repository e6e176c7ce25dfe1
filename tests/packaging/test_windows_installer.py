"""The Inno Setup script and the Windows CI workflow (they run on Windows only; read here)."""

from __future__ import annotations

import re
from pathlib import PureWindowsPath

from tests.helpers.packaging_files import PACKAGING, ROOT, load

ISS = PACKAGING / "windows" / "qunzhong.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _iss() -> str:
    data = ISS.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), (
        "Inno Setup reads a non-ASCII script as UTF-8 by its BOM"
    )
    return data.decode("utf-8-sig")


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _setup(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections(text)["Setup"])


def test_per_user_install_without_admin_rights() -> None:
    setup = _setup(_iss())
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no elevation offered
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\qunzhong-desktop"
    assert setup["AppId"].startswith("{{")  # a fixed id: updates replace, not add


def test_the_files_it_references_exist() -> None:
    text = _iss()
    setup = _setup(text)
    here = ISS.parent
    assert (here / setup["SetupIconFile"]).is_file()
    dist = re.search(r'#define DistDir "([^"]+)"', text)
    assert dist is not None
    built = here / PureWindowsPath(dist.group(1)).as_posix()
    assert built.resolve() == (ROOT / "dist" / load("bundle").BUNDLE_NAME).resolve()
    files = _sections(text)["Files"]
    assert any('Source: "{#DistDir}\\*"' in f and "recursesubdirs" in f for f in files)
    # both programs of the frozen folder: the window behind the Start-menu entry
    assert '#define AppExe "qunzhong-desktop.exe"' in text
    icons = _sections(text)["Icons"]
    assert any(i.startswith('Name: "{autoprograms}\\{#AppName}"') for i in icons)
    assert '#define AppName "群众工作站"' in text


def test_the_uninstaller_keeps_the_data() -> None:
    text = _iss()
    sections = _sections(text)
    assert "UninstallDelete" not in sections and "UninstallRun" not in sections
    code = "\n".join(sections.get("Code", []))
    for call in ("DelTree", "DeleteFile", "RemoveDir", "Exec("):
        assert call not in code, call
    assert "qunzhong-desktop" not in "\n".join(sections["Files"]).split("DestDir")[1].split(";")[0]
    assert r"{localappdata}\qunzhong-desktop" in code  # only named, to tell where the data stays


def test_chinese_with_or_without_the_unofficial_messages_file() -> None:
    text = _iss()
    assert 'FileExists(AddBackslash(CompilerPath) + "Languages\\ChineseSimplified.isl")' in text
    assert 'MessagesFile: "compiler:Default.isl"' in text
    fallback = text.split("#ifdef ChineseFallback", 1)[1].split("#endif", 1)[0]
    for message in ("WelcomeLabel1", "ButtonNext", "ButtonInstall", "FinishedLabel",
                    "ConfirmUninstall", "UninstalledAll"):  # fmt: skip
        assert re.search(rf"^chinese\.{message}=.*[\u4e00-\u9fff]", fallback, re.M), message


def test_the_workflow_builds_smoke_tests_and_packages_on_windows() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text and 'python-version: "3.11"' in text
    for step in ("packaging/qunzhong.spec", "packaging/smoke_test.py", "qunzhong.iss",
                 "/DAppVersion=", "upload-artifact", "unins000.exe",
                 "the uninstaller deleted the data"):  # fmt: skip
        assert step in text, step
