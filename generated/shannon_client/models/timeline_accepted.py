from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TimelineAccepted")


@_attrs_define
class TimelineAccepted:
    """
    Attributes:
        status (str | Unset): "accepted"
        workflow_id (str | Unset):
        count (int | Unset):
    """

    status: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        workflow_id = self.workflow_id

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = absent_if_null(d.pop("status", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        count = absent_if_null(d.pop("count", UNSET))

        timeline_accepted = cls(
            status=status,
            workflow_id=workflow_id,
            count=count,
        )

        timeline_accepted.additional_properties = d
        return timeline_accepted

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
