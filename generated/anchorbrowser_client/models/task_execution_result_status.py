from enum import StrEnum
from typing import Any


class TaskExecutionResultStatus(StrEnum):
    CANCELLED = "cancelled"
    FAILURE = "failure"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCESS = "success"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        """Keep a value the spec does not list (vendors add values): a pseudo-member whose
        ``value`` is the raw string, so parsing never fails and ``to_dict`` round-trips it."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN_VALUE"
        member._value_ = value
        return member
