from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskVersionsListResponseData")


@_attrs_define
class TaskVersionsListResponseData:
    """
    Attributes:
        task_id (UUID | Unset): Task identifier
        versions (list[TaskVersionsListResponseDataVersionsItem] | Unset):
    """

    task_id: UUID | Unset = UNSET
    versions: list[TaskVersionsListResponseDataVersionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id: str | Unset = UNSET
        if not isinstance(self.task_id, Unset):
            task_id = str(self.task_id)

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["taskId"] = task_id
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _task_id = absent_if_null(d.pop("taskId", UNSET))
        task_id: UUID | Unset
        if isinstance(_task_id, Unset):
            task_id = UNSET
        else:
            task_id = UUID(_task_id)

        _versions = absent_if_null(d.pop("versions", UNSET))
        versions: list[TaskVersionsListResponseDataVersionsItem] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = TaskVersionsListResponseDataVersionsItem.from_dict(
                    versions_item_data
                )

                versions.append(versions_item)

        task_versions_list_response_data = cls(
            task_id=task_id,
            versions=versions,
        )

        task_versions_list_response_data.additional_properties = d
        return task_versions_list_response_data

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


from ..models.task_versions_list_response_data_versions_item import (
    TaskVersionsListResponseDataVersionsItem,
)
