from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskMetadata")


@_attrs_define
class TaskMetadata:
    """
    Attributes:
        id (UUID): Unique identifier for the task
        name (str): Task name
        team_id (UUID): Team identifier that owns this task
        latest (str): Latest version identifier
        deleted (bool): Whether the task is soft deleted
        created_at (datetime.datetime): Task creation timestamp
        updated_at (datetime.datetime): Task last update timestamp
        description (str | Unset): Optional description of the task
    """

    id: UUID
    name: str
    team_id: UUID
    latest: str
    deleted: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        team_id = str(self.team_id)

        latest = self.latest

        deleted = self.deleted

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "teamId": team_id,
                "latest": latest,
                "deleted": deleted,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        team_id = UUID(d.pop("teamId"))

        latest = d.pop("latest")

        deleted = d.pop("deleted")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        description = d.pop("description", UNSET)

        task_metadata = cls(
            id=id,
            name=name,
            team_id=team_id,
            latest=latest,
            deleted=deleted,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
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
