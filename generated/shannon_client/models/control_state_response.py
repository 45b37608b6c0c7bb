from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="ControlStateResponse")


@_attrs_define
class ControlStateResponse:
    """
    Attributes:
        is_paused (bool | Unset):
        is_cancelled (bool | Unset):
        paused_at (str | Unset): RFC 3339 time of the pause, or "".
        pause_reason (str | Unset):
        paused_by (str | Unset): The user id that paused the task, or "".
        cancel_reason (str | Unset):
        cancelled_by (str | Unset):
    """

    is_paused: bool | Unset = UNSET
    is_cancelled: bool | Unset = UNSET
    paused_at: str | Unset = UNSET
    pause_reason: str | Unset = UNSET
    paused_by: str | Unset = UNSET
    cancel_reason: str | Unset = UNSET
    cancelled_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_paused = self.is_paused

        is_cancelled = self.is_cancelled

        paused_at = self.paused_at

        pause_reason = self.pause_reason

        paused_by = self.paused_by

        cancel_reason = self.cancel_reason

        cancelled_by = self.cancelled_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_paused is not UNSET:
            field_dict["is_paused"] = is_paused
        if is_cancelled is not UNSET:
            field_dict["is_cancelled"] = is_cancelled
        if paused_at is not UNSET:
            field_dict["paused_at"] = paused_at
        if pause_reason is not UNSET:
            field_dict["pause_reason"] = pause_reason
        if paused_by is not UNSET:
            field_dict["paused_by"] = paused_by
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        is_paused = absent_if_null(d.pop("is_paused", UNSET))

        is_cancelled = absent_if_null(d.pop("is_cancelled", UNSET))

        paused_at = absent_if_null(d.pop("paused_at", UNSET))

        pause_reason = absent_if_null(d.pop("pause_reason", UNSET))

        paused_by = absent_if_null(d.pop("paused_by", UNSET))

        cancel_reason = absent_if_null(d.pop("cancel_reason", UNSET))

        cancelled_by = absent_if_null(d.pop("cancelled_by", UNSET))

        control_state_response = cls(
            is_paused=is_paused,
            is_cancelled=is_cancelled,
            paused_at=paused_at,
            pause_reason=pause_reason,
            paused_by=paused_by,
            cancel_reason=cancel_reason,
            cancelled_by=cancelled_by,
        )

        control_state_response.additional_properties = d
        return control_state_response

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
