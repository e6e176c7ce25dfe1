"""Smoke test of the frozen build: the programs as a user gets them, without the venv.

    python3 packaging/smoke_test.py [--dist dist/qunzhong-desktop] [--deb dist/X.deb]
                                    [--venv .venv] [--keep]

Standard library only, so any Python runs it (the system's python3 here, the runner's on
Windows CI). With ``--deb`` (Linux) the package is unpacked into a scratch root with
``dpkg -x`` and its layout checked — the /opt folder, the /usr/bin links, the menu entry,
the icon, no maintainer scripts, Depends covering every system library the frozen binaries
link — and the programs are then run from there, through links like /usr/bin's.
Otherwise the frozen folder is run as it is (Windows).

Every program runs with the venv and any PYTHONPATH/PYTHONHOME taken out of the environment,
in data folders whose paths hold Chinese characters and spaces:

1. ``qunzhong --version``
2. a station: ``init station``, ``demo``, ``cards`` (PDF with an embedded CJK font),
   ``ledger`` (.xlsx and PDF), ``report`` (the monthly PDF with its charts)
3. a township: ``init township``, ``station-kit``; the station ``accept-kit``s and writes
   its ``enrollment``; the township ``enroll``s it; the station's ``export-bundle`` is
   imported by the township, whose dispatch is imported back by the station
4. the window: ``qunzhong-desktop --smoke`` offscreen (and on X11 when Xvfb is there)

Then it prints the folder and .deb sizes and the start times, frozen against the venv.
Exit status 0 when everything passed.
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform.startswith("win")
EXE = ".exe" if WINDOWS else ""
CLI, WINDOW = f"qunzhong{EXE}", f"qunzhong-desktop{EXE}"
PREFIX = "opt/qunzhong-desktop"
PASSPHRASE = "白沙镇 口令 2026"
STATION = [
    "init", "station", "--code", "430121101201", "--name", "新塘村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇", "--operator", "李秀英",
]  # fmt: skip
TOWNSHIP = ["init", "township", "--code", "430121101", "--name", "白沙镇群众工作办"]
RUNS = 3  # start-up timings: the first run (cold as it gets here) and the median of all


class Failed(Exception):
    """A check of the smoke test failed."""


def check(condition: bool, message: str) -> None:
    """Raise :class:`Failed` with ``message`` unless ``condition``."""
    if not condition:
        raise Failed(message)


def folder_mb(folder: Path) -> float:
    """The size of a folder's files in MB (links not followed)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1e6


def clean_env(bin_dir: Path | None, venv: Path) -> dict[str, str]:
    """This environment without the venv, Python's variables and the program's own."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "QUNZHONG_", "QT_")) and k != "VIRTUAL_ENV"
    }
    venv_text = str(venv.resolve()).lower()
    paths = [p for p in env.get("PATH", "").split(os.pathsep) if venv_text not in p.lower()]
    if bin_dir is not None:
        paths.insert(0, str(bin_dir))
    env["PATH"] = os.pathsep.join(paths)
    env["PYTHONNOUSERSITE"] = "1"
    env["QUNZHONG_LANG"] = "zh"
    if WINDOWS:  # UTF-8 on pipes (a runner's code page cannot hold Chinese); PyInstaller
        env["PYTHONUTF8"] = "1"  # honours it like python.exe does
    else:
        env.setdefault("LANG", "C.UTF-8")
    return env


class Programs:
    """Runs ``qunzhong`` and ``qunzhong-desktop`` from one folder, in a clean environment."""

    def __init__(self, folder: Path, env: dict[str, str], label: str) -> None:
        self.folder, self.env, self.label = folder, env, label

    def cli(self, *args: str | Path, env: dict[str, str] | None = None) -> str:
        """Run the command line; its stdout (fails on a non-zero exit)."""
        argv = [str(self.folder / CLI), *map(str, args)]
        done = subprocess.run(
            argv, env=env or self.env, capture_output=True, text=True, encoding="utf-8",
            timeout=300, check=False,
        )  # fmt: skip
        check(
            done.returncode == 0,
            f"{self.label}: {' '.join(argv[1:])} → exit {done.returncode}\n{done.stderr}",
        )
        check("Traceback" not in done.stderr, f"{self.label}: traceback\n{done.stderr}")
        return done.stdout

    def timed_version(self) -> float:
        """Seconds for ``qunzhong --version`` to exit."""
        started = time.perf_counter()
        out = self.cli("--version")
        elapsed = time.perf_counter() - started
        check(out.startswith("qunzhong "), f"{self.label}: --version said {out!r}")
        return elapsed

    def timed_window(self, home: Path, platform: str, extra: dict[str, str] | None = None) -> float:
        """Seconds from starting ``qunzhong-desktop --smoke`` until the main window is shown."""
        env = dict(self.env, QT_QPA_PLATFORM=platform, **(extra or {}))
        argv = [str(self.folder / WINDOW), "--home", str(home), "--smoke"]
        started = time.perf_counter()
        child = subprocess.Popen(
            argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8",
        )  # fmt: skip
        shown, lines = None, []
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            if line.startswith("SMOKE "):
                shown = time.perf_counter() - started
        try:
            _, err = child.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            child.kill()
            raise Failed(f"{self.label}: the window did not quit") from None
        check(child.returncode == 0, f"{self.label}: window exit {child.returncode}\n{err}")
        # a windowed Windows build may have no stdout of its own: then the exit is the proof
        if shown is None and WINDOWS and child.returncode == 0:
            shown = time.perf_counter() - started
        check(shown is not None, f"{self.label}: no SMOKE line\n{''.join(lines)}{err}")
        check(
            not lines or "SMOKE MainWindow " in "".join(lines),
            f"{self.label}: not the main window: {''.join(lines)}",
        )
        return float(shown or 0.0)


# the .deb ------------------------------------------------------------------------------------
def deb_field(deb: Path, field: str) -> str:
    """One field of the package's control file."""
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), field], capture_output=True, text=True, check=True
    ).stdout.strip()


