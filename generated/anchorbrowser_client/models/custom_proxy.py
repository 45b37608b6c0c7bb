from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.custom_proxy_type import CustomProxyType

T = TypeVar("T", bound="CustomProxy")


@_attrs_define
class CustomProxy:
    """
    Attributes:
        type_ (CustomProxyType):
        server (str): Proxy address in **PROTOCOL://HOST:PORT** format (e.g., https://proxy.example.com:443). See [Bring
            Your Own Proxy](/advanced/bring-your-own-proxy).
        username (str): Proxy username
        password (str): Proxy password
        active (bool):
    """

    type_: CustomProxyType
    server: str
    username: str
    password: str
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        server = self.server

        username = self.username

        password = self.password

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "server": server,
                "username": username,
                "password": password,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = CustomProxyType(d.pop("type"))

        server = d.pop("server")

        username = d.pop("username")

        password = d.pop("password")

        active = d.pop("active")

        custom_proxy = cls(
            type_=type_,
            server=server,
            username=username,
            password=password,
            active=active,
        )

        custom_proxy.additional_properties = d
        return custom_proxy

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
