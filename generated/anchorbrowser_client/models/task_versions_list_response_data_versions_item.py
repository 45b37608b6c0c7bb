from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskVersionsListResponseDataVersionsItem")


@_attrs_define
class TaskVersionsListResponseDataVersionsItem:
    """
    Attributes:
        version (str | Unset): Version identifier
        description (str | Unset): Version description
        created_at (datetime.datetime | Unset): Version creation timestamp
        updated_at (datetime.datetime | Unset): Version last update timestamp
    """

    version: str | Unset = UNSET
    description: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        description = self.description

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        version = absent_if_null(d.pop("version", UNSET))

        description = absent_if_null(d.pop("description", UNSET))

        _created_at = absent_if_null(d.pop("createdAt", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["createdAt"] = _created_at

        _updated_at = absent_if_null(d.pop("updatedAt", UNSET))
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime_or_unset(_updated_at)

        if isinstance(updated_at, Unset) and not isinstance(_updated_at, Unset):
            d["updatedAt"] = _updated_at

        task_versions_list_response_data_versions_item = cls(
            version=version,
            description=description,
            created_at=created_at,
            updated_at=updated_at,
        )

        task_versions_list_response_data_versions_item.additional_properties = d
        return task_versions_list_response_data_versions_item

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