def unpack_deb(deb: Path, root: Path) -> Path:
    """``dpkg -x`` the package into ``root``, check its layout; the frozen folder in it."""
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    control = Path(tempfile.mkdtemp(prefix="deb-control-", dir=root.parent))
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    scripts = {p.name for p in control.iterdir()} - {"control", "md5sums", "conffiles"}
    check(not scripts, f"maintainer scripts in the package: {sorted(scripts)}")
    frozen = root / PREFIX
    for name in (CLI, WINDOW):
        check((frozen / name).is_file(), f"/{PREFIX}/{name} is missing")
        check(os.access(frozen / name, os.X_OK), f"/{PREFIX}/{name} is not executable")
        link = root / "usr" / "bin" / name
        check(link.is_symlink(), f"/usr/bin/{name} is not a link")
        check(os.readlink(link) == f"/{PREFIX}/{name}", f"/usr/bin/{name} → {os.readlink(link)}")
    data = frozen / "_internal" / "qunzhong_desktop"
    check((data / "migrations" / "env.py").is_file(), "the migrations are not in the package")
    check((data / "resources" / "icons" / "qunzhong.svg").is_file(), "resources missing")
    desktop = root / "usr/share/applications/qunzhong-desktop.desktop"
    check(desktop.is_file(), "no menu entry")
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        check(done.returncode == 0 and not done.stdout.strip(), f"desktop file: {done.stdout}")
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    check(section["Name"] == "群众工作站", f"menu name {section['Name']!r}")
    check(section["Exec"].split()[0] == "qunzhong-desktop", "Exec is not qunzhong-desktop")
    icon = root / f"usr/share/icons/hicolor/scalable/apps/{section['Icon']}.svg"
    check(icon.is_file(), f"icon {icon} missing")
    return frozen


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def check_depends(deb: Path, frozen: Path) -> list[str]:
    """Every library the frozen binaries link that the folder lacks comes from a Depends.

    Returns the system packages found, for the report.
    """
    depends = deb_field(deb, "Depends")
    named = {alt.strip().split()[0] for part in depends.split(",") for alt in part.split("|")}
    have = {p.name for p in frozen.rglob("*")}
    needed: set[str] = set()
    for path in _elf_files(frozen):
        out = subprocess.run(
            ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
        )
        needed.update(
            line.split()[1] for line in out.stdout.splitlines() if line.strip().startswith("NEEDED")
        )
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    where: dict[str, str] = {}
    for line in cache.splitlines():  # "\tlibxcb.so.1 (libc6,x86-64) => /lib/…/libxcb.so.1"
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and "," in match.group(2):  # 64-bit entries carry the architecture
            where.setdefault(match.group(1), match.group(3))
    packages: set[str] = set()
    missing: list[str] = []
    uncovered: list[str] = []
    for lib in sorted(needed - have):
        found = where.get(lib)
        if found is None:
            missing.append(lib)
            continue
        owner = subprocess.run(
            ["dpkg", "-S", str(Path(found).resolve())], capture_output=True, text=True, check=False
        )
        if owner.returncode != 0:  # merged /usr: dpkg may know the /lib path only
            owner = subprocess.run(
                ["dpkg", "-S", found], capture_output=True, text=True, check=False
            )
        package = owner.stdout.split(":")[0].strip()
        if not package:
            missing.append(f"{lib} (no package owns {found})")
            continue
        packages.add(package)
        if package not in named and not package.startswith("libc6"):
            uncovered.append(f"{lib} ({package})")
    check(not missing, f"libraries the build links, not on this system: {missing}")
    check(not uncovered, f"libraries the build links, not in Depends: {uncovered}")
    return sorted(packages)


