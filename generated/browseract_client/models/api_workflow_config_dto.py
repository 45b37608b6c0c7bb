from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="ApiWorkflowConfigDto")


@_attrs_define
class ApiWorkflowConfigDto:
    """Full workflow configuration.

    Attributes:
        id (str | Unset): Workflow ID
        name (str | Unset): Workflow name
        description (str | Unset): Workflow description
        create_at (datetime.datetime | Unset): Workflow creation time
        publish_at (datetime.datetime | Unset): Workflow publish time
        input_parameters (list[WorkflowInputParameterDto] | Unset): Input parameters required to run this workflow.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    create_at: datetime.datetime | Unset = UNSET
    publish_at: datetime.datetime | Unset = UNSET
    input_parameters: list[WorkflowInputParameterDto] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        create_at: str | Unset = UNSET
        if not isinstance(self.create_at, Unset):
            create_at = self.create_at.isoformat()

        publish_at: str | Unset = UNSET
        if not isinstance(self.publish_at, Unset):
            publish_at = self.publish_at.isoformat()

        input_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.input_parameters, Unset):
            input_parameters = []
            for input_parameters_item_data in self.input_parameters:
                input_parameters_item = input_parameters_item_data.to_dict()
                input_parameters.append(input_parameters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if create_at is not UNSET:
            field_dict["create_at"] = create_at
        if publish_at is not UNSET:
            field_dict["publish_at"] = publish_at
        if input_parameters is not UNSET:
            field_dict["input_parameters"] = input_parameters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = absent_if_null(d.pop("id", UNSET))

        name = absent_if_null(d.pop("name", UNSET))

        description = absent_if_null(d.pop("description", UNSET))

        _create_at = absent_if_null(d.pop("create_at", UNSET))
        create_at: datetime.datetime | Unset
        if isinstance(_create_at, Unset):
            create_at = UNSET
        else:
            create_at = datetime_or_unset(_create_at)

        if isinstance(create_at, Unset) and not isinstance(_create_at, Unset):
            d["create_at"] = _create_at

        _publish_at = absent_if_null(d.pop("publish_at", UNSET))
        publish_at: datetime.datetime | Unset
        if isinstance(_publish_at, Unset):
            publish_at = UNSET
        else:
            publish_at = datetime_or_unset(_publish_at)

        if isinstance(publish_at, Unset) and not isinstance(_publish_at, Unset):
            d["publish_at"] = _publish_at

        _input_parameters = absent_if_null(d.pop("input_parameters", UNSET))
        input_parameters: list[WorkflowInputParameterDto] | Unset = UNSET
        if _input_parameters is not UNSET:
            input_parameters = []
            for input_parameters_item_data in _input_parameters:
                input_parameters_item = WorkflowInputParameterDto.from_dict(
                    input_parameters_item_data
                )

                input_parameters.append(input_parameters_item)

        api_workflow_config_dto = cls(
            id=id,
            name=name,
            description=description,
            create_at=create_at,
            publish_at=publish_at,
            input_parameters=input_parameters,
        )

        api_workflow_config_dto.additional_properties = d
        return api_workflow_config_dto

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


from ..models.workflow_input_parameter_dto import WorkflowInputParameterDto
