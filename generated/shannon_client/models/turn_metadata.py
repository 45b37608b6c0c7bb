from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.turn_metadata_attachments_item import TurnMetadataAttachmentsItem


T = TypeVar("T", bound="TurnMetadata")


@_attrs_define
class TurnMetadata:
    """
    Attributes:
        agents_involved (list[str]):
        execution_time_ms (int):
        tokens_used (int):
        attachments (list[TurnMetadataAttachmentsItem] | Unset): Optional attachment metadata from task context
    """

    agents_involved: list[str]
    execution_time_ms: int
    tokens_used: int
    attachments: list[TurnMetadataAttachmentsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents_involved = self.agents_involved

        execution_time_ms = self.execution_time_ms

        tokens_used = self.tokens_used

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agents_involved": agents_involved,
                "execution_time_ms": execution_time_ms,
                "tokens_used": tokens_used,
            }
        )
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.turn_metadata_attachments_item import TurnMetadataAttachmentsItem

        d = dict(src_dict)
        agents_involved = cast(list[str], d.pop("agents_involved"))

        execution_time_ms = d.pop("execution_time_ms")

        tokens_used = d.pop("tokens_used")

        _attachments = d.pop("attachments", UNSET)
        attachments: list[TurnMetadataAttachmentsItem] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = TurnMetadataAttachmentsItem.from_dict(
                    attachments_item_data
                )

                attachments.append(attachments_item)

        turn_metadata = cls(
            agents_involved=agents_involved,
            execution_time_ms=execution_time_ms,
            tokens_used=tokens_used,
            attachments=attachments,
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
