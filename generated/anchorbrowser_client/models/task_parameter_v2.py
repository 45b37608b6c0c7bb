from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_parameter_v2_type import TaskParameterV2Type
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskParameterV2")


@_attrs_define
class TaskParameterV2:
    """A single input or output parameter for a generated task.

    Attributes:
        name (str): The field name/key
        type_ (TaskParameterV2Type): Data type of the parameter
        required (bool | Unset): Whether the parameter is required Default: True.
        description (None | str | Unset): Description of the parameter
        default_value (Any | Unset): Default value of the parameter, used when not provided
        options (list[str] | None | Unset): Allowed values for the parameter, if constrained
    """

    name: str
    type_: TaskParameterV2Type
    required: bool | Unset = True
    description: None | str | Unset = UNSET
    default_value: Any | Unset = UNSET
    options: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        required = self.required

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        default_value = self.default_value

        options: list[str] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = self.options

        else:
            options = self.options

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if description is not UNSET:
            field_dict["description"] = description
        if default_value is not UNSET:
            field_dict["defaultValue"] = default_value
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = TaskParameterV2Type(d.pop("type"))

        required = absent_if_null(d.pop("required", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        default_value = d.pop("defaultValue", UNSET)

        def _parse_options(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = cast(list[str], data)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        task_parameter_v2 = cls(
            name=name,
            type_=type_,
            required=required,
            description=description,
            default_value=default_value,
            options=options,
        )

        task_parameter_v2.additional_properties = d
        return task_parameter_v2

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
