from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TimelineEvent")


@_attrs_define
class TimelineEvent:
    """
    Attributes:
        id (str | Unset):
        workflow_id (str | Unset):
        type_ (str | Unset):
        agent_id (str | Unset):
        message (str | Unset):
        payload (TimelineEventPayload | Unset):
        timestamp (datetime.datetime | Unset):
        seq (int | Unset):
        stream_id (str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    type_: str | Unset = UNSET
    agent_id: str | Unset = UNSET
    message: str | Unset = UNSET
    payload: TimelineEventPayload | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    seq: int | Unset = UNSET
    stream_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workflow_id = self.workflow_id

        type_ = self.type_

        agent_id = self.agent_id

        message = self.message

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        seq = self.seq

        stream_id = self.stream_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if message is not UNSET:
            field_dict["message"] = message
        if payload is not UNSET:
            field_dict["payload"] = payload
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if seq is not UNSET:
            field_dict["seq"] = seq
        if stream_id is not UNSET:
            field_dict["stream_id"] = stream_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = absent_if_null(d.pop("id", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        type_ = absent_if_null(d.pop("type", UNSET))

        agent_id = absent_if_null(d.pop("agent_id", UNSET))

        message = absent_if_null(d.pop("message", UNSET))

        _payload = absent_if_null(d.pop("payload", UNSET))
        payload: TimelineEventPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = TimelineEventPayload.from_dict(_payload)

        _timestamp = absent_if_null(d.pop("timestamp", UNSET))
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime_or_unset(_timestamp)

        if isinstance(timestamp, Unset) and not isinstance(_timestamp, Unset):
            d["timestamp"] = _timestamp

        seq = absent_if_null(d.pop("seq", UNSET))

        stream_id = absent_if_null(d.pop("stream_id", UNSET))

        _created_at = absent_if_null(d.pop("created_at", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["created_at"] = _created_at

        timeline_event = cls(
            id=id,
            workflow_id=workflow_id,
            type_=type_,
            agent_id=agent_id,
            message=message,
            payload=payload,
            timestamp=timestamp,
            seq=seq,
            stream_id=stream_id,
            created_at=created_at,
        )

        timeline_event.additional_properties = d
        return timeline_event

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


from ..models.timeline_event_payload import TimelineEventPayload
