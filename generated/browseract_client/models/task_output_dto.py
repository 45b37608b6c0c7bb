from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskOutputDto")


@_attrs_define
class TaskOutputDto:
    """Task output produced by the workflow.

    The exact output depends on the workflow. Common patterns:
    - `string`: plain text or JSON string
    - `files`: URLs for output files (if any)

        Attributes:
            string (str | Unset): Plain output string (format depends on the workflow). Example: {"items":[...]}.
            files (list[str] | Unset): Output file URLs (if any).
    """

    string: str | Unset = UNSET
    files: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        string = self.string

        files: list[str] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = self.files

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if string is not UNSET:
            field_dict["string"] = string
        if files is not UNSET:
            field_dict["files"] = files

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        string = absent_if_null(d.pop("string", UNSET))

        files = cast(list[str], absent_if_null(d.pop("files", UNSET)))

        task_output_dto = cls(
            string=string,
            files=files,
        )

        task_output_dto.additional_properties = d
        return task_output_dto

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
