from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TurnMetadata")


@_attrs_define
class TurnMetadata:
    """
    Attributes:
        agents_involved (list[str] | Unset):
        attachments (list[TurnMetadataAttachmentsItem] | Unset): Optional attachment metadata from task context
        execution_time_ms (int | Unset):
        tokens_used (int | Unset):
    """

    agents_involved: list[str] | Unset = UNSET
    attachments: list[TurnMetadataAttachmentsItem] | Unset = UNSET
    execution_time_ms: int | Unset = UNSET
    tokens_used: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents_involved: list[str] | Unset = UNSET
        if not isinstance(self.agents_involved, Unset):
            agents_involved = self.agents_involved

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        execution_time_ms = self.execution_time_ms

        tokens_used = self.tokens_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agents_involved is not UNSET:
            field_dict["agents_involved"] = agents_involved
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if execution_time_ms is not UNSET:
            field_dict["execution_time_ms"] = execution_time_ms
        if tokens_used is not UNSET:
            field_dict["tokens_used"] = tokens_used

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agents_involved = cast(
            list[str], absent_if_null(d.pop("agents_involved", UNSET))
        )

        _attachments = absent_if_null(d.pop("attachments", UNSET))
        attachments: list[TurnMetadataAttachmentsItem] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = TurnMetadataAttachmentsItem.from_dict(
                    attachments_item_data
                )

                attachments.append(attachments_item)

        execution_time_ms = absent_if_null(d.pop("execution_time_ms", UNSET))

        tokens_used = absent_if_null(d.pop("tokens_used", UNSET))

        turn_metadata = cls(
            agents_involved=agents_involved,
            attachments=attachments,
            execution_time_ms=execution_time_ms,
            tokens_used=tokens_used,
        )

        turn_metadata.additional_properties = d
        return turn_metadata

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


from ..models.turn_metadata_attachments_item import TurnMetadataAttachmentsItem