def pdf_has_embedded_cjk_font(pdf: Path) -> str:
    """The embedded CJK font's name (pdffonts, else a look at the font descriptor)."""
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines()[2:]:
            parts = line.split()
            if len(parts) >= 5 and "+" in parts[0] and parts[-5] == "yes":
                return parts[0]
        raise Failed(f"no embedded subset font in {pdf.name}:\n{out.stdout}")
    data = pdf.read_bytes()
    match = re.search(rb"/FontName /([A-Z]{6}\+[^\s/]+)", data)
    check(match is not None and b"/FontFile2" in data, f"no embedded TrueType in {pdf.name}")
    assert match is not None
    return match.group(1).decode()


# the scenario --------------------------------------------------------------------------------
def scenario(frozen: Programs, work: Path) -> dict[str, str]:
    """Station, township and sync with the frozen command line; what was seen, for the report."""
    seen: dict[str, str] = {}
    station = work / "群众 工作站 数据" / "新塘村"
    township = work / "乡镇 数据" / "白沙镇"
    usb = work / "U 盘"
    out = work / "输出 文件"
    usb.mkdir(parents=True)
    out.mkdir()
    env = dict(frozen.env, QUNZHONG_PASSPHRASE=PASSPHRASE)

    said = frozen.cli("--home", station, *STATION)
    check("新塘村群众工作站" in said, f"init station: {said}")
    said = frozen.cli(
        "--home", station, "demo", "--households", "20", "--items", "16", "--seed", "1"
    )
    check("演示数据" in said, f"demo: {said}")
    cards = out / "联系 卡.pdf"
    frozen.cli("--home", station, "cards", "--out", cards)
    seen["cards font"] = pdf_has_embedded_cjk_font(cards)
    frozen.cli("--home", station, "ledger", "--kind", "items", "--out", out / "民情 台账.xlsx")
    frozen.cli("--home", station, "ledger", "--kind", "support", "--out", out / "帮扶 台账.pdf")
    month = time.strftime("%Y-%m")
    frozen.cli("--home", station, "report", "--month", month, "--out", out / "民情 月报.pdf")
    for name in ("民情 台账.xlsx", "帮扶 台账.pdf", "民情 月报.pdf"):
        check((out / name).stat().st_size > 1000, f"{name} is empty")

    said = frozen.cli("--home", township, *TOWNSHIP, env=env)
    township_fp = said.strip().splitlines()[-1].split("：")[-1]
    kit = usb / "白沙镇 工作包.qzkit"
    frozen.cli("--home", township, "station-kit", "--out", kit, env=env)
    frozen.cli("--home", station, "accept-kit", kit, env=env)
    said = frozen.cli("--home", station, "enrollment", "--out", usb / "新塘村.qzenroll", env=env)
    station_fp = said.strip().splitlines()[-1]
    check(re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){7}", station_fp) is not None, said)
    frozen.cli(
        "--home", township, "enroll", usb / "新塘村.qzenroll", "--fingerprint", station_fp, env=env
    )
    said = frozen.cli("--home", station, "export-bundle", "--out", usb, env=env)
    bundle = Path(said.strip().splitlines()[-1])
    check(bundle.is_file() and bundle.parent == usb, f"export-bundle: {said}")
    said = frozen.cli("--home", township, "import-bundle", bundle, env=env)
    check("已导入" in said, f"import-bundle at the township: {said}")
    back = usb / "回 乡"
    back.mkdir()
    said = frozen.cli("--home", township, "export-bundle", "--out", back, env=env)
    dispatch = Path(said.strip().splitlines()[-1])
    said = frozen.cli("--home", station, "import-bundle", dispatch, env=env)
    check(dispatch.name in said, f"import-bundle at the station: {said}")
    seen["bundle"] = bundle.name
    seen["fingerprints"] = f"township {township_fp}, station {station_fp}"
    seen["station home"] = str(station)
    return seen


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """An X server for the xcb check, when Xvfb is installed (Linux)."""
    if WINDOWS or not shutil.which("Xvfb"):
        return None
    for number in range(93, 120):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, f":{number}"
            time.sleep(0.1)
        server.kill()
    return None


