from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task_history import TaskHistory


T = TypeVar("T", bound="SessionHistoryResponse")


@_attrs_define
class SessionHistoryResponse:
    """
    Attributes:
        session_id (UUID): Session UUID
        tasks (list[TaskHistory]): List of tasks in chronological order
        total (int): Total number of tasks in session
    """

    session_id: UUID
    tasks: list[TaskHistory]
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "tasks": tasks,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_history import TaskHistory

        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = TaskHistory.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        total = d.pop("total")

        session_history_response = cls(
            session_id=session_id,
            tasks=tasks,
            total=total,
        )

        session_history_response.additional_properties = d
        return session_history_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
