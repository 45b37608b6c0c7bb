from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task_event import TaskEvent
    from ..models.turn_metadata import TurnMetadata


T = TypeVar("T", bound="Turn")


@_attrs_define
class Turn:
    """
    Attributes:
        events (list[TaskEvent]):
        final_output (str):
        metadata (TurnMetadata):
        task_id (str):
        timestamp (datetime.datetime):
        turn (int):
        user_query (str):
    """

    events: list[TaskEvent]
    final_output: str
    metadata: TurnMetadata
    task_id: str
    timestamp: datetime.datetime
    turn: int
    user_query: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        final_output = self.final_output

        metadata = self.metadata.to_dict()

        task_id = self.task_id

        timestamp = self.timestamp.isoformat()

        turn = self.turn

        user_query = self.user_query

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
                "final_output": final_output,
                "metadata": metadata,
                "task_id": task_id,
                "timestamp": timestamp,
                "turn": turn,
                "user_query": user_query,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_event import TaskEvent
        from ..models.turn_metadata import TurnMetadata

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = TaskEvent.from_dict(events_item_data)

            events.append(events_item)

        final_output = d.pop("final_output")

        metadata = TurnMetadata.from_dict(d.pop("metadata"))

        task_id = d.pop("task_id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        turn = d.pop("turn")

        user_query = d.pop("user_query")

        turn = cls(
            events=events,
            final_output=final_output,
            metadata=metadata,
            task_id=task_id,
            timestamp=timestamp,
            turn=turn,
            user_query=user_query,
        )

        turn.additional_properties = d
        return turn

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
