from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TurnMetadataAttachmentsItem")


@_attrs_define
class TurnMetadataAttachmentsItem:
    """
    Attributes:
        filename (str | Unset):
        id (str | Unset):
        media_type (str | Unset):
        size_bytes (int | Unset):
        thumbnail (str | Unset): Thumbnail data URL (<=50KB)
    """

    filename: str | Unset = UNSET
    id: str | Unset = UNSET
    media_type: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    thumbnail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        id = self.id

        media_type = self.media_type

        size_bytes = self.size_bytes

        thumbnail = self.thumbnail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filename is not UNSET:
            field_dict["filename"] = filename
        if id is not UNSET:
            field_dict["id"] = id
        if media_type is not UNSET:
            field_dict["media_type"] = media_type
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if thumbnail is not UNSET:
            field_dict["thumbnail"] = thumbnail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        filename = absent_if_null(d.pop("filename", UNSET))

        id = absent_if_null(d.pop("id", UNSET))

        media_type = absent_if_null(d.pop("media_type", UNSET))

        size_bytes = absent_if_null(d.pop("size_bytes", UNSET))

        thumbnail = absent_if_null(d.pop("thumbnail", UNSET))

        turn_metadata_attachments_item = cls(
            filename=filename,
            id=id,
            media_type=media_type,
            size_bytes=size_bytes,
            thumbnail=thumbnail,
        )

        turn_metadata_attachments_item.additional_properties = d
        return turn_metadata_attachments_item

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
