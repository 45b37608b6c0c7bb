from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="LiveUrlInfo")


@_attrs_define
class LiveUrlInfo:
    """Information for viewing a live task execution.

    Available only when the task status is `running`.

        Attributes:
            width (int | Unset): Viewport width Example: 1280.
            height (int | Unset): Viewport height Example: 720.
            live_url (str | Unset): Live view URL. Can be embedded in an `<iframe>`. Example:
                https://live.browseract.com/task/task_123....
    """

    width: int | Unset = UNSET
    height: int | Unset = UNSET
    live_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        width = self.width

        height = self.height

        live_url = self.live_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if live_url is not UNSET:
            field_dict["live_url"] = live_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        width = absent_if_null(d.pop("width", UNSET))

        height = absent_if_null(d.pop("height", UNSET))

        live_url = absent_if_null(d.pop("live_url", UNSET))

        live_url_info = cls(
            width=width,
            height=height,
            live_url=live_url,
        )

        live_url_info.additional_properties = d
        return live_url_info

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
