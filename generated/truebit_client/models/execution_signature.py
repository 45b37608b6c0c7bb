from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecutionSignature")


@_attrs_define
class ExecutionSignature:
    """Signature details of the execution.

    Attributes:
        v (int | Unset): The recovery id of the signature.
        r (str | Unset): The 'r' value of the signature.
        s (str | Unset): The 's' value of the signature.
    """

    v: int | Unset = UNSET
    r: str | Unset = UNSET
    s: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        v = self.v

        r = self.r

        s = self.s

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if v is not UNSET:
            field_dict["v"] = v
        if r is not UNSET:
            field_dict["r"] = r
        if s is not UNSET:
            field_dict["s"] = s

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        v = absent_if_null(d.pop("v", UNSET))

        r = absent_if_null(d.pop("r", UNSET))

        s = absent_if_null(d.pop("s", UNSET))

        execution_signature = cls(
            v=v,
            r=r,
            s=s,
        )

        execution_signature.additional_properties = d
        return execution_signature

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
