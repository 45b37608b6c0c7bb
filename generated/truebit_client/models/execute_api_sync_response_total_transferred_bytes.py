from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecuteApiSyncResponseTotalTransferredBytes")


@_attrs_define
class ExecuteApiSyncResponseTotalTransferredBytes:
    """Total bytes transferred during the request and response.

    Attributes:
        request (int | Unset): Bytes transferred in the request.
        response (int | Unset): Bytes transferred in the response.
    """

    request: int | Unset = UNSET
    response: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request = self.request

        response = self.response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request is not UNSET:
            field_dict["request"] = request
        if response is not UNSET:
            field_dict["response"] = response

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        request = absent_if_null(d.pop("request", UNSET))

        response = absent_if_null(d.pop("response", UNSET))

        execute_api_sync_response_total_transferred_bytes = cls(
            request=request,
            response=response,
        )

        execute_api_sync_response_total_transferred_bytes.additional_properties = d
        return execute_api_sync_response_total_transferred_bytes

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
