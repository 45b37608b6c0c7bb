from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="Turn")


@_attrs_define
class Turn:
    """
    Attributes:
        events (list[TaskEvent] | Unset):
        final_output (str | Unset):
        metadata (TurnMetadata | Unset):
        task_id (str | Unset):
        timestamp (datetime.datetime | Unset):
        turn (int | Unset):
        user_query (str | Unset):
    """

    events: list[TaskEvent] | Unset = UNSET
    final_output: str | Unset = UNSET
    metadata: TurnMetadata | Unset = UNSET
    task_id: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    turn: int | Unset = UNSET
    user_query: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        final_output = self.final_output

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        task_id = self.task_id

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        turn = self.turn

        user_query = self.user_query

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if events is not UNSET:
            field_dict["events"] = events
        if final_output is not UNSET:
            field_dict["final_output"] = final_output
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if turn is not UNSET:
            field_dict["turn"] = turn
        if user_query is not UNSET:
            field_dict["user_query"] = user_query

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _events = absent_if_null(d.pop("events", UNSET))
        events: list[TaskEvent] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = TaskEvent.from_dict(events_item_data)

                events.append(events_item)

        final_output = absent_if_null(d.pop("final_output", UNSET))

        _metadata = absent_if_null(d.pop("metadata", UNSET))
        metadata: TurnMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = TurnMetadata.from_dict(_metadata)

        task_id = absent_if_null(d.pop("task_id", UNSET))

        _timestamp = absent_if_null(d.pop("timestamp", UNSET))
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime_or_unset(_timestamp)

        if isinstance(timestamp, Unset) and not isinstance(_timestamp, Unset):
            d["timestamp"] = _timestamp

        turn = absent_if_null(d.pop("turn", UNSET))

        user_query = absent_if_null(d.pop("user_query", UNSET))

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


from ..models.task_event import TaskEvent
from ..models.turn_metadata import TurnMetadata
