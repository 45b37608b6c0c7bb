from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskDownloadFileView")


@_attrs_define
class TaskDownloadFileView:
    """A file generated and uploaded by a task, with a pre-signed download URL (when available).

    Attributes:
        guid (str | Unset): File unique identifier
        file_name (str | Unset): Display file name
        file_size (int | Unset): File size in bytes
        status (str | Unset): File status (value may vary)
        progress (int | Unset): Download progress (0-100)
        download_url (str | Unset): Pre-signed download URL (present when uploaded)
        download_start_time (int | Unset): Download start timestamp (ms)
        download_completed_time (int | Unset): Download completion timestamp (ms)
        expires_at (int | Unset): Expiration timestamp
        error_message (str | Unset): Error message if the file generation/download failed
        create_time (int | Unset): Creation timestamp (ms)
    """

    guid: str | Unset = UNSET
    file_name: str | Unset = UNSET
    file_size: int | Unset = UNSET
    status: str | Unset = UNSET
    progress: int | Unset = UNSET
    download_url: str | Unset = UNSET
    download_start_time: int | Unset = UNSET
    download_completed_time: int | Unset = UNSET
    expires_at: int | Unset = UNSET
    error_message: str | Unset = UNSET
    create_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guid = self.guid

        file_name = self.file_name

        file_size = self.file_size

        status = self.status

        progress = self.progress

        download_url = self.download_url

        download_start_time = self.download_start_time

        download_completed_time = self.download_completed_time

        expires_at = self.expires_at

        error_message = self.error_message

        create_time = self.create_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if guid is not UNSET:
            field_dict["guid"] = guid
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if download_url is not UNSET:
            field_dict["downloadUrl"] = download_url
        if download_start_time is not UNSET:
            field_dict["downloadStartTime"] = download_start_time
        if download_completed_time is not UNSET:
            field_dict["downloadCompletedTime"] = download_completed_time
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if create_time is not UNSET:
            field_dict["createTime"] = create_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        guid = absent_if_null(d.pop("guid", UNSET))

        file_name = absent_if_null(d.pop("fileName", UNSET))

        file_size = absent_if_null(d.pop("fileSize", UNSET))

        status = absent_if_null(d.pop("status", UNSET))

        progress = absent_if_null(d.pop("progress", UNSET))

        download_url = absent_if_null(d.pop("downloadUrl", UNSET))

        download_start_time = absent_if_null(d.pop("downloadStartTime", UNSET))

        download_completed_time = absent_if_null(d.pop("downloadCompletedTime", UNSET))

        expires_at = absent_if_null(d.pop("expiresAt", UNSET))

        error_message = absent_if_null(d.pop("errorMessage", UNSET))

        create_time = absent_if_null(d.pop("createTime", UNSET))

        task_download_file_view = cls(
            guid=guid,
            file_name=file_name,
            file_size=file_size,
            status=status,
            progress=progress,
            download_url=download_url,
            download_start_time=download_start_time,
            download_completed_time=download_completed_time,
            expires_at=expires_at,
            error_message=error_message,
            create_time=create_time,
        )

        task_download_file_view.additional_properties = d
        return task_download_file_view

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
