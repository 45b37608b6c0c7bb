"""Generate one typed client per effective spec with openapi-python-client.

``python specs/generate.py [--out DIR] [--check] [--spec-dir DIR]``: writes
``<out>/<vendor>_client`` for every ``<vendor>.openapi.json``.  ``--check`` generates into a
temporary folder and fails on any byte of difference from ``generated/``.  Generation is
atomic: every client is generated into a temporary folder first, and the committed clients are
replaced only when all of them generated (a failure leaves ``generated/`` as it was).
Needs the pinned openapi-python-client and ruff on PATH (the nox sessions install them).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML

SPECS = Path(__file__).resolve().parent
ROOT = SPECS.parent
GENERATED = ROOT / "generated"
TEMPLATES = SPECS / "templates"
BASE_CONFIG = SPECS / "generator" / "config.yaml"


class GenerationError(Exception):
    """openapi-python-client failed or warned for one spec."""


def generate_one(spec: Path, out_dir: Path) -> Path:
    """Generate the client for one effective spec into ``out_dir``; return the package folder."""
    vendor = spec.name.split(".")[0]
    package = f"{vendor}_client"
    target = out_dir / package
    config = YAML(typ="safe", pure=True).load(BASE_CONFIG.read_text(encoding="utf-8"))
    config["package_name_override"] = package
    config["project_name_override"] = package
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp) / "config.json"  # JSON is YAML: the generator reads either
        config_file.write_text(json.dumps(config), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        command = [
            "openapi-python-client", "generate",
            "--path", str(spec),
            "--config", str(config_file),
            "--custom-template-path", str(TEMPLATES),
            "--meta", "none",
            "--output-path", str(target),
            "--fail-on-warning",
        ]  # fmt: skip
        env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            raise GenerationError(f"{spec.name}: {done.stdout}{done.stderr}")
    # The generator writes the PEP 561 marker only along with packaging metadata (--meta none
    # has none); the clients are typed, so mark them.
    (target / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    return target


def generate_all(spec_dir: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [generate_one(spec, out_dir) for spec in sorted(spec_dir.glob("*.openapi.json"))]


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def replace_paths(pairs: list[tuple[Path, Path]]) -> None:
    """Move each ``new`` over its ``target`` (files or folders), all or nothing: if one move
    fails, every target already replaced is put back."""
    done: list[tuple[Path, Path | None]] = []  # (target, its backup or None if it was absent)
    try:
        for new, target in pairs:
            backup = None
            if target.exists():
                backup = target.with_name(f".{target.name}.previous")
                if backup.exists():
                    _remove(backup)
                target.rename(backup)
            done.append((target, backup))
            new.rename(target)
    except BaseException:
        for target, backup in reversed(done):
            if target.exists():
                _remove(target)
            if backup is not None:
                backup.rename(target)
        raise
    for _, backup in done:
        if backup is not None:
            _remove(backup)


def generate_in_place(spec_dir: Path, out_dir: Path) -> list[Path]:
    """generate_all into a temporary folder beside ``out_dir``, then swap the packages in."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=".generating-") as tmp:
        built = generate_all(spec_dir, Path(tmp))
        replace_paths([(package, out_dir / package.name) for package in built])
    return [out_dir / package.name for package in built]


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths that differ (content, or present on one side only) between two trees."""

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> list[str]:
        found = [f"{prefix}{n}" for n in cmp.left_only + cmp.right_only + cmp.funny_files]
        found += [
            f"{prefix}{n}"
            for n in cmp.common_files
            if (Path(cmp.left) / n).read_bytes() != (Path(cmp.right) / n).read_bytes()
        ]
        for name, sub in cmp.subdirs.items():
            found += walk(sub, f"{prefix}{name}/")
        return found

    ignore = ["__pycache__", ".mypy_cache", ".ruff_cache"]
    return sorted(walk(filecmp.dircmp(left, right, ignore=ignore), ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec-dir", type=Path, default=SPECS / "effective")
    parser.add_argument("--out", type=Path, default=GENERATED)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    try:
        if not args.check:
            for package in generate_in_place(args.spec_dir, args.out):
                print(f"generated {package}")
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            generate_all(args.spec_dir, Path(tmp))
            diff = differences(Path(tmp), GENERATED)
    except GenerationError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1
    if diff:
        print("generated/ differs from what the specs produce:", file=sys.stderr)
        for name in diff:
            print(f"  {name}", file=sys.stderr)
        print("run `nox -s generate` and commit the result", file=sys.stderr)
        return 1
    print("generated/ is exactly what the specs produce")
    return 0


if __name__ == "__main__":
    sys.exit(main())