def timings(programs: Programs, home: Path) -> tuple[list[float], list[float]]:
    """``--version`` and window start-up times, ``RUNS`` each."""
    version = [programs.timed_version() for _ in range(RUNS)]
    window = [programs.timed_window(home, "offscreen") for _ in range(RUNS)]
    return version, window


def _fmt(times: list[float]) -> str:
    return f"first {times[0]:.2f} s, median {statistics.median(times):.2f} s"


def main(argv: list[str] | None = None) -> int:
    """Run the smoke test; 0 when it passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "qunzhong-desktop")
    parser.add_argument("--deb", type=Path, help="the .deb to unpack and test (Linux)")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv", help="for the comparison")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="qunzhong-smoke-"))
    report: list[str] = []
    xvfb = None
    try:
        check((args.dist / CLI).is_file(), f"no frozen build in {args.dist}: run `make package`")
        report.append(f"build folder     {args.dist}: {folder_mb(args.dist):.1f} MB")
        folder, bin_dir = args.dist, None
        if args.deb:
            report.append(
                f".deb             {args.deb.name}: {args.deb.stat().st_size / 1e6:.1f} MB"
            )
            folder = unpack_deb(args.deb, work / "root")
            report.append(f"installed        {folder_mb(work / 'root'):.1f} MB in the scratch root")
            report.append("system packages  " + ", ".join(check_depends(args.deb, folder)))
            bin_dir = work / "usr-bin"  # like /usr/bin: links to the programs
            bin_dir.mkdir()
            for name in (CLI, WINDOW):
                (bin_dir / name).symlink_to(folder / name)
        frozen = Programs(bin_dir or folder, clean_env(bin_dir or folder, args.venv), "frozen")
        seen = scenario(frozen, work / "数据 目录")
        report += [f"{k:<16} {v}" for k, v in seen.items()]
        station = Path(seen["station home"])

        frozen_version, frozen_window = timings(frozen, station)
        xvfb = start_xvfb()
        if xvfb is not None:
            shown = frozen.timed_window(station, "xcb", {"DISPLAY": xvfb[1]})
            report.append(f"window on X11    shown in {shown:.2f} s (Xvfb {xvfb[1]}, xcb plugin)")
        venv_bin = args.venv / ("Scripts" if WINDOWS else "bin")
        report.append(f"qunzhong --version   frozen: {_fmt(frozen_version)}")
        report.append(f"window shown         frozen: {_fmt(frozen_window)}")
        if (venv_bin / CLI).is_file():
            venv_env = dict(os.environ, QUNZHONG_LANG="zh", PYTHONUTF8="1")
            venv = Programs(venv_bin, venv_env, "venv")
            venv_version, venv_window = timings(venv, station)
            report.append(f"qunzhong --version   venv:   {_fmt(venv_version)}")
            report.append(f"window shown         venv:   {_fmt(venv_window)}")
            report.append(
                "frozen / venv        --version "
                f"{statistics.median(frozen_version) / statistics.median(venv_version):.2f}×, "
                f"window {statistics.median(frozen_window) / statistics.median(venv_window):.2f}×"
            )
    except Failed as exc:
        print("\n".join(report))
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait(timeout=10)
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report))
    print("frozen smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
