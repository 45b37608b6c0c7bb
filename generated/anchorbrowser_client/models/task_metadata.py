from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskMetadata")


@_attrs_define
class TaskMetadata:
    """
    Attributes:
        id (UUID | Unset): Unique identifier for the task
        name (str | Unset): Task name
        team_id (UUID | Unset): Team identifier that owns this task
        description (str | Unset): Optional description of the task
        latest (str | Unset): Latest version identifier
        deleted (bool | Unset): Whether the task is soft deleted
        created_at (datetime.datetime | Unset): Task creation timestamp
        updated_at (datetime.datetime | Unset): Task last update timestamp
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    team_id: UUID | Unset = UNSET
    description: str | Unset = UNSET
    latest: str | Unset = UNSET
    deleted: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        team_id: str | Unset = UNSET
        if not isinstance(self.team_id, Unset):
            team_id = str(self.team_id)

        description = self.description

        latest = self.latest

        deleted = self.deleted

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if team_id is not UNSET:
            field_dict["teamId"] = team_id
        if description is not UNSET:
            field_dict["description"] = description
        if latest is not UNSET:
            field_dict["latest"] = latest
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = absent_if_null(d.pop("id", UNSET))
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = absent_if_null(d.pop("name", UNSET))

        _team_id = absent_if_null(d.pop("teamId", UNSET))
        team_id: UUID | Unset
        if isinstance(_team_id, Unset):
            team_id = UNSET
        else:
            team_id = UUID(_team_id)

        description = absent_if_null(d.pop("description", UNSET))

        latest = absent_if_null(d.pop("latest", UNSET))

        deleted = absent_if_null(d.pop("deleted", UNSET))

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

        task_metadata = cls(
            id=id,
            name=name,
            team_id=team_id,
            description=description,
            latest=latest,
            deleted=deleted,
            created_at=created_at,
            updated_at=updated_at,
        )

        task_metadata.additional_properties = d
        return task_metadata

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
