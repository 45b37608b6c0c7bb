from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskEvent")


@_attrs_define
class TaskEvent:
    """
    Attributes:
        agent_id (str | Unset):
        message (str | Unset):
        seq (int | Unset):
        stream_id (str | Unset):
        timestamp (datetime.datetime | Unset):
        type_ (str | Unset):
        workflow_id (str | Unset):
        payload (TaskEventPayload | Unset): The event's payload.
    """

    agent_id: str | Unset = UNSET
    message: str | Unset = UNSET
    seq: int | Unset = UNSET
    stream_id: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    type_: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    payload: TaskEventPayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        message = self.message

        seq = self.seq

        stream_id = self.stream_id

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        type_ = self.type_

        workflow_id = self.workflow_id

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if message is not UNSET:
            field_dict["message"] = message
        if seq is not UNSET:
            field_dict["seq"] = seq
        if stream_id is not UNSET:
            field_dict["stream_id"] = stream_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if type_ is not UNSET:
            field_dict["type"] = type_
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = absent_if_null(d.pop("agent_id", UNSET))

        message = absent_if_null(d.pop("message", UNSET))

        seq = absent_if_null(d.pop("seq", UNSET))

        stream_id = absent_if_null(d.pop("stream_id", UNSET))

        _timestamp = absent_if_null(d.pop("timestamp", UNSET))
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime_or_unset(_timestamp)

        if isinstance(timestamp, Unset) and not isinstance(_timestamp, Unset):
            d["timestamp"] = _timestamp

        type_ = absent_if_null(d.pop("type", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        _payload = absent_if_null(d.pop("payload", UNSET))
        payload: TaskEventPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = TaskEventPayload.from_dict(_payload)

        task_event = cls(
            agent_id=agent_id,
            message=message,
            seq=seq,
            stream_id=stream_id,
            timestamp=timestamp,
            type_=type_,
            workflow_id=workflow_id,
            payload=payload,
        )

        task_event.additional_properties = d
        return task_event

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


from ..models.task_event_payload import TaskEventPayload
