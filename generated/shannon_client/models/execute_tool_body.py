from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecuteToolBody")


@_attrs_define
class ExecuteToolBody:
    """
    Attributes:
        arguments (ExecuteToolBodyArguments): Tool-specific parameters
        session_id (str | Unset): Optional session ID for context
    """

    arguments: ExecuteToolBodyArguments
    session_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        arguments = self.arguments.to_dict()

        session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "arguments": arguments,
            }
        )
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        arguments = ExecuteToolBodyArguments.from_dict(d.pop("arguments"))

        session_id = absent_if_null(d.pop("session_id", UNSET))

        execute_tool_body = cls(
            arguments=arguments,
            session_id=session_id,
        )

        execute_tool_body.additional_properties = d
        return execute_tool_body

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


from ..models.execute_tool_body_arguments import ExecuteToolBodyArguments
