from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="SessionConfigLiveView")


@_attrs_define
class SessionConfigLiveView:
    """Configuration for live viewing the browser session.

    Attributes:
        read_only (bool | Unset): Enable or disable read-only mode for live viewing. Defaults to `false`.
        one_time_url (bool | Unset): Generate a single-use live view URL. After the first viewer connects, the link
            becomes invalid. Requires a headful browser. Defaults to `false`.
    """

    read_only: bool | Unset = UNSET
    one_time_url: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        read_only = self.read_only

        one_time_url = self.one_time_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if read_only is not UNSET:
            field_dict["read_only"] = read_only
        if one_time_url is not UNSET:
            field_dict["one_time_url"] = one_time_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        read_only = absent_if_null(d.pop("read_only", UNSET))

        one_time_url = absent_if_null(d.pop("one_time_url", UNSET))

        session_config_live_view = cls(
            read_only=read_only,
            one_time_url=one_time_url,
        )

        session_config_live_view.additional_properties = d
        return session_config_live_view

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
