from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TimelineResponse")


@_attrs_define
class TimelineResponse:
    """
    Attributes:
        workflow_id (str | Unset):
        events (list[TimelineEvent] | Unset):
        stats (TimelineResponseStats | Unset):
    """

    workflow_id: str | Unset = UNSET
    events: list[TimelineEvent] | Unset = UNSET
    stats: TimelineResponseStats | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stats, Unset):
            stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if events is not UNSET:
            field_dict["events"] = events
        if stats is not UNSET:
            field_dict["stats"] = stats

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        _events = absent_if_null(d.pop("events", UNSET))
        events: list[TimelineEvent] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = TimelineEvent.from_dict(events_item_data)

                events.append(events_item)

        _stats = absent_if_null(d.pop("stats", UNSET))
        stats: TimelineResponseStats | Unset
        if isinstance(_stats, Unset):
            stats = UNSET
        else:
            stats = TimelineResponseStats.from_dict(_stats)

        timeline_response = cls(
            workflow_id=workflow_id,
            events=events,
            stats=stats,
        )

        timeline_response.additional_properties = d
        return timeline_response

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


from ..models.timeline_event import TimelineEvent
from ..models.timeline_response_stats import TimelineResponseStats
