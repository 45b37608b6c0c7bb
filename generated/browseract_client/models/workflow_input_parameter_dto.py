from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="WorkflowInputParameterDto")


@_attrs_define
class WorkflowInputParameterDto:
    """Definition of an input parameter expected by a workflow or template.

    Attributes:
        name (str | Unset): Parameter name Example: keyword.
        default_enabled (bool | Unset): Whether the parameter is enabled by default in the UI. Example: True.
    """

    name: str | Unset = UNSET
    default_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        default_enabled = self.default_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if default_enabled is not UNSET:
            field_dict["default_enabled"] = default_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = absent_if_null(d.pop("name", UNSET))

        default_enabled = absent_if_null(d.pop("default_enabled", UNSET))

        workflow_input_parameter_dto = cls(
            name=name,
            default_enabled=default_enabled,
        )

        workflow_input_parameter_dto.additional_properties = d
        return workflow_input_parameter_dto

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
