from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskStreamResponse")


@_attrs_define
class TaskStreamResponse:
    """
    Attributes:
        stream_url (str | Unset): SSE endpoint URL to stream real-time events for this task Example:
            /api/v1/stream/sse?workflow_id=task-user123-1234567890.
        task_id (str | Unset): Task identifier (same as workflow_id) Example: task-user123-1234567890.
        workflow_id (str | Unset): Unique workflow identifier for this task Example: task-user123-1234567890.
    """

    stream_url: str | Unset = UNSET
    task_id: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stream_url = self.stream_url

        task_id = self.task_id

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if stream_url is not UNSET:
            field_dict["stream_url"] = stream_url
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        stream_url = absent_if_null(d.pop("stream_url", UNSET))

        task_id = absent_if_null(d.pop("task_id", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        task_stream_response = cls(
            stream_url=stream_url,
            task_id=task_id,
            workflow_id=workflow_id,
        )

        task_stream_response.additional_properties = d
        return task_stream_response

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
