from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ResponseData")


@_attrs_define
class ResponseData:
    """Standard error response envelope.

    Most successful responses return the resource directly (without this envelope).
    When an error occurs, you can use `traceId` to help BrowserAct support locate the issue.

        Attributes:
            code (int | Unset): Response code. `0` means success; non-zero means failure. Example: 123.
            msg (str | Unset): Human-readable error message (present when `code` is non-zero). Example: Invalid task_id.
            data (None | ResponseDataDataType0 | Unset): Error details (shape may vary by error); null on most errors.
            ts (int | Unset): Server timestamp (milliseconds). Example: 1699335116000.
            time (str | Unset): Server time as "YYYY-MM-DD HH:MM:SS" (not ISO 8601). Example: 2025-10-08 09:54:10.
            trace_id (str | Unset): Error ID for tracking in logs. Example: b4bb01c1b2b14f11a6a2d7c1c8b0e3a1.
    """

    code: int | Unset = UNSET
    msg: str | Unset = UNSET
    data: None | ResponseDataDataType0 | Unset = UNSET
    ts: int | Unset = UNSET
    time: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msg = self.msg

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, ResponseDataDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        ts = self.ts

        time = self.time

        trace_id = self.trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if msg is not UNSET:
            field_dict["msg"] = msg
        if data is not UNSET:
            field_dict["data"] = data
        if ts is not UNSET:
            field_dict["ts"] = ts
        if time is not UNSET:
            field_dict["time"] = time
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = absent_if_null(d.pop("code", UNSET))

        msg = absent_if_null(d.pop("msg", UNSET))

        def _parse_data(data: object) -> None | ResponseDataDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = ResponseDataDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseDataDataType0 | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        ts = absent_if_null(d.pop("ts", UNSET))

        time = absent_if_null(d.pop("time", UNSET))

        trace_id = absent_if_null(d.pop("traceId", UNSET))

        response_data = cls(
            code=code,
            msg=msg,
            data=data,
            ts=ts,
            time=time,
            trace_id=trace_id,
        )

        response_data.additional_properties = d
        return response_data

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


from ..models.response_data_data_type_0 import ResponseDataDataType0
