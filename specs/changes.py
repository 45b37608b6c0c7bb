"""One change of a spec, classified for the users of the generated clients and for the facade.

Each audience gets a level (breaking, warning, compatible) and the rule that decided it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BREAKING, WARNING, COMPATIBLE = "breaking", "warning", "compatible"
LEVELS = (COMPATIBLE, WARNING, BREAKING)  # least to most severe
UNUSED = "the facade does not use it"


@dataclass(frozen=True)
class Verdict:
    """How one audience is affected, and the rule that says so."""

    level: str
    rule: str

    def __str__(self) -> str:
        return f"{self.level} ({self.rule})"


@dataclass(frozen=True)
class Change:
    """What changed (one line of the report), for whom it breaks, and the facade's mark."""

    text: str
    clients: Verdict
    facade: Verdict
    mark: str | None = None


def worst(levels: list[str]) -> str:
    return max(levels, key=LEVELS.index, default=COMPATIBLE)


@dataclass
class Report:
    """The classified changes of one vendor's effective spec."""

    vendor: str
    changes: list[Change] = field(default_factory=list)

    def add(self, change: Change) -> None:
        self.changes.append(change)

    @property
    def marked(self) -> int:
        return sum(1 for c in self.changes if c.mark)

    @property
    def breaking(self) -> list[Change]:
        """Changes that break the facade: it must change before it works again."""
        return [c for c in self.changes if c.facade.level == BREAKING]

    def level(self, audience: str) -> str:
        """The worst level for ``clients`` or ``facade``."""
        return worst([getattr(c, audience).level for c in self.changes])

    def counts(self, audience: str) -> str:
        levels = [getattr(c, audience).level for c in self.changes]
        return ", ".join(f"{levels.count(level)} {level}" for level in reversed(LEVELS))

    def head(self) -> list[str]:
        return [
            f"{self.vendor}: {len(self.changes)} change(s) in the effective spec, "
            f"{self.marked} where the facade depends on it",
            f"  users of the generated clients: {self.level('clients')} ({self.counts('clients')})",
            f"  users of the facade: {self.level('facade')} ({self.counts('facade')})",
        ]

    def text(self) -> str:
        lines = self.head()
        for change in self.changes:
            mark = f"    <- facade: {change.mark}" if change.mark else ""
            lines += [
                f"  {change.text}{mark}",
                f"      clients: {change.clients}",
                f"      facade: {change.facade}",
            ]
        return "\n".join(lines) + "\n"
