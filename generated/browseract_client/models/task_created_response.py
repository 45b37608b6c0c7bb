from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskCreatedResponse")


@_attrs_define
class TaskCreatedResponse:
    """Response returned after successfully creating a task.

    Attributes:
        id (str): The unique `task_id`. Use it to poll status/results or to stop/resume the task. Example:
            task_123456789.
        profile_id (str | Unset): Returned only when `save_browser_data` is `true`. Use it to reuse browser data (e.g.,
            cookies) in later runs. Example: profile_abc123.
    """

    id: str
    profile_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        profile_id = self.profile_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        profile_id = absent_if_null(d.pop("profile_id", UNSET))

        task_created_response = cls(
            id=id,
            profile_id=profile_id,
        )

        task_created_response.additional_properties = d
        return task_created_response

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
