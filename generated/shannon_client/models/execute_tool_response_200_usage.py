from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecuteToolResponse200Usage")


@_attrs_define
class ExecuteToolResponse200Usage:
    """
    Attributes:
        cost_usd (float | Unset):
        tokens (int | Unset):
    """

    cost_usd: float | Unset = UNSET
    tokens: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_usd = self.cost_usd

        tokens = self.tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cost_usd is not UNSET:
            field_dict["cost_usd"] = cost_usd
        if tokens is not UNSET:
            field_dict["tokens"] = tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cost_usd = absent_if_null(d.pop("cost_usd", UNSET))

        tokens = absent_if_null(d.pop("tokens", UNSET))

        execute_tool_response_200_usage = cls(
            cost_usd=cost_usd,
            tokens=tokens,
        )

        execute_tool_response_200_usage.additional_properties = d
        return execute_tool_response_200_usage

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
