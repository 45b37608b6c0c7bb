from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskControlResponse")


@_attrs_define
class TaskControlResponse:
    """
    Attributes:
        success (bool | Unset): Whether the signal was sent.
        message (str | Unset): The orchestrator's message.
        task_id (str | Unset): The task the request named.
    """

    success: bool | Unset = UNSET
    message: str | Unset = UNSET
    task_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        task_id = self.task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if message is not UNSET:
            field_dict["message"] = message
        if task_id is not UNSET:
            field_dict["task_id"] = task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = absent_if_null(d.pop("success", UNSET))

        message = absent_if_null(d.pop("message", UNSET))

        task_id = absent_if_null(d.pop("task_id", UNSET))

        task_control_response = cls(
            success=success,
            message=message,
            task_id=task_id,
        )

        task_control_response.additional_properties = d
        return task_control_response

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
