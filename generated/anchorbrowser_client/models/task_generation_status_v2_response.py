from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_generation_status_v2_response_status import (
    TaskGenerationStatusV2ResponseStatus,
)
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskGenerationStatusV2Response")


@_attrs_define
class TaskGenerationStatusV2Response:
    """
    Attributes:
        id (str | Unset): Identifier of the generation request
        status (TaskGenerationStatusV2ResponseStatus | Unset): Current task generation status
        project_state (str | Unset): Internal state of the generation project
        error (str | Unset): Error message when generation failed
    """

    id: str | Unset = UNSET
    status: TaskGenerationStatusV2ResponseStatus | Unset = UNSET
    project_state: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        project_state = self.project_state

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if project_state is not UNSET:
            field_dict["project_state"] = project_state
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = absent_if_null(d.pop("id", UNSET))

        _status = absent_if_null(d.pop("status", UNSET))
        status: TaskGenerationStatusV2ResponseStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskGenerationStatusV2ResponseStatus(_status)

        project_state = absent_if_null(d.pop("project_state", UNSET))

        error = absent_if_null(d.pop("error", UNSET))

        task_generation_status_v2_response = cls(
            id=id,
            status=status,
            project_state=project_state,
            error=error,
        )

        task_generation_status_v2_response.additional_properties = d
        return task_generation_status_v2_response

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
