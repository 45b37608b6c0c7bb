from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.generate_task_v2_response_status import GenerateTaskV2ResponseStatus
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="GenerateTaskV2Response")


@_attrs_define
class GenerateTaskV2Response:
    """
    Attributes:
        id (str | Unset): The ID of the created task (use with generation-status and run endpoints)
        status (GenerateTaskV2ResponseStatus | Unset): Whether the task is still generating, ready to run, or failed
        task_id (str | Unset): The ID of the task being generated
        task_version_id (str | Unset): The ID of the task version being generated
        project_id (str | Unset): The ID of the underlying generation project
    """

    id: str | Unset = UNSET
    status: GenerateTaskV2ResponseStatus | Unset = UNSET
    task_id: str | Unset = UNSET
    task_version_id: str | Unset = UNSET
    project_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        task_id = self.task_id

        task_version_id = self.task_version_id

        project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if task_id is not UNSET:
            field_dict["taskId"] = task_id
        if task_version_id is not UNSET:
            field_dict["taskVersionId"] = task_version_id
        if project_id is not UNSET:
            field_dict["projectId"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = absent_if_null(d.pop("id", UNSET))

        _status = absent_if_null(d.pop("status", UNSET))
        status: GenerateTaskV2ResponseStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GenerateTaskV2ResponseStatus(_status)

        task_id = absent_if_null(d.pop("taskId", UNSET))

        task_version_id = absent_if_null(d.pop("taskVersionId", UNSET))

        project_id = absent_if_null(d.pop("projectId", UNSET))

        generate_task_v2_response = cls(
            id=id,
            status=status,
            task_id=task_id,
            task_version_id=task_version_id,
            project_id=project_id,
        )

        generate_task_v2_response.additional_properties = d
        return generate_task_v2_response

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
