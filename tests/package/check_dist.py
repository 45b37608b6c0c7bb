"""`nox -s package`: the built sdist and wheel carry what a user expects (LICENSE, version,
URLs, classifiers, the typed packages).  ``python tests/package/check_dist.py DIST``."""

from __future__ import annotations

import email
import re
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["taskstatus", "truebit_client", "anchorbrowser_client", "shannon_client",
            "browseract_client"]  # fmt: skip


def main(dist: Path) -> int:
    version = re.search(
        r'^__version__ = "([^"]+)"', (ROOT / "overlay/taskstatus/__init__.py").read_text(), re.M
    )
    assert version, "no __version__"
    wheel = next(dist.glob(f"taskstatus-{version[1]}-*.whl"))
    sdist = next(dist.glob(f"taskstatus-{version[1]}.tar.gz"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = f"taskstatus-{version[1]}.dist-info"
        metadata = email.message_from_bytes(archive.read(f"{info}/METADATA"))
        assert f"{info}/licenses/LICENSE" in names, "LICENSE missing from the wheel"
        for package in PACKAGES:
            assert f"{package}/py.typed" in names, f"{package} is not marked typed"
    assert metadata["License-Expression"] == "MIT"
    urls = metadata.get_all("Project-URL") or []
    assert {u.split(",")[0] for u in urls} >= {"Homepage", "Repository", "Issues", "Changelog"}
    classifiers = metadata.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert metadata["Requires-Python"] == ">=3.11"
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    top = f"taskstatus-{version[1]}"
    for needed in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"):
        assert f"{top}/{needed}" in members, f"{needed} missing from the sdist"
    print(f"{wheel.name} and {sdist.name}: LICENSE, metadata, {len(urls)} URLs, "
          f"{len(classifiers)} classifiers, {len(PACKAGES)} typed packages")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
