from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ListToolsResponse200Item")


@_attrs_define
class ListToolsResponse200Item:
    """
    Attributes:
        description (str | Unset):
        name (str | Unset):
        parameters (ListToolsResponse200ItemParameters | Unset):
    """

    description: str | Unset = UNSET
    name: str | Unset = UNSET
    parameters: ListToolsResponse200ItemParameters | Unset = UNSET
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
        parameters: ListToolsResponse200ItemParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ListToolsResponse200ItemParameters.from_dict(_parameters)

        list_tools_response_200_item = cls(
            description=description,
            name=name,
            parameters=parameters,
        )

        list_tools_response_200_item.additional_properties = d
        return list_tools_response_200_item

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


from ..models.list_tools_response_200_item_parameters import (
    ListToolsResponse200ItemParameters,
)
