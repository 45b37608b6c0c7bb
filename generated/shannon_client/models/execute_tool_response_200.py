from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ExecuteToolResponse200")


@_attrs_define
class ExecuteToolResponse200:
    """
    Attributes:
        error (str | Unset):
        execution_time_ms (int | Unset):
        metadata (ExecuteToolResponse200Metadata | Unset): Tool-specific metadata from execution
        output (Any | Unset):
        success (bool | Unset):
        usage (ExecuteToolResponse200Usage | Unset):
    """

    error: str | Unset = UNSET
    execution_time_ms: int | Unset = UNSET
    metadata: ExecuteToolResponse200Metadata | Unset = UNSET
    output: Any | Unset = UNSET
    success: bool | Unset = UNSET
    usage: ExecuteToolResponse200Usage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        execution_time_ms = self.execution_time_ms

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        output = self.output

        success = self.success

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error
        if execution_time_ms is not UNSET:
            field_dict["execution_time_ms"] = execution_time_ms
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if output is not UNSET:
            field_dict["output"] = output
        if success is not UNSET:
            field_dict["success"] = success
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = absent_if_null(d.pop("error", UNSET))

        execution_time_ms = absent_if_null(d.pop("execution_time_ms", UNSET))

        _metadata = absent_if_null(d.pop("metadata", UNSET))
        metadata: ExecuteToolResponse200Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ExecuteToolResponse200Metadata.from_dict(_metadata)

        output = d.pop("output", UNSET)

        success = absent_if_null(d.pop("success", UNSET))

        _usage = absent_if_null(d.pop("usage", UNSET))
        usage: ExecuteToolResponse200Usage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = ExecuteToolResponse200Usage.from_dict(_usage)

        execute_tool_response_200 = cls(
            error=error,
            execution_time_ms=execution_time_ms,
            metadata=metadata,
            output=output,
            success=success,
            usage=usage,
        )

        execute_tool_response_200.additional_properties = d
        return execute_tool_response_200

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


from ..models.execute_tool_response_200_metadata import ExecuteToolResponse200Metadata
from ..models.execute_tool_response_200_usage import ExecuteToolResponse200Usage
