from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="GetToolResponse200")


@_attrs_define
class GetToolResponse200:
    """
    Attributes:
        description (str | Unset):
        name (str | Unset):
        parameters (GetToolResponse200Parameters | Unset):
    """

    description: str | Unset = UNSET
    name: str | Unset = UNSET
    parameters: GetToolResponse200Parameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = absent_if_null(d.pop("description", UNSET))

        name = absent_if_null(d.pop("name", UNSET))

        _parameters = absent_if_null(d.pop("parameters", UNSET))
        parameters: GetToolResponse200Parameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = GetToolResponse200Parameters.from_dict(_parameters)

        get_tool_response_200 = cls(
            description=description,
            name=name,
            parameters=parameters,
        )

        get_tool_response_200.additional_properties = d
        return get_tool_response_200

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


from ..models.get_tool_response_200_parameters import GetToolResponse200Parameters
